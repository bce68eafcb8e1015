namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>One HBV parameter: its name in the equations, unit, meaning, range option and the limits physics allows.</summary>
/// <param name="Name">Name as in models.md §2 and in <c>dynamic_parameters</c>.</param>
/// <param name="Unit">Physical unit.</param>
/// <param name="Description">One line for listings.</param>
/// <param name="Range">Reads the parameter's [min, max] from the options.</param>
/// <param name="Lower">Smallest admissible value (null: none).</param>
/// <param name="LowerExclusive">True when <paramref name="Lower"/> itself is not admissible.</param>
/// <param name="Upper">Largest admissible value (null: none).</param>
internal sealed record HbvParameter(
    string Name,
    string Unit,
    string Description,
    Func<HbvParameterRanges, IReadOnlyList<double>> Range,
    double? Lower = null,
    bool LowerExclusive = false,
    double? Upper = null)
{
    /// <summary>Shape of the recharge function.</summary>
    public const string Beta = "BETA";

    /// <summary>Field capacity.</summary>
    public const string Fc = "FC";

    /// <summary>Fast-flow recession.</summary>
    public const string K0 = "K0";

    /// <summary>Interflow recession.</summary>
    public const string K1 = "K1";

    /// <summary>Baseflow recession.</summary>
    public const string K2 = "K2";

    /// <summary>ET threshold as a fraction of FC.</summary>
    public const string Lp = "LP";

    /// <summary>Percolation.</summary>
    public const string Perc = "PERC";

    /// <summary>Fast-flow threshold.</summary>
    public const string Uzl = "UZL";

    /// <summary>Threshold temperature.</summary>
    public const string Tt = "TT";

    /// <summary>Degree-day factor.</summary>
    public const string Cfmax = "CFMAX";

    /// <summary>Refreezing coefficient.</summary>
    public const string Cfr = "CFR";

    /// <summary>Water holding capacity of the snow.</summary>
    public const string Cwh = "CWH";

    /// <summary>ET exponent γ (δ variant).</summary>
    public const string Betaet = "BETAET";

    /// <summary>Routing shape a.</summary>
    public const string RouteA = "ROUTE_A";

    /// <summary>Routing scale θ.</summary>
    public const string RouteTheta = "ROUTE_THETA";

    /// <summary>The parameters of the original HBV, in the order a learner produces them.</summary>
    public static IReadOnlyList<HbvParameter> Core { get; } =
    [
        new(Beta, "-", "shape of the soil recharge function", r => r.Beta, 0, LowerExclusive: true),
        new(Fc, "mm", "field capacity of the soil", r => r.Fc, 0, LowerExclusive: true),
        new(K0, "1/day", "fast-flow recession coefficient", r => r.K0, 0, Upper: 1),
        new(K1, "1/day", "interflow recession coefficient", r => r.K1, 0, Upper: 1),
        new(K2, "1/day", "baseflow recession coefficient", r => r.K2, 0, Upper: 1),
        new(Lp, "-", "fraction of FC above which ET is potential", r => r.Lp, 0, LowerExclusive: true),
        new(Perc, "mm/day", "maximum percolation to the lower zone", r => r.Perc, 0),
        new(Uzl, "mm", "upper-zone threshold for fast flow", r => r.Uzl, 0),
        new(Tt, "°C", "threshold temperature of snowfall and melt", r => r.Tt),
        new(Cfmax, "mm/°C/day", "degree-day melt factor", r => r.Cfmax, 0),
        new(Cfr, "-", "refreezing coefficient", r => r.Cfr, 0),
        new(Cwh, "-", "liquid-water holding capacity of the snow pack", r => r.Cwh, 0),
    ];

    /// <summary>The ET exponent the δ variant adds.</summary>
    public static HbvParameter Gamma { get; } = new(Betaet, "-", "exponent γ of the ET reduction (delta variant)", r => r.Betaet, 0, LowerExclusive: true);

    /// <summary>The two routing parameters.</summary>
    public static IReadOnlyList<HbvParameter> Routing { get; } =
    [
        new(RouteA, "-", "shape a of the gamma unit hydrograph (relu(value) + 0.1)", r => r.RouteA),
        new(RouteTheta, "days", "scale θ of the gamma unit hydrograph (relu(value) + 0.5)", r => r.RouteTheta),
    ];

    /// <summary>The names <c>dynamic_parameters</c> may list: every HBV parameter but the routing ones.</summary>
    public static IReadOnlyList<string> DynamicCapable { get; } = [.. Core.Select(p => p.Name), Betaet];
}
