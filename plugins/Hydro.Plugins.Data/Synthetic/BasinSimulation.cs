namespace Hydro.Plugins.Data.Synthetic;

/// <summary>
/// One synthetic basin over the dataset's whole period: weather, the truth model's streamflow and the observed
/// streamflow (truth × lognormal noise, with a few missing days). Always simulated from the dataset's first day, so a
/// day's values do not depend on the period a caller asks for.
/// </summary>
internal sealed class BasinSimulation
{
    /// <summary>Fraction of observed days set missing (NaN), so that masking is exercised.</summary>
    public const double MissingFraction = 0.01;

    private const int SpinUpDays = 365;
    private const int SpinUpPasses = 2;

    private BasinSimulation(BasinProfile profile, double[] prcp, double[] tmean, double[] pet, double[] truth, double[] observed)
    {
        Profile = profile;
        Prcp = prcp;
        Tmean = tmean;
        Pet = pet;
        Truth = truth;
        Observed = observed;
    }

    /// <summary>Attributes, climate and parameters.</summary>
    public BasinProfile Profile { get; }

    /// <summary>Precipitation (mm/day).</summary>
    public double[] Prcp { get; }

    /// <summary>Mean air temperature (°C).</summary>
    public double[] Tmean { get; }

    /// <summary>Potential evapotranspiration (mm/day).</summary>
    public double[] Pet { get; }

    /// <summary>Streamflow of the truth model (mm/day).</summary>
    public double[] Truth { get; }

    /// <summary>Observed streamflow (mm/day): noisy, NaN on missing days.</summary>
    public double[] Observed { get; }

    /// <summary>Simulates basin <paramref name="index"/> from <paramref name="first"/> for <paramref name="days"/> days.</summary>
    /// <param name="seed">The dataset's seed.</param>
    /// <param name="index">Basin index (0-based).</param>
    /// <param name="first">First day.</param>
    /// <param name="days">Number of days, ≥ 1.</param>
    /// <param name="noise">σ of the multiplicative lognormal observation noise (0: observations are the truth).</param>
    /// <param name="parameters">How the truth's parameters relate to the attributes.</param>
    public static BasinSimulation Run(int seed, int index, DateOnly first, int days, double noise, TruthParameters parameters = TruthParameters.Mixed)
    {
        var profileStream = SplitMix64.For(seed, index, SplitMix64.Stream.Profile);
        var (area, elevation, climate) = BasinProfile.DrawSite(profileStream);
        var (prcp, tmean, pet) = Weather.Generate(climate, first, days, SplitMix64.For(seed, index, SplitMix64.Stream.Weather));
        // CAMELS's aridity: mean PET over mean precipitation; guarded for an (improbable) all-dry short period.
        var aridity = pet.Average() / Math.Max(prcp.Average(), 0.01);
        var profile = new BasinProfile(area, elevation, aridity, climate, BasinProfile.DrawParameters(profileStream, area, elevation, aridity, parameters));

        var model = SpunUp(profile.Parameters, prcp, tmean, pet);
        var truth = new double[days];
        for (var t = 0; t < days; t++)
        {
            truth[t] = model.Step(prcp[t], tmean[t], pet[t]).Q;
        }

        return new BasinSimulation(profile, prcp, tmean, pet, truth, Observe(truth, seed, index, noise));
    }

    /// <summary>A model whose stores have been filled by running the first year <see cref="SpinUpPasses"/> times.</summary>
    internal static HbvTruth SpunUp(HbvParameters parameters, double[] prcp, double[] tmean, double[] pet)
    {
        var model = new HbvTruth(parameters) { SoilMoisture = 0.5 * parameters.FC, LowerZone = 20 };
        var spinUp = Math.Min(SpinUpDays, prcp.Length);
        for (var pass = 0; pass < SpinUpPasses; pass++)
        {
            for (var t = 0; t < spinUp; t++)
            {
                model.Step(prcp[t], tmean[t], pet[t]);
            }
        }

        return model;
    }

    /// <summary>Truth × exp(σz − σ²/2) (mean-preserving, never negative), then about 1 % of days set missing.</summary>
    private static double[] Observe(double[] truth, int seed, int index, double noise)
    {
        var noiseStream = SplitMix64.For(seed, index, SplitMix64.Stream.Noise);
        var gapStream = SplitMix64.For(seed, index, SplitMix64.Stream.Gaps);
        var observed = new double[truth.Length];
        for (var t = 0; t < truth.Length; t++)
        {
            var factor = Math.Exp(noise * noiseStream.Normal() - 0.5 * noise * noise);
            observed[t] = gapStream.Uniform() < MissingFraction ? double.NaN : truth[t] * factor;
        }

        return observed;
    }
}
