namespace Hydro.Plugins.Data.Common;

/// <summary>Potential evapotranspiration after Hargreaves and Samani (1985).</summary>
/// <remarks>
/// <code>
/// PET = 0.0023 · Ra · (Tmean + 17.8) · √(Tmax − Tmin)            [mm/day], Tmean = (Tmax + Tmin) / 2
/// Ra  = 0.408 · (24·60/π) · Gsc · dr · (ωs·sinφ·sinδ + cosφ·cosδ·sin ωs)   (MJ m⁻² day⁻¹ → mm/day by 0.408)
/// Gsc = 0.0820 MJ m⁻² min⁻¹,  dr = 1 + 0.033·cos(2πJ/365),  δ = 0.409·sin(2πJ/365 − 1.39),
/// ωs  = arccos(−tanφ·tanδ) (clamped to [0, π] in polar day/night),  φ latitude in rad,  J day of year (1–366)
/// </code>
/// Extraterrestrial radiation Ra as in FAO-56 (Allen et al. 1998, eqs. 21–25). Tmax &lt; Tmin (a day whose
/// range is negative in the data) gives √0 = 0; a negative result (Tmean &lt; −17.8 °C) is clipped to 0.
/// Hargreaves, G. H. and Samani, Z. A. (1985), Appl. Eng. Agric. 1(2), 96–99.
/// </remarks>
internal static class Hargreaves
{
    /// <summary>Extraterrestrial radiation in mm/day of evaporation equivalent.</summary>
    public static double ExtraterrestrialRadiation(double latitudeDegrees, int dayOfYear)
    {
        var phi = latitudeDegrees * Math.PI / 180.0;
        var angle = 2.0 * Math.PI * dayOfYear / 365.0;
        var dr = 1.0 + (0.033 * Math.Cos(angle));
        var delta = 0.409 * Math.Sin(angle - 1.39);
        var omega = Math.Acos(Math.Clamp(-Math.Tan(phi) * Math.Tan(delta), -1.0, 1.0));
        var ra = 24.0 * 60.0 / Math.PI * 0.0820 * dr * ((omega * Math.Sin(phi) * Math.Sin(delta)) + (Math.Cos(phi) * Math.Cos(delta) * Math.Sin(omega)));
        return 0.408 * ra;
    }

    /// <summary>Daily PET in mm/day; NaN when a temperature is NaN.</summary>
    public static double Pet(double tmax, double tmin, double latitudeDegrees, int dayOfYear)
    {
        var ra = ExtraterrestrialRadiation(latitudeDegrees, dayOfYear);
        var pet = 0.0023 * ra * (((tmax + tmin) / 2.0) + 17.8) * Math.Sqrt(Math.Max(tmax - tmin, 0.0));
        return double.IsNaN(pet) ? double.NaN : Math.Max(pet, 0.0);
    }
}
