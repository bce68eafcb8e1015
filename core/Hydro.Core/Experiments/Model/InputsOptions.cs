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
}
