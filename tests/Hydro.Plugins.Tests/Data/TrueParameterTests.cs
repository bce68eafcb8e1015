using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.Synthetic;

namespace Hydro.Plugins.Tests.Data;

/// <summary>The synthetic truth's parameters: served as <c>true_*</c> statics, and tied to the attributes a learner sees.</summary>
public sealed class TrueParameterTests
{
    private static readonly DateTime Day = new(1980, 1, 1);
    private static readonly string[] Statics = ["area", "elev_mean", "aridity", "true_FC", "true_BETA", "true_K0", "true_K1", "true_K2", "true_TT", "true_CFR"];

    private static float[][] Load(int seed, int basins)
    {
        using var data = new SyntheticDataset(new SyntheticOptions { Seed = seed, Basins = basins }, new ComponentContext());
        return [.. data.Describe().Basins.Select(b => data.Load(b, new DataRequest(["prcp"], Statics, ["streamflow"], Day, Day)).Static)];
    }

    private static double Correlation(IEnumerable<double> x, IEnumerable<double> y)
    {
        var (a, b) = (x.ToArray(), y.ToArray());
        var (ma, mb) = (a.Average(), b.Average());
        var cov = a.Zip(b, (u, v) => (u - ma) * (v - mb)).Sum();
        return cov / Math.Sqrt(a.Sum(u => (u - ma) * (u - ma)) * b.Sum(v => (v - mb) * (v - mb)));
    }

    [Fact]
    public void TheTrueParametersAreThoseTheTruthModelRanWith()
    {
        var rows = Load(seed: 4, basins: 5);
        for (var b = 0; b < 5; b++)
        {
            var truth = BasinSimulation.Run(4, b, DateOnly.FromDateTime(Day), 7305, 0.05).Profile.Parameters;
            Assert.Equal([(float)truth.FC, (float)truth.BETA, (float)truth.K0, (float)truth.K1, (float)truth.K2, (float)truth.TT, (float)truth.CFR], rows[b][3..]);
        }
    }

    [Fact]
    public void FcBetaAndTheRecessionCoefficientsFollowTheAttributesAcrossBasins()
    {
        var rows = Load(seed: 0, basins: 200);
        double Column(float[] r, int i) => r[i];
        var logArea = rows.Select(r => Math.Log(r[0]));
        // FC grows with aridity, BETA with elevation; K0, K1, K2 fall with (log) area.
        Assert.True(Correlation(rows.Select(r => Column(r, 2)), rows.Select(r => Column(r, 3))) > 0.8, "FC ~ aridity");
        Assert.True(Correlation(rows.Select(r => Column(r, 1)), rows.Select(r => Column(r, 4))) > 0.9, "BETA ~ elev_mean");
        Assert.True(Correlation(logArea, rows.Select(r => Column(r, 5))) < -0.9, "K0 ~ -log(area)");
        Assert.True(Correlation(logArea, rows.Select(r => Column(r, 6))) < -0.9, "K1 ~ -log(area)");
        Assert.True(Correlation(logArea, rows.Select(r => Column(r, 7))) < -0.9, "K2 ~ -log(area)");
        // They really vary: a learner has something to recover.
        foreach (var (i, min) in new[] { (3, 100.0), (4, 1.5), (6, 0.05), (7, 0.02) })
        {
            var values = rows.Select(r => (double)r[i]).ToArray();
            Assert.True(values.Max() - values.Min() > min, $"column {Statics[i]} spans only {values.Min()}..{values.Max()}");
        }

        // TT is drawn independently of the attributes; CFR is the same everywhere.
        Assert.InRange(Correlation(rows.Select(r => Column(r, 1)), rows.Select(r => Column(r, 8))), -0.3, 0.3);
        Assert.All(rows, r => Assert.Equal(0.05f, r[9]));
    }

    [Fact]
    public void TheTrueParametersAreDeterministicInTheSeed()
    {
        Assert.Equal(Load(seed: 9, basins: 3).SelectMany(r => r), Load(seed: 9, basins: 3).SelectMany(r => r));
        Assert.NotEqual(Load(seed: 9, basins: 3).SelectMany(r => r), Load(seed: 10, basins: 3).SelectMany(r => r));
    }

    [Fact]
    public void WithParametersAttributesEveryParameterIsAFunctionOfTheAttributesAndTheWeatherIsUnchanged()
    {
        var day = new DateOnly(1980, 1, 1);
        for (var b = 0; b < 5; b++)
        {
            var mixed = BasinSimulation.Run(2, b, day, 3650, 0.05);
            var exact = BasinSimulation.Run(2, b, day, 3650, 0.05, TruthParameters.Attributes);
            Assert.Equal(mixed.Prcp, exact.Prcp);
            var (pm, pe) = (mixed.Profile, exact.Profile);
            Assert.Equal((pm.Area, pm.ElevationMean, pm.Aridity), (pe.Area, pe.ElevationMean, pe.Aridity));
            var p = pe.Parameters;
            Assert.Equal((0.0, 3.5, 0.7, 1.75, 25.0), (p.TT, p.CFMAX, p.LP, p.PERC, p.UZL));
            Assert.Equal(Math.Clamp(100 + (150 * pe.Aridity), 80, 600), p.FC, 9);
            Assert.Equal(1.5 + (2.5 * (pe.ElevationMean - 50) / 1950), p.BETA, 9);
            var size = (Math.Log(pe.Area) - Math.Log(20)) / (Math.Log(5000) - Math.Log(20));
            Assert.Equal((0.35 - (0.2 * size), 0.12 - (0.08 * size), 0.04 - (0.03 * size)), (p.K0, p.K1, p.K2));
            Assert.NotEqual(pm.Parameters.FC, p.FC);
        }

        var options = new SyntheticOptions { Basins = 2, Parameters = TruthParameters.Attributes };
        using var data = new SyntheticDataset(options, new ComponentContext());
        var served = data.Load("syn_001", new DataRequest(["prcp"], ["true_TT", "true_FC"], ["streamflow"], Day, Day)).Static;
        Assert.Equal(0f, served[0]);
        Assert.Equal((float)BasinSimulation.Run(0, 1, options.Start, options.End.DayNumber - options.Start.DayNumber + 1, 0.05, TruthParameters.Attributes).Profile.Parameters.FC, served[1]);
    }
}

