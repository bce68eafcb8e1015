namespace Hydro.Plugins.Data.Synthetic;

/// <summary>
/// Everything fixed about one synthetic basin: its attributes, climate and the HBV parameters of its truth model.
/// Parameters partly follow the attributes (larger basins recede more slowly, drier ones hold more water in the soil,
/// higher ones release it less readily — a larger BETA; elevation also sets temperature and so snow), so that static
/// attributes carry information a model can learn, and a parameter learner can be checked against the truth.
/// </summary>
/// <param name="Area">Catchment area (km²).</param>
/// <param name="ElevationMean">Mean elevation (m).</param>
/// <param name="Aridity">Mean PET / mean precipitation over the dataset period (-), as CAMELS defines it.</param>
/// <param name="Climate">What the weather generator draws from.</param>
/// <param name="Parameters">The truth model's parameters.</param>
internal sealed record BasinProfile(double Area, double ElevationMean, double Aridity, Climate Climate, HbvParameters Parameters)
{
    private const double MinArea = 20;
    private const double MaxArea = 5000;
    private const double MinElevation = 50;
    private const double MaxElevation = 2000;

    /// <summary>Draws the area, elevation and climate: the first numbers of the basin's profile stream.</summary>
    public static (double Area, double ElevationMean, Climate Climate) DrawSite(SplitMix64 r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var area = Math.Exp(r.Uniform(Math.Log(MinArea), Math.Log(MaxArea)));
        var elevation = r.Uniform(MinElevation, MaxElevation);
        var climate = new Climate(
            Latitude: r.Uniform(32, 48),
            MeanTemperature: r.Uniform(9, 19) - 6.5 * elevation / 1000,
            TemperatureAmplitude: r.Uniform(7, 13),
            DryToWet: r.Uniform(0.08, 0.35),
            WetToWet: r.Uniform(0.45, 0.75),
            MeanWetDayPrecipitation: r.Uniform(3, 10));
        return (area, elevation, climate);
    }

    /// <summary>Draws the HBV parameters from the same stream, after <see cref="DrawSite"/>.</summary>
    /// <remarks>
    /// Functions of the attributes, each with a little basin noise: FC of aridity, BETA of elevation, K0, K1, K2 of
    /// (log) area. TT, CFMAX, LP, PERC and UZL are drawn independently of the attributes; CFR and CWH are fixed.
    /// With <see cref="TruthParameters.Attributes"/> the same numbers are drawn (the stream stays aligned) but the
    /// noise is dropped and the independent ones are fixed at the middle of their ranges.
    /// </remarks>
    public static HbvParameters DrawParameters(SplitMix64 r, double area, double elevation, double aridity, TruthParameters kind = TruthParameters.Mixed)
    {
        ArgumentNullException.ThrowIfNull(r);
        // 0 for the smallest basins, 1 for the largest; 0 for the lowest, 1 for the highest.
        var size = (Math.Log(area) - Math.Log(MinArea)) / (Math.Log(MaxArea) - Math.Log(MinArea));
        var height = (elevation - MinElevation) / (MaxElevation - MinElevation);
        var random = kind == TruthParameters.Mixed;
        double Draw(double min, double max) => r.Uniform(min, max) is var u && random ? u : (min + max) / 2;
        return new HbvParameters
        {
            TT = Draw(-1, 1),
            CFMAX = Draw(2, 5),
            FC = Math.Clamp(100 + 150 * aridity + Draw(-50, 50), 80, 600),
            BETA = 1.5 + 2.5 * height + Draw(-0.2, 0.2),
            LP = Draw(0.5, 0.9),
            PERC = Draw(0.5, 3),
            UZL = Draw(10, 40),
            K0 = 0.35 - 0.2 * size + Draw(-0.03, 0.03),
            K1 = 0.12 - 0.08 * size + Draw(-0.01, 0.01),
            K2 = 0.04 - 0.03 * size + Draw(-0.004, 0.004),
        };
    }
}
