using Hydro.Abstractions.Components;
using Hydro.Core.Experiments.Model;
using Hydro.Torch;

namespace Hydro.Core.Data;

/// <summary>
/// The windows of a forecast experiment (<c>forecast:</c>): <see cref="History"/> steps ending at the issue time, then
/// <see cref="Horizon"/> steps (lead times 1..H); and the observed-target input channels.
/// </summary>
/// <remarks>
/// <para>A window has T = L + H steps (L = <c>training.sequence_length</c>). Position L − 1 is the issue time; positions
/// L..L + H − 1 are lead times 1..H, the only steps the loss scores. A window whose last row is <c>End</c> is issued at
/// row <c>End − H</c>.</para>
/// <para>Forcings over the horizon are the observed forcings (the perfect-forecast assumption): the skill measured is an
/// upper bound of what a forecast driven by weather forecasts would reach.</para>
/// <para>Observed inputs (<see cref="ObservedInputs"/>): for each target <c>t</c> two channels are appended to the dynamic
/// inputs, <c>t_obs</c> (the observation standardised with the training statistics; 0 where missing and at every
/// position after the issue time) and <c>t_obs_flag</c> (1 where observed at or before the issue time, else 0). In
/// <c>Batch.DynamicPhysical</c> the same channels carry the observation in its unit. No observation after the issue time
/// enters any input: the model also sees the batch without <c>Target</c> (see <c>HydroModel.Forward</c>).</para>
/// </remarks>
public sealed class ForecastWindows
{
    /// <summary>Suffix of the observed-target channel.</summary>
    public const string ObservedSuffix = "_obs";

    /// <summary>Suffix of the observed-target flag channel.</summary>
    public const string FlagSuffix = "_obs_flag";

