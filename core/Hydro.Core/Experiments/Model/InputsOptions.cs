using System.ComponentModel;

namespace Hydro.Core.Experiments.Model;

/// <summary>The input variables, by the names the dataset uses.</summary>
public sealed class InputsOptions
{
    /// <summary>Time series inputs (forcings), e.g. <c>prcp</c>, <c>tmean</c>.</summary>
    [Description("Time series inputs (forcings), by dataset variable name.")]
    public IReadOnlyList<string> Dynamic { get; init; } = [];

    /// <summary>Static basin attributes, e.g. <c>area</c>, <c>elev_mean</c>.</summary>
    [Description("Static basin attributes, by dataset attribute name.")]
    public IReadOnlyList<string> Static { get; init; } = [];

    /// <summary>
    /// Gridded input channels, e.g. <c>precip</c>, <c>pet</c>: fields [C, H, W] per step from a gridded dataset
    /// (<c>IGriddedDataset</c>), standardised per channel over the training basins' masked cells, in <c>Batch.Gridded</c>.
    /// </summary>
    [Description("Gridded input channels (fields over the basin's grid, Batch.Gridded [B, T, C, H, W]), by the dataset's channel names; the dataset must serve grids.")]
    public IReadOnlyList<string> Gridded { get; init; } = [];
}
