namespace Hydro.Core.Metrics;

/// <summary>
/// Per-basin evaluation metrics over a simulated and an observed series of the same length and time step.
/// </summary>
/// <remarks>
/// Only time steps where both values are finite count (NaN or ±∞ in either drops the step), so inserting NaN into
/// the observations is the same as removing those steps. Standard deviations are population ones (ddof = 0), as in
/// neuralhydrology. A metric that cannot be computed (too few steps, zero variance, …) returns NaN with the reason
/// in <see cref="MetricResult.Reason"/>. Definitions: docs/science models.md §6; where it is silent,
/// neuralhydrology's <c>evaluation/metrics.py</c>. Arguments are (simulated, observed), as in <c>ILoss</c>.
/// </remarks>
public static partial class HydroMetrics
{
    /// <summary>Mean squared error Σ(s−o)²/n. Needs 1 valid step.</summary>
    public static MetricResult Mse(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed)
    {
        var p = ValidPairs.From(simulated, observed);
        return p.TooFew(1) is { } reason ? MetricResult.Undefined(reason) : MetricResult.Of(SumSquaredError(p) / p.Count);
    }

    /// <summary>Root mean squared error √(Σ(s−o)²/n), in the series' unit. Needs 1 valid step.</summary>
    public static MetricResult Rmse(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed)
    {
        var mse = Mse(simulated, observed);
        return mse.IsDefined ? MetricResult.Of(Math.Sqrt(mse.Value)) : mse;
    }

    /// <summary>Percent bias 100·Σ(s−o)/Σo (positive: the simulation overestimates). Needs Σo ≠ 0.</summary>
    public static MetricResult PBias(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed)
    {
        var p = ValidPairs.From(simulated, observed);
        if (p.TooFew(1) is { } reason)
        {
            return MetricResult.Undefined(reason);
        }

        double error = 0, total = 0;
        for (var i = 0; i < p.Count; i++)
        {
            error += p.Simulated[i] - p.Observed[i];
            total += p.Observed[i];
        }

        return total == 0 ? MetricResult.Undefined("the observations sum to zero") : MetricResult.Of(100 * error / total);
    }

    /// <summary>Nash–Sutcliffe efficiency 1 − Σ(s−o)²/Σ(o−ō)². Needs 2 valid steps and varying observations.</summary>
    public static MetricResult Nse(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed)
    {
        var p = ValidPairs.From(simulated, observed);
        if (p.TooFew(2) is { } reason)
        {
            return MetricResult.Undefined(reason);
        }

        if (IsConstant(p.Observed))
        {
            return MetricResult.Undefined(ConstantObservations);
        }

        var mean = p.Observed.Average();
        double deviation = 0;
        foreach (var o in p.Observed)
        {
            deviation += (o - mean) * (o - mean);
        }

        return MetricResult.Of(1 - (SumSquaredError(p) / deviation));
    }

    /// <summary>Pearson correlation r of simulation and observation. Needs 2 valid steps and both varying.</summary>
    public static MetricResult PearsonR(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed)
    {
        var p = ValidPairs.From(simulated, observed);
        return Checked(p, needsVaryingSim: true) is { } reason ? MetricResult.Undefined(reason) : MetricResult.Of(Moments.Of(p).Correlation);
    }

    /// <summary>α-NSE = σs/σo (models.md §6; 1 is ideal). Needs 2 valid steps and varying observations.</summary>
    public static MetricResult AlphaNse(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed)
    {
        var p = ValidPairs.From(simulated, observed);
        if (Checked(p, needsVaryingSim: false) is { } reason)
        {
            return MetricResult.Undefined(reason);
        }

        var m = Moments.Of(p);
        return MetricResult.Of(m.StdSim / m.StdObs);
    }

    /// <summary>β-NSE = (μs−μo)/σo (models.md §6; 0 is ideal). Needs 2 valid steps and varying observations.</summary>
    public static MetricResult BetaNse(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed)
    {
        var p = ValidPairs.From(simulated, observed);
        if (Checked(p, needsVaryingSim: false) is { } reason)
        {
            return MetricResult.Undefined(reason);
        }

        var m = Moments.Of(p);
        return MetricResult.Of((m.MeanSim - m.MeanObs) / m.StdObs);
    }

    /// <summary>
    /// Kling–Gupta efficiency 1 − √((r−1)² + (α−1)² + (β−1)²) with r Pearson's correlation, α = σs/σo, β = μs/μo.
    /// Needs 2 valid steps, both series varying and a non-zero observed mean.
    /// </summary>
    /// <remarks>Gupta, Kling, Yilmaz and Martinez (2009), J. Hydrol. 377, eq. 9.</remarks>
    public static MetricResult Kge(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed)
    {
        var p = ValidPairs.From(simulated, observed);
        if (Checked(p, needsVaryingSim: true) is { } reason)
        {
            return MetricResult.Undefined(reason);
        }

        var m = Moments.Of(p);
        if (m.MeanObs == 0)
        {
            return MetricResult.Undefined("the observed mean is zero, so β = μs/μo is undefined");
        }

        var r = m.Correlation;
        var alpha = m.StdSim / m.StdObs;
        var beta = m.MeanSim / m.MeanObs;
        return MetricResult.Of(1 - Math.Sqrt(((r - 1) * (r - 1)) + ((alpha - 1) * (alpha - 1)) + ((beta - 1) * (beta - 1))));
    }

    private const string ConstantObservations = "the observations are constant (zero variance)";

    private static string? Checked(ValidPairs p, bool needsVaryingSim)
    {
        if (p.TooFew(2) is { } reason)
        {
            return reason;
        }

        if (IsConstant(p.Observed))
        {
            return ConstantObservations;
        }

        return needsVaryingSim && IsConstant(p.Simulated) ? "the simulation is constant (zero variance), so r is undefined" : null;
    }

    /// <summary>Exactly constant (a computed variance of a constant series can be a rounding error above zero).</summary>
    private static bool IsConstant(double[] values)
    {
        foreach (var v in values)
        {
            if (v != values[0])
            {
                return false;
            }
        }

        return true;
    }

    private static double SumSquaredError(ValidPairs p)
    {
        double sum = 0;
        for (var i = 0; i < p.Count; i++)
        {
            var e = p.Simulated[i] - p.Observed[i];
            sum += e * e;
        }

        return sum;
    }
}
