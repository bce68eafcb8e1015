namespace Hydro.Plugins.Data.CamelsUs;

/// <summary>The dynamic variables of <c>camels_us</c>: names, units and the file columns they come from.</summary>
internal static class CamelsVariables
{
    /// <summary>Forcing columns: variable name, unit in the header, unit shown to users.</summary>
    public static readonly (string Name, string HeaderUnit, string Unit)[] Forcing =
    [
        ("dayl", "s", "s"),
        ("prcp", "mm/day", "mm/day"),
        ("srad", "w/m2", "W/m2"),
        ("swe", "mm", "mm"),
        ("tmax", "c", "°C"),
        ("tmin", "c", "°C"),
        ("vp", "pa", "Pa"),
    ];

    /// <summary>Hargreaves PET derived from tmax, tmin, latitude and day of year.</summary>
    public const string PetHargreaves = "pet_hargreaves";

    /// <summary>Daily mean air temperature derived as (tmax + tmin) / 2.</summary>
    public const string Tmean = "tmean";

    /// <summary>Observed streamflow converted from ft³/s to mm/day.</summary>
    public const string Streamflow = "streamflow";

    /// <summary>SAC-SMA outputs: variable name, model-output column, unit.</summary>
    public static readonly (string Name, string Column, string Unit)[] Sacsma =
    [
        ("sacsma_swe", "SWE", "mm"),
        ("sacsma_pet", "PET", "mm/day"),
        ("sacsma_et", "ET", "mm/day"),
        ("sacsma_mod_run", "MOD_RUN", "mm/day"),
        ("sacsma_obs_run", "OBS_RUN", "mm/day"),
    ];

    /// <summary>Units of the better-known attribute columns (Addor et al. 2017); others are shown as "-".</summary>
    public static readonly IReadOnlyDictionary<string, string> AttributeUnits = new Dictionary<string, string>
    {
        ["p_mean"] = "mm/day",
        ["pet_mean"] = "mm/day",
        ["q_mean"] = "mm/day",
        ["high_prec_dur"] = "days",
        ["low_prec_dur"] = "days",
        ["high_prec_freq"] = "days/yr",
        ["low_prec_freq"] = "days/yr",
        ["gauge_lat"] = "°N",
        ["gauge_lon"] = "°E",
        ["elev_mean"] = "m",
        ["slope_mean"] = "m/km",
        ["area_gages2"] = "km2",
        ["area_geospa_fabric"] = "km2",
        ["soil_depth_pelletier"] = "m",
        ["soil_depth_statsgo"] = "m",
        ["soil_conductivity"] = "cm/h",
        ["max_water_content"] = "m",
        ["root_depth_50"] = "m",
        ["root_depth_99"] = "m",
        ["geol_permeability"] = "log10(m2)",
    };

    /// <summary>All dynamic variables with their units.</summary>
    public static IEnumerable<(string Name, string Unit)> Dynamic =>
        Forcing.Select(f => (f.Name, f.Unit))
            .Append((Tmean, "°C"))
            .Append((PetHargreaves, "mm/day"))
            .Append((Streamflow, "mm/day"))
            .Concat(Sacsma.Select(s => (s.Name, s.Unit)));
}
