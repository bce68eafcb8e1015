using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Core.Data;

/// <summary>
/// A batch in host memory: one contiguous array per tensor, filled without any tensor allocation (so it can be
/// prepared on a background thread while the model trains on the previous batch).
/// </summary>
public sealed class HostBatch
{
    internal HostBatch(WindowRef[] windows, string[] basins, int steps, int f, int s, int k, bool physical)
    {
        Windows = windows;
        Basins = basins;
        Steps = steps;
        DynamicCount = f;
        StaticCount = s;
        TargetCount = k;
        var b = windows.Length;
        Dynamic = new float[b * steps * f];
        DynamicPhysical = physical ? new float[b * steps * f] : null;
        Static = new float[b * s];
        Target = new float[b * steps * k];
        TargetMask = new bool[b * steps * k];
        TargetStd = new float[b * k];
        TargetMean = new float[b * k];
    }

    /// <summary>The windows, one per row.</summary>
    public WindowRef[] Windows { get; }

    /// <summary>The basin of each row.</summary>
    public string[] Basins { get; }

    /// <summary>T.</summary>
    public int Steps { get; }

    /// <summary>F.</summary>
    public int DynamicCount { get; private set; }

    /// <summary>S.</summary>
    public int StaticCount { get; }

    /// <summary>K.</summary>
    public int TargetCount { get; }

    /// <summary>B.</summary>
    public int Size => Windows.Length;

    /// <summary>Normalised dynamic inputs [B, T, F].</summary>
    public float[] Dynamic { get; private set; }

    /// <summary>Dynamic inputs in physical units [B, T, F], or null.</summary>
    public float[]? DynamicPhysical { get; private set; }

    /// <summary>Normalised static attributes [B, S].</summary>
    public float[] Static { get; }

    /// <summary>Targets [B, T, K] (normalised when the normaliser says so), NaN where missing.</summary>
    public float[] Target { get; }

    /// <summary>Observed and scored [B, T, K].</summary>
    public bool[] TargetMask { get; }

    /// <summary>Per-row training-period std of the raw targets [B, K].</summary>
    public float[] TargetStd { get; }

    /// <summary>Per-row training-period mean of the raw targets [B, K].</summary>
    public float[] TargetMean { get; }

    /// <summary>Replaces the dynamic inputs with <paramref name="f"/> channels per step (forecast observed inputs appended).</summary>
    internal void Widen(int f, float[] dynamic, float[]? physical)
    {
        DynamicCount = f;
        Dynamic = dynamic;
        DynamicPhysical = physical;
    }

    /// <summary>Gridded inputs and masks, or null when the experiment has none (<see cref="GridBatcher"/>).</summary>
    public HostGrid? Grid { get; internal set; }
}

/// <summary>
/// Builds <see cref="Batch"/>es from windows: fills one array per tensor, then makes each tensor with a single copy.
/// <see cref="Prepare"/> is pure and thread-safe; <see cref="ToBatch"/> creates tensors on the calling thread (so
/// they join its dispose scope).
/// </summary>
public sealed class Batcher
{
    private readonly int firstScored;

    /// <summary>Creates a batcher over <paramref name="store"/> using <paramref name="normalizer"/>'s training statistics.</summary>
    public Batcher(BasinStore store, Normalizer normalizer, int sequenceLength, int predictLastN, int warmup = 0, Device? device = null, bool includePhysical = true)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(normalizer);
        if (normalizer.Dynamic.Count != store.Variables.Dynamic.Count || normalizer.Static.Count != store.Variables.Static.Count
            || normalizer.Targets.Count != store.Variables.Targets.Count || normalizer.Gridded.Count != store.Variables.Gridded.Count)
        {
            throw new ArgumentException("the normaliser was fitted on other variables than the store holds");
        }

