using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hydro.Core.Runs;

namespace Hydro.Core.Data;

/// <summary>One training basin's and target's observations under <c>training.observation_fraction</c>.</summary>
/// <param name="Basin">The basin.</param>
/// <param name="Target">The target.</param>
/// <param name="Observed">Finite observations in the training period (n).</param>
/// <param name="Kept">Those kept for training: the most recent ⌈f·n⌉.</param>
/// <param name="FirstKept">The step of the earliest kept observation; null when none is kept.</param>
public sealed record ObservationCount(string Basin, string Target, int Observed, int Kept, DateTime? FirstKept);

/// <summary>
/// <c>training.observation_fraction</c> (f, 0 &lt; f ≤ 1): trains as if each basin had been gauged only recently. For each
/// training basin and each target, of its n finite observations in the training period only the most recent ⌈f·n⌉ are
/// kept (at least one when n ≥ 1); every earlier row, history rows before the period included, becomes missing (NaN).
/// </summary>
/// <remarks>
/// <para>The mask is applied to the training store's targets in place, right after loading, so everything built from
/// them follows: the loss never sees the masked values (their target mask is false), windows whose scored steps hold no
/// kept observation are not sampled, the normalisation statistics are fitted on the kept values only, and forecast
/// observed inputs (<c>&lt;target&gt;_obs</c>) are 0 with flag 0 there. Validation and test stores are loaded apart and
/// are untouched. The rule is deterministic; f = 1 changes nothing. Used for the pre-training benefit against the
/// share of training observations (Feng et al., FHNN, 10 %, 30 %, 100 %).</para>
/// </remarks>
public sealed class ObservationFraction
{
    /// <summary>The record's file name in a run directory.</summary>
    public const string FileName = "observation_fraction.json";

    private ObservationFraction(double fraction, IReadOnlyList<string> targets, TimeSpan step, IReadOnlyList<ObservationCount> counts)
    {
        Fraction = fraction;
        Targets = targets;
        Step = step;
        Counts = counts;
    }

    /// <summary>f.</summary>
    public double Fraction { get; }

    /// <summary>The targets, in store order.</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>The store's time step (formats <see cref="ObservationCount.FirstKept"/>).</summary>
    public TimeSpan Step { get; }

    /// <summary>One count per basin and target, basins in store order.</summary>
    public IReadOnlyList<ObservationCount> Counts { get; }

    /// <summary>Finite training observations before masking, all basins and targets.</summary>
    public long Observed => Counts.Sum(c => (long)c.Observed);

    /// <summary>Training observations kept, all basins and targets.</summary>
    public long Kept => Counts.Sum(c => (long)c.Kept);

    /// <summary>The number of training basins.</summary>
    public int Basins => Counts.Select(c => c.Basin).Distinct(StringComparer.Ordinal).Count();

    /// <summary>⌈f·n⌉ (capped at n), computed in decimal so that 0.3 · 10 is 3 and not 4.</summary>
    public static int KeptOf(int observed, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the observation fraction must be in (0, 1]");
        }

        return (int)Math.Min(observed, Math.Ceiling((decimal)fraction * observed));
    }

    /// <summary>Masks <paramref name="store"/>'s targets in place (see the class remarks) and counts what is kept.</summary>
    /// <param name="store">The training store.</param>
    /// <param name="fraction">f, in (0, 1].</param>
    public static ObservationFraction Apply(BasinStore store, double fraction)
    {
        ArgumentNullException.ThrowIfNull(store);
        var targets = store.Variables.Targets;
        var counts = new List<ObservationCount>();
        foreach (var b in store.Basins)
        {
            var k = b.TargetCount;
            for (var j = 0; j < k; j++)
            {
                var observed = 0;
                for (var t = b.PeriodStartIndex; t < b.Steps; t++)
                {
                    observed += float.IsFinite(b.Targets[(t * k) + j]) ? 1 : 0;
                }

                var kept = KeptOf(observed, fraction);
                if (fraction >= 1)
                {
                    counts.Add(new ObservationCount(b.Basin, targets[j], observed, kept, FirstFinite(b, j)));
                    continue;
                }

                // The cut is the row of the kept-th finite value counted from the period's end; rows before it go.
                var cut = b.Steps;
                for (var (t, seen) = (b.Steps - 1, 0); t >= b.PeriodStartIndex && seen < kept; t--)
                {
                    if (float.IsFinite(b.Targets[(t * k) + j]))
                    {
                        seen++;
                        cut = t;
                    }
                }

                for (var t = 0; t < cut; t++)
                {
                    b.Targets[(t * k) + j] = float.NaN;
                }

                counts.Add(new ObservationCount(b.Basin, targets[j], observed, kept, kept == 0 ? null : b.TimeAt(cut)));
            }
        }

        return new ObservationFraction(fraction, targets, store.Step, counts);
    }

    /// <summary>The log line: <c>observation_fraction 0.1: kept 1,234 of 12,340 training observations (streamflow) over 47 basins</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"observation_fraction {Fraction}: kept {Kept:N0} of {Observed:N0} training observations ({string.Join("/", Targets)}) over {Basins} basins");

    /// <summary>Writes <c>observation_fraction.json</c>: f, the totals, per target and per basin and target.</summary>
    public void Write(string runDirectory)
    {
        var perTarget = new JsonObject();
        foreach (var target in Targets)
        {
            var of = Counts.Where(c => c.Target == target).ToList();
            perTarget[target] = new JsonObject { ["observed"] = of.Sum(c => (long)c.Observed), ["kept"] = of.Sum(c => (long)c.Kept) };
        }

        var perBasin = new JsonArray();
        foreach (var c in Counts)
        {
            perBasin.Add(new JsonObject
            {
                ["basin"] = c.Basin,
                ["target"] = c.Target,
                ["observed"] = c.Observed,
                ["kept"] = c.Kept,
                ["first_kept"] = c.FirstKept is { } first ? TimeSteps.Format(first, Step) : null,
            });
        }

        var root = new JsonObject
        {
            ["fraction"] = Fraction,
            ["observed"] = Observed,
            ["kept"] = Kept,
            ["basins"] = Basins,
            ["targets"] = perTarget,
            ["per_basin"] = perBasin,
        };
        AtomicFile.WriteAllText(Path.Combine(runDirectory, FileName), root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static DateTime? FirstFinite(BasinData b, int j)
    {
        for (var t = b.PeriodStartIndex; t < b.Steps; t++)
        {
            if (float.IsFinite(b.Targets[(t * b.TargetCount) + j]))
            {
                return b.TimeAt(t);
            }
        }

        return null;
    }
}
