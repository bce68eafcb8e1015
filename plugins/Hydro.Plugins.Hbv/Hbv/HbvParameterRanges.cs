using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>
/// The physical range [min, max] of every HBV parameter: a learner's output in (0, 1) is mapped linearly into it.
/// Defaults are the ranges commonly used with δ models (Feng et al. 2022; models.md §2).
/// </summary>
[Description("Physical range [min, max] of each parameter; a learner's output in (0, 1) is scaled linearly into it.")]
public sealed class HbvParameterRanges
{
    /// <summary>Shape of the soil recharge function (-).</summary>
    [JsonPropertyName("BETA")]
    [Description("BETA, shape of the soil recharge function (-): [min, max], min > 0.")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> Beta { get; init; } = [1.0, 6.0];

    /// <summary>Field capacity (mm).</summary>
    [JsonPropertyName("FC")]
    [Description("FC, field capacity of the soil (mm): [min, max], min > 0.")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> Fc { get; init; } = [50.0, 1000.0];

    /// <summary>Fast-flow recession coefficient (1/day).</summary>
    [JsonPropertyName("K0")]
    [Description("K0, fast-flow recession coefficient (1/day): [min, max] within [0, 1].")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> K0 { get; init; } = [0.05, 0.9];

    /// <summary>Interflow recession coefficient (1/day).</summary>
    [JsonPropertyName("K1")]
    [Description("K1, interflow recession coefficient (1/day): [min, max] within [0, 1].")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> K1 { get; init; } = [0.01, 0.5];

    /// <summary>Baseflow recession coefficient (1/day).</summary>
    [JsonPropertyName("K2")]
    [Description("K2, baseflow recession coefficient (1/day): [min, max] within [0, 1].")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> K2 { get; init; } = [0.001, 0.2];

    /// <summary>Fraction of FC above which ET runs at its potential rate (-).</summary>
    [JsonPropertyName("LP")]
    [Description("LP, fraction of FC above which ET is at its potential rate (-): [min, max], min > 0.")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> Lp { get; init; } = [0.2, 1.0];

    /// <summary>Maximum percolation from the upper to the lower zone (mm/day).</summary>
    [JsonPropertyName("PERC")]
    [Description("PERC, maximum percolation from the upper to the lower zone (mm/day): [min, max], min >= 0.")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> Perc { get; init; } = [0.0, 10.0];

    /// <summary>Upper-zone threshold for fast flow (mm).</summary>
    [JsonPropertyName("UZL")]
    [Description("UZL, upper-zone threshold above which fast flow starts (mm): [min, max], min >= 0.")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> Uzl { get; init; } = [0.0, 100.0];

    /// <summary>Threshold temperature of snowfall and melt (°C).</summary>
    [JsonPropertyName("TT")]
    [Description("TT, threshold temperature of snowfall and melt (°C): [min, max].")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> Tt { get; init; } = [-2.5, 2.5];

    /// <summary>Degree-day melt factor (mm/°C/day).</summary>
    [JsonPropertyName("CFMAX")]
    [Description("CFMAX, degree-day melt factor (mm/°C/day): [min, max], min >= 0.")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> Cfmax { get; init; } = [0.5, 10.0];

    /// <summary>Refreezing coefficient (-).</summary>
    [JsonPropertyName("CFR")]
    [Description("CFR, refreezing coefficient (-): [min, max], min >= 0.")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> Cfr { get; init; } = [0.0, 0.1];

    /// <summary>Liquid-water holding capacity of the snow pack (-).</summary>
    [JsonPropertyName("CWH")]
    [Description("CWH, liquid-water holding capacity of the snow pack (-): [min, max], min >= 0.")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> Cwh { get; init; } = [0.0, 0.2];

    /// <summary>Exponent γ of the ET reduction, δ variant only (-).</summary>
    [JsonPropertyName("BETAET")]
    [Description("BETAET (γ), exponent of the ET reduction of the delta variant (-): [min, max], min > 0.")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> Betaet { get; init; } = [0.3, 5.0];

    /// <summary>Shape a of the gamma unit hydrograph, before the +0.1 that keeps it positive (-).</summary>
    [JsonPropertyName("ROUTE_A")]
    [Description("ROUTE_A, shape a of the gamma unit hydrograph (-): [min, max]; used as relu(value) + 0.1.")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> RouteA { get; init; } = [0.0, 2.9];

    /// <summary>Scale θ of the gamma unit hydrograph, before the +0.5 that keeps it positive (days).</summary>
    [JsonPropertyName("ROUTE_THETA")]
    [Description("ROUTE_THETA, scale θ of the gamma unit hydrograph (days): [min, max]; used as relu(value) + 0.5.")]
    [MinLength(2)]
    [MaxLength(2)]
    public IReadOnlyList<double> RouteTheta { get; init; } = [0.0, 6.5];
}