        Store = store;
        Normalizer = normalizer;
        SequenceLength = sequenceLength;
        PredictLastN = predictLastN;
        Warmup = warmup;
        Device = device ?? Device.CPU;
        IncludePhysical = includePhysical;
        firstScored = WindowSampler.FirstScoredPosition(sequenceLength, predictLastN, warmup);
    }

    /// <summary>The basins.</summary>
    public BasinStore Store { get; }

    /// <summary>The training statistics.</summary>
    public Normalizer Normalizer { get; }

    /// <summary>L.</summary>
    public int SequenceLength { get; }

    /// <summary>Trailing steps scored.</summary>
    public int PredictLastN { get; }

    /// <summary>Leading steps never scored.</summary>
    public int Warmup { get; }

    /// <summary>Where the tensors go.</summary>
    public Device Device { get; }

    /// <summary>Whether batches carry <see cref="Batch.DynamicPhysical"/>.</summary>
    public bool IncludePhysical { get; }

    /// <summary>Forecast windows: appends the observed-input channels and sets <see cref="Batch.Horizon"/>; null for a hindcast.</summary>
    public ForecastWindows? Forecast { get; init; }

    /// <summary>Fills the host arrays for <paramref name="windows"/>.</summary>
    /// <exception cref="ArgumentException">A window lies outside its basin's rows.</exception>
    public HostBatch Prepare(IReadOnlyList<WindowRef> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var v = Store.Variables;
        int f = v.Dynamic.Count, s = v.Static.Count, k = v.Targets.Count, l = SequenceLength;
        var basins = new string[windows.Count];
        var host = new HostBatch(windows.ToArray(), basins, l, f, s, k, IncludePhysical);
        var norm = Normalizer;
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            if ((uint)w.Basin >= (uint)Store.Basins.Count)
            {
                throw new ArgumentException($"window {i}: basin index {w.Basin} outside the store's {Store.Basins.Count} basins");
            }

            var b = Store.Basins[w.Basin];
            var first = w.End - l + 1;
            if (first < 0 || w.End >= b.Steps)
            {
                throw new ArgumentException($"window {i}: basin {b.Basin} rows {first}..{w.End} outside 0..{b.Steps - 1}");
            }

            basins[i] = b.Basin;
            var dyn = b.Dynamic.AsSpan(first * f, l * f);
            var outDyn = host.Dynamic.AsSpan(i * l * f, l * f);
            for (var t = 0; t < l; t++)
            {
                for (var j = 0; j < f; j++)
                {
                    outDyn[(t * f) + j] = norm.Dynamic[j].Normalize(dyn[(t * f) + j]);
                }
            }

            if (host.DynamicPhysical is { } physical)
            {
                dyn.CopyTo(physical.AsSpan(i * l * f, l * f));
            }
            for (var j = 0; j < s; j++)
            {
                host.Static[(i * s) + j] = norm.Static[j].Normalize(b.Static[j]);
            }

            var stats = norm.ForBasin(b.Basin);
            for (var j = 0; j < k; j++)
            {
                host.TargetStd[(i * k) + j] = stats is null ? float.NaN : (float)stats.TargetStd[j];
                host.TargetMean[(i * k) + j] = stats is null ? float.NaN : (float)stats.TargetMean[j];
            }

            for (var t = 0; t < l; t++)
            {
                var row = first + t;
                var scored = t >= firstScored && row >= b.PeriodStartIndex;
                for (var j = 0; j < k; j++)
                {
                    var raw = b.Targets[(row * k) + j];
                    var o = (((i * l) + t) * k) + j;
                    host.Target[o] = norm.NormalizeTargets ? norm.Targets[j].Normalize(raw) : raw;
                    host.TargetMask[o] = scored && !float.IsNaN(raw);
                }
            }
        }

        host.Grid = GridBatcher.Prepare(Store, norm, windows, l);

        Forecast?.AddObservedInputs(host, Store, norm);
        return host;
    }

    /// <summary>Makes the batch's tensors (one copy per tensor) on <see cref="Device"/>.</summary>
    public Batch ToBatch(HostBatch host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var v = Store.Variables;
        long b = host.Size, t = host.Steps, f = host.DynamicCount, s = host.StaticCount, k = host.TargetCount;
        var (gridded, griddedMask) = host.Grid is { } grid ? grid.ToTensors(Device) : default((Tensor?, Tensor?));
        return new Batch
        {
            Dynamic = torch.tensor(host.Dynamic, [b, t, f], Device),
            DynamicPhysical = host.DynamicPhysical is null ? null : torch.tensor(host.DynamicPhysical, [b, t, f], Device),
            Static = s == 0 ? null : torch.tensor(host.Static, [b, s], Device),
            Target = torch.tensor(host.Target, [b, t, k], Device),
            TargetMask = torch.tensor(host.TargetMask, [b, t, k], Device),
            Gridded = gridded,
            GriddedMask = griddedMask,
            Statistics = new BasinStatistics
            {
                TargetStd = torch.tensor(host.TargetStd, [b, k], Device),
                TargetMean = torch.tensor(host.TargetMean, [b, k], Device),
            },
            Basins = host.Basins,
            DynamicNames = Forecast?.DynamicNames ?? v.Dynamic,
            Horizon = Forecast?.Horizon ?? 0,
            StaticNames = v.Static,
            TargetNames = v.Targets,
        };
    }

    /// <summary><see cref="Prepare"/> then <see cref="ToBatch"/>.</summary>
    public Batch Build(IReadOnlyList<WindowRef> windows) => ToBatch(Prepare(windows));
}
