namespace Hydro.Plugins.Data.Caravan;

/// <summary>Units of Caravan's columns (Kratzert et al. 2023, data README); unknown columns are "-".</summary>
internal static class CaravanUnits
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["streamflow"] = "mm/day",
        ["total_precipitation_sum"] = "mm/day",
        ["potential_evaporation_sum"] = "mm/day",
        ["evaporation_sum"] = "mm/day",
        ["snow_depth_water_equivalent_mean"] = "mm",
        ["surface_net_solar_radiation_mean"] = "W/m2",
        ["surface_net_thermal_radiation_mean"] = "W/m2",
        ["surface_pressure_mean"] = "kPa",
        ["u_component_of_wind_10m_mean"] = "m/s",
        ["v_component_of_wind_10m_mean"] = "m/s",
        ["p_mean"] = "mm/day",
        ["pet_mean"] = "mm/day",
        ["area"] = "km2",
        ["gauge_lat"] = "°N",
        ["gauge_lon"] = "°E",
    };

    /// <summary>The unit of a column.</summary>
    public static string Of(string column) =>
        Known.TryGetValue(column, out var unit) ? unit
        : column.StartsWith("temperature_2m", StringComparison.Ordinal) || column.StartsWith("dewpoint_temperature_2m", StringComparison.Ordinal) ? "°C"
        : column.StartsWith("volumetric_soil_water", StringComparison.Ordinal) ? "m3/m3"
        : "-";
}
