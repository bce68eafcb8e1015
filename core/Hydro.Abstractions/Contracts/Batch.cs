using Hydro.Torch;

namespace Hydro.Abstractions.Contracts;

/// <summary>
/// A batch of samples: B basins (or windows) × T time steps. Tensors are on the experiment's device;
/// the batch owns them (dispose it, or create it inside a dispose scope).
/// </summary>
public sealed class Batch : IDisposable
{
    /// <summary>Dynamic inputs [B, T, F], normalised.</summary>
    public required Tensor Dynamic { get; init; }

    /// <summary>
    /// Dynamic inputs [B, T, F] in their physical units (e.g. precipitation in mm/day), for process backbones whose
    /// equations need them; same order as <see cref="Dynamic"/>. Null when the data pipeline does not provide them.
    /// </summary>
    public Tensor? DynamicPhysical { get; init; }

    /// <summary>Static attributes [B, S], normalised; null when the experiment has none.</summary>
    public Tensor? Static { get; init; }

    /// <summary>Observed targets [B, T, K] (NaN where missing); null when predicting without observations.</summary>
    public Tensor? Target { get; init; }

    /// <summary>Where <see cref="Target"/> is observed [B, T, K] (bool); null when predicting.</summary>
    public Tensor? TargetMask { get; init; }

    /// <summary>Gridded inputs [B, T, C, H, W] for spatial models, normalised per channel; 0 outside the basin mask; null otherwise.</summary>
    public Tensor? Gridded { get; init; }

    /// <summary>The cells of each row's basin [B, H, W] (bool); null without <see cref="Gridded"/>.</summary>
    public Tensor? GriddedMask { get; init; }

    /// <summary>
    /// Forecast horizon H: the last H of the <see cref="Steps"/> steps come after the issue time (step T − H − 1) and
    /// carry future forcings only; no observation after the issue time is in any input. 0 for a hindcast.
    /// </summary>
    public int Horizon { get; init; }

    /// <summary>The basin of each row, length B.</summary>
    public required IReadOnlyList<string> Basins { get; init; }

    /// <summary>Per-basin statistics used by losses such as NSE*.</summary>
    public BasinStatistics? Statistics { get; init; }

    /// <summary>Names of the dynamic inputs, length F (the order of <see cref="Dynamic"/>'s last axis).</summary>
    public required IReadOnlyList<string> DynamicNames { get; init; }

    /// <summary>Names of the static attributes, length S.</summary>
    public IReadOnlyList<string> StaticNames { get; init; } = [];

    /// <summary>Names of the targets, length K.</summary>
    public IReadOnlyList<string> TargetNames { get; init; } = [];

    /// <summary>Batch size B.</summary>
    public long Size => Dynamic.size(0);

    /// <summary>Time steps T.</summary>
    public long Steps => Dynamic.size(1);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dynamic.Dispose();
        DynamicPhysical?.Dispose();
        Static?.Dispose();
        Target?.Dispose();
        TargetMask?.Dispose();
        Gridded?.Dispose();
        GriddedMask?.Dispose();
        Statistics?.Dispose();
    }
}

/// <summary>Per-basin statistics of the training period, one row per batch row.</summary>
public sealed class BasinStatistics : IDisposable
{
    /// <summary>Standard deviation of each target over the training period [B, K] (in target units).</summary>
    public Tensor? TargetStd { get; init; }

    /// <summary>Mean of each target over the training period [B, K].</summary>
    public Tensor? TargetMean { get; init; }

    /// <inheritdoc/>
    public void Dispose()
    {
        TargetStd?.Dispose();
        TargetMean?.Dispose();
    }
}
