namespace Hydro.Plugins.Data.Synthetic;

/// <summary>
/// The HBV model that generates the synthetic streamflow: snow (degree-day melt, refreezing, liquid water in the pack),
/// soil moisture (β-function recharge, ET reduced below LP·FC) and an upper and a lower linear reservoir, one basin, in
/// double precision. Mass is conserved exactly: P = Q + ET + ΔS at every step, up to rounding.
/// </summary>
/// <remarks>
/// The original HBV of models.md (section 2, Bergström 1992; Seibert &amp; Vis 2012) without routing and without the
/// ε floor on SM (which would create water): ET is limited to the soil moisture present.
/// </remarks>
internal sealed class HbvTruth(HbvParameters p)
{
    /// <summary>Snow pack (mm).</summary>
    public double Snow { get; set; }

    /// <summary>Liquid water in the snow pack (mm).</summary>
    public double Melt { get; set; }

    /// <summary>Soil moisture (mm).</summary>
    public double SoilMoisture { get; set; }

    /// <summary>Upper zone (mm).</summary>
    public double UpperZone { get; set; }

    /// <summary>Lower zone (mm).</summary>
    public double LowerZone { get; set; }

    /// <summary>Total water stored (mm).</summary>
    public double Storage => Snow + Melt + SoilMoisture + UpperZone + LowerZone;

    /// <summary>Advances one day.</summary>
    /// <param name="precipitation">P (mm/day).</param>
    /// <param name="temperature">T (°C).</param>
    /// <param name="potentialEt">Ep (mm/day).</param>
    /// <returns>Streamflow Q and actual evapotranspiration ET (mm/day).</returns>
    public (double Q, double ET) Step(double precipitation, double temperature, double potentialEt)
    {
        var snowfall = temperature < p.TT ? precipitation : 0;
        var rain = precipitation - snowfall;
        var melt = Math.Min(p.CFMAX * Math.Max(temperature - p.TT, 0), Snow);
        var refreeze = Math.Min(p.CFR * p.CFMAX * Math.Max(p.TT - temperature, 0), Melt);
        Snow += snowfall + refreeze - melt;
        Melt += melt - refreeze;
        var toSoil = Math.Max(Melt - p.CWH * Snow, 0);
        Melt -= toSoil;

        var input = rain + toSoil;
        var wet = Math.Clamp(Math.Pow(SoilMoisture / p.FC, p.BETA), 0, 1);
        var recharge = input * wet;
        SoilMoisture += input - recharge;
        var excess = Math.Max(SoilMoisture - p.FC, 0);
        SoilMoisture -= excess;
        var evapFactor = Math.Clamp(SoilMoisture / (p.LP * p.FC), 0, 1);
        var et = Math.Min(SoilMoisture, potentialEt * evapFactor);
        SoilMoisture -= et;

        UpperZone += recharge + excess;
        var perc = Math.Min(UpperZone, p.PERC);
        UpperZone -= perc;
        var q0 = p.K0 * Math.Max(UpperZone - p.UZL, 0);
        UpperZone -= q0;
        var q1 = p.K1 * UpperZone;
        UpperZone -= q1;
        LowerZone += perc;
        var q2 = p.K2 * LowerZone;
        LowerZone -= q2;
        return (q0 + q1 + q2, et);
    }
}
