namespace Hydro.Plugins.Data.Synthetic;

/// <summary>
/// A stochastic daily weather generator: seasonal temperature with AR(1) anomalies, precipitation occurrence from a
/// two-state Markov chain with exponential wet-day amounts (Richardson 1981), and Oudin et al. (2005) potential
/// evapotranspiration from temperature and extraterrestrial radiation (FAO-56, eq. 21).
/// </summary>
internal static class Weather
{
    private const double AnomalyPersistence = 0.7;
    private const double AnomalyStd = 2.5;
    private const double DaysPerYear = 365.25;

    /// <summary>Daily series from <paramref name="first"/> for <paramref name="days"/> days.</summary>
    /// <returns>Precipitation (mm/day), mean temperature (°C) and potential ET (mm/day).</returns>
    public static (double[] Prcp, double[] Tmean, double[] Pet) Generate(Climate climate, DateOnly first, int days, SplitMix64 random)
    {
        var prcp = new double[days];
        var tmean = new double[days];
        var pet = new double[days];
        var anomaly = 0.0;
        var wet = false;
        for (var t = 0; t < days; t++)
        {
            var doy = first.AddDays(t).DayOfYear;
            var season = 2 * Math.PI * doy / DaysPerYear;

            anomaly = AnomalyPersistence * anomaly + AnomalyStd * Math.Sqrt(1 - AnomalyPersistence * AnomalyPersistence) * random.Normal();
            // Coldest around 15 January.
            tmean[t] = climate.MeanTemperature - climate.TemperatureAmplitude * Math.Cos(season - 2 * Math.PI * 15 / DaysPerYear) + anomaly;

            // Wetter winters: the dry-to-wet probability varies ±30 % over the year.
            var startWet = climate.DryToWet * (1 + 0.3 * Math.Cos(season));
            wet = random.Uniform() < (wet ? climate.WetToWet : startWet);
            prcp[t] = wet ? random.Exponential(climate.MeanWetDayPrecipitation) : 0;

            pet[t] = Oudin(ExtraterrestrialRadiation(climate.Latitude, doy), tmean[t]);
        }

        return (prcp, tmean, pet);
    }

    /// <summary>Oudin et al. (2005): PE = Re / (λρ) · (T + 5) / 100 for T &gt; −5 °C, else 0 (mm/day).</summary>
    /// <param name="radiation">Extraterrestrial radiation Re (MJ m⁻² day⁻¹).</param>
    /// <param name="temperature">Mean air temperature (°C).</param>
    public static double Oudin(double radiation, double temperature) =>
        temperature > -5 ? radiation / 2.45 * (temperature + 5) / 100 : 0;

    /// <summary>Extraterrestrial radiation Ra (MJ m⁻² day⁻¹), FAO-56 eq. 21–25.</summary>
    public static double ExtraterrestrialRadiation(double latitudeDegrees, int dayOfYear)
    {
        var phi = latitudeDegrees * Math.PI / 180;
        var dr = 1 + 0.033 * Math.Cos(2 * Math.PI * dayOfYear / 365);
        var delta = 0.409 * Math.Sin(2 * Math.PI * dayOfYear / 365 - 1.39);
        var omega = Math.Acos(Math.Clamp(-Math.Tan(phi) * Math.Tan(delta), -1, 1));
        return 24 * 60 / Math.PI * 0.0820 * dr
            * (omega * Math.Sin(phi) * Math.Sin(delta) + Math.Cos(phi) * Math.Cos(delta) * Math.Sin(omega));
    }
}
