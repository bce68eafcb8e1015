using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace LinearReservoir;

/// <summary>Options of the <c>linear_reservoir</c> backbone, bound from its YAML block (keys are snake_case).</summary>
public sealed class LinearReservoirOptions
{
    /// <summary>The dynamic input that fills the reservoir (mm/day); must be listed under <c>inputs.dynamic</c>.</summary>
    [MinLength(1)]
    [Description("Dynamic input that fills the reservoir; must be one of inputs.dynamic.")]
    public string Precipitation { get; init; } = "prcp";

    /// <summary>Storage at the start of every sequence, mm, 0 to 10 000.</summary>
    [Range(0.0, 10_000.0)]
    [Unit("mm")]
    [Description("Storage at the start of every sequence, mm, 0 to 10000.")]
    public double InitialStorage { get; init; }

    /// <summary>Starting value of the trained outflow coefficient k, 1/day, 0.001 to 0.999.</summary>
    [Range(0.001, 0.999)]
    [Unit("1/day")]
    [Description("Starting value of the trained outflow coefficient k, 1/day, 0.001 to 0.999.")]
    public double InitialK { get; init; } = 0.1;
}