    /// <summary>Creates the window arithmetic for <paramref name="history"/> + <paramref name="horizon"/> steps.</summary>
    /// <param name="history">L, the steps up to and including the issue time (≥ 1).</param>
    /// <param name="horizon">H, the lead times (≥ 1).</param>
    /// <param name="observedInputs">Whether the observed targets are input channels.</param>
    /// <param name="dynamic">The data's dynamic inputs (forcings).</param>
    /// <param name="targets">The targets.</param>
    public ForecastWindows(int history, int horizon, bool observedInputs, IReadOnlyList<string> dynamic, IReadOnlyList<string> targets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(history, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentNullException.ThrowIfNull(dynamic);
        ArgumentNullException.ThrowIfNull(targets);
        History = history;
        Horizon = horizon;
        ObservedInputs = observedInputs;
        Targets = targets;
        ObservedNames = observedInputs ? ObservedInputNames(targets) : [];
        DynamicNames = [.. dynamic, .. ObservedNames];
    }

    /// <summary>L: steps up to and including the issue time.</summary>
    public int History { get; }

    /// <summary>H: lead times.</summary>
    public int Horizon { get; }

    /// <summary>T = L + H.</summary>
    public int Length => History + Horizon;

    /// <summary>The position of the issue time in a window: L − 1.</summary>
    public int IssuePosition => History - 1;

    /// <summary>Whether observed targets are input channels.</summary>
    public bool ObservedInputs { get; }

    /// <summary>The targets.</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>The observed-input channel names (empty without observed inputs).</summary>
    public IReadOnlyList<string> ObservedNames { get; }

    /// <summary>The model's dynamic inputs: the forcings, then <see cref="ObservedNames"/>.</summary>
    public IReadOnlyList<string> DynamicNames { get; }

    /// <summary>The forecast windows of <paramref name="options"/>, or null for a hindcast experiment.</summary>
    public static ForecastWindows? Of(ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Forecast is { } f
            ? new ForecastWindows(options.Training.SequenceLength, f.Horizon, f.ObservedInputs, options.Inputs.Dynamic, options.Targets)
            : null;
    }

    /// <summary>For each target <c>t</c>: <c>t_obs</c>, <c>t_obs_flag</c>.</summary>
    public static IReadOnlyList<string> ObservedInputNames(IReadOnlyList<string> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return [.. targets.SelectMany(t => new[] { t + ObservedSuffix, t + FlagSuffix })];
    }

    /// <summary>The component context of a model of a forecast experiment (horizon, observed inputs, widened dynamic inputs); unchanged for a hindcast.</summary>
    public static ComponentContext Context(ExperimentOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(options) is { } f
            ? context with { Horizon = f.Horizon, ObservedInputs = f.ObservedNames, DynamicInputs = f.DynamicNames }
            : context;
    }

    /// <summary>A batcher of forecast windows over <paramref name="store"/>: T = L + H steps, the H horizon steps scored.</summary>
    public Batcher Batcher(BasinStore store, Normalizer normalizer, int warmup, Device device) =>
        new(store, normalizer, Length, Horizon, warmup, device) { Forecast = this };

    /// <summary>
    /// The window ends (rows) of every issue time of the period whose horizon fits in the basin's rows and whose
    /// L + H steps of inputs (and gridded inputs' basin cells) are finite, ascending; issue row = end − H. Empty when a
    /// static attribute is not finite.
    /// </summary>
    public int[] IssueEnds(BasinData basin)
    {
        ArgumentNullException.ThrowIfNull(basin);
        if (basin.Static.Any(v => !float.IsFinite(v)))
        {
            return [];
        }

        var finiteRun = WindowSampler.FiniteRuns(basin.Dynamic, basin.Steps, basin.DynamicCount, basin.Grid?.FiniteRows);
        var ends = new List<int>();
        for (var issue = Math.Max(basin.PeriodStartIndex, History - 1); issue + Horizon < basin.Steps; issue++)
        {
            if (finiteRun[issue + Horizon] >= Length)
            {
                ends.Add(issue + Horizon);
            }
        }

        return [.. ends];
    }

    /// <summary>
    /// Appends the observed-target channels to <paramref name="host"/>'s dynamic inputs (see the class remarks); only rows
    /// at or before each window's issue time are read.
    /// </summary>
    internal void AddObservedInputs(HostBatch host, BasinStore store, Normalizer normalizer)
    {
        if (!ObservedInputs)
        {
            return;
        }

        int f = host.DynamicCount, k = host.TargetCount, l = host.Steps, fo = f + (2 * k);
        if (l != Length)
        {
            throw new ArgumentException($"the batch has {l} steps, a forecast window {Length}");
        }

        var dynamic = new float[host.Size * l * fo];
        var physical = host.DynamicPhysical is null ? null : new float[host.Size * l * fo];
        for (var i = 0; i < host.Size; i++)
        {
            var w = host.Windows[i];
            var basin = store.Basins[w.Basin];
            var first = w.End - l + 1;
            for (var t = 0; t < l; t++)
            {
                var from = ((i * l) + t) * f;
                var to = ((i * l) + t) * fo;
                host.Dynamic.AsSpan(from, f).CopyTo(dynamic.AsSpan(to, f));
                if (physical is not null)
                {
                    host.DynamicPhysical!.AsSpan(from, f).CopyTo(physical.AsSpan(to, f));
                }

                // After the issue time the channels stay 0: the observation there is what is forecast.
                if (t > IssuePosition)
                {
                    continue;
                }

                for (var j = 0; j < k; j++)
                {
                    var raw = basin.Targets[((first + t) * k) + j];
                    if (float.IsNaN(raw))
                    {
                        continue;
                    }

                    dynamic[to + f + (2 * j)] = normalizer.Targets[j].Normalize(raw);
                    dynamic[to + f + (2 * j) + 1] = 1;
                    if (physical is not null)
                    {
                        physical[to + f + (2 * j)] = raw;
                        physical[to + f + (2 * j) + 1] = 1;
                    }
                }
            }
        }

        host.Widen(fo, dynamic, physical);
    }
}
