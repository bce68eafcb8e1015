namespace Hydro.Plugins.Data.Synthetic;

/// <summary>Parameters of the HBV truth model (names and units as in models.md, section 2).</summary>
internal sealed record HbvParameters
{
    /// <summary>Threshold temperature for snowfall and melt (°C).</summary>
    public required double TT { get; init; }

    /// <summary>Degree-day melt factor (mm/°C/day).</summary>
    public required double CFMAX { get; init; }

    /// <summary>Refreezing coefficient (-).</summary>
    public double CFR { get; init; } = 0.05;

    /// <summary>Water holding capacity of the snow pack (-).</summary>
    public double CWH { get; init; } = 0.1;

    /// <summary>Field capacity of the soil (mm).</summary>
    public required double FC { get; init; }

    /// <summary>Shape of the recharge function (-).</summary>
    public required double BETA { get; init; }

    /// <summary>Fraction of FC above which ET is at its potential rate (-).</summary>
    public required double LP { get; init; }

    /// <summary>Percolation from the upper to the lower zone (mm/day).</summary>
    public required double PERC { get; init; }

    /// <summary>Upper-zone threshold for fast flow (mm).</summary>
    public required double UZL { get; init; }

    /// <summary>Fast-flow recession (1/day).</summary>
    public required double K0 { get; init; }

    /// <summary>Interflow recession (1/day).</summary>
    public required double K1 { get; init; }

    /// <summary>Baseflow recession (1/day).</summary>
    public required double K2 { get; init; }
}
