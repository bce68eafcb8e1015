namespace Hydro.Core.Metrics;

/// <summary>Flow-duration-curve signatures (Yilmaz, Gupta and Wagener 2008, Water Resour. Res. 44, W09417).</summary>
/// <remarks>
/// Each series is sorted on its own in descending order (its flow duration curve); segment bounds are
/// <c>round(fraction · n)</c> with round-half-to-even, as <c>np.round</c>. In log space, simulated values ≤ 0 and
/// observed values equal to 0 become 1e-6, and the denominators carry neuralhydrology's + 1e-6; negative
/// observations make the log-space signatures undefined.
/// </remarks>
public static partial class HydroMetrics
{
    private const double LogFloor = 1e-6;

    /// <summary>
    /// FHV: percent bias of the peak flows, 100·Σ(sₕ−oₕ)/Σoₕ over the top <paramref name="h"/> fraction of each flow
    /// duration curve (default 2 %). Needs round(h·n) ≥ 1 and a non-zero sum of the observed peak segment.
    /// </summary>
    public static MetricResult Fhv(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed, double h = 0.02)
    {
        OpenFraction(h, nameof(h));
        var p = ValidPairs.From(simulated, observed);
        if (p.TooFew(1) is { } reason)
        {
            return MetricResult.Undefined(reason);
        }

        var count = Bound(h, p.Count);
        if (count < 1)
        {
            return MetricResult.Undefined($"the top {h} of {p.Count} steps is empty (round({h}·{p.Count}) = 0)");
        }

        var obs = Descending(p.Observed);
        var sim = Descending(p.Simulated);
        double error = 0, total = 0;
        for (var i = 0; i < count; i++)
        {
            error += sim[i] - obs[i];
            total += obs[i];
        }

        return total == 0 ? MetricResult.Undefined("the observed peak segment sums to zero") : MetricResult.Of(100 * error / total);
    }

    /// <summary>
    /// FLV: percent bias of the low-flow segment (bottom <paramref name="l"/> fraction, default 30 %) in log space,
    /// −100·(Σ(log sₗ − min log sₗ) − Σ(log oₗ − min log oₗ)) / (Σ(log oₗ − min log oₗ) + 1e-6).
    /// </summary>
    public static MetricResult Flv(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed, double l = 0.3)
    {
        OpenFraction(l, nameof(l));
        var p = ValidPairs.From(simulated, observed);
        if (LogSpaceProblem(p) is { } reason)
        {
            return MetricResult.Undefined(reason);
        }

        var start = Bound(1 - l, p.Count);
        if (start >= p.Count)
        {
            return MetricResult.Undefined($"the bottom {l} of {p.Count} steps is empty (round({1 - l}·{p.Count}) = {start})");
        }

        var qsl = LowSegmentSum(Descending(p.Simulated.Select(FloorSimulated)), start);
        var qol = LowSegmentSum(Descending(p.Observed.Select(FloorObserved)), start);
        return MetricResult.Of(-100 * (qsl - qol) / (qol + LogFloor));
    }

    /// <summary>
    /// FMS: percent bias of the flow duration curve's mid-segment slope in log space between exceedance
    /// <paramref name="lower"/> (default 0.2) and <paramref name="upper"/> (default 0.7):
    /// 100·((log s_lo − log s_up) − (log o_lo − log o_up)) / (log o_lo − log o_up + 1e-6).
    /// </summary>
    public static MetricResult Fms(
        ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed, double lower = 0.2, double upper = 0.7)
    {
        OpenFraction(lower, nameof(lower));
        OpenFraction(upper, nameof(upper));
        if (lower >= upper)
        {
            throw new ArgumentOutOfRangeException(nameof(lower), lower, $"lower must be below upper ({upper})");
        }

        var p = ValidPairs.From(simulated, observed);
        if (LogSpaceProblem(p) is { } reason)
        {
            return MetricResult.Undefined(reason);
        }

        int lo = Bound(lower, p.Count), up = Bound(upper, p.Count);
        if (up >= p.Count)
        {
            return MetricResult.Undefined($"{p.Count} valid step(s) are too few for the exceedance bound {upper}");
        }

        var sim = Descending(p.Simulated.Select(FloorSimulated));
        var obs = Descending(p.Observed.Select(FloorObserved));
        var simSlope = Math.Log(sim[lo]) - Math.Log(sim[up]);
        var obsSlope = Math.Log(obs[lo]) - Math.Log(obs[up]);
        return MetricResult.Of(100 * (simSlope - obsSlope) / (obsSlope + LogFloor));
    }

    private static void OpenFraction(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in (0, 1)");
        }
    }

    private static int Bound(double fraction, int count) => (int)Math.Round(fraction * count, MidpointRounding.ToEven);

    private static string? LogSpaceProblem(ValidPairs p)
    {
        if (p.TooFew(1) is { } reason)
        {
            return reason;
        }

        var negative = Array.FindIndex(p.Observed, o => o < 0);
        return negative < 0 ? null : $"observed value {p.Observed[negative]} at step {p.Index[negative]} is negative; log-space flow signatures need flows ≥ 0";
    }

    private static double FloorSimulated(double value) => value <= 0 ? LogFloor : value;

    private static double FloorObserved(double value) => value == 0 ? LogFloor : value;

    /// <summary>Sorted copy, largest first (the flow duration curve).</summary>
    private static double[] Descending(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        Array.Reverse(sorted);
        return sorted;
    }

    private static double LowSegmentSum(double[] descending, int start)
    {
        var logs = descending.Skip(start).Select(v => Math.Log(v)).ToArray();
        var min = logs.Min();
        return logs.Sum(v => v - min);
    }
}
