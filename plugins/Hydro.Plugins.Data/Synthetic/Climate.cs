namespace Hydro.Plugins.Data.Synthetic;

/// <summary>The climate of one synthetic basin: what the weather generator draws from.</summary>
/// <param name="Latitude">Latitude (°N), for extraterrestrial radiation.</param>
/// <param name="MeanTemperature">Annual mean air temperature (°C).</param>
/// <param name="TemperatureAmplitude">Half the difference between the warmest and coldest days of the mean year (°C).</param>
/// <param name="DryToWet">Probability that a dry day is followed by a wet one, annual mean (-).</param>
/// <param name="WetToWet">Probability that a wet day is followed by a wet one (-).</param>
/// <param name="MeanWetDayPrecipitation">Mean precipitation of a wet day (mm/day).</param>
internal sealed record Climate(
    double Latitude,
    double MeanTemperature,
    double TemperatureAmplitude,
    double DryToWet,
    double WetToWet,
    double MeanWetDayPrecipitation);
