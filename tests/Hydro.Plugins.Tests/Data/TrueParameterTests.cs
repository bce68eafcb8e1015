using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.Synthetic;

namespace Hydro.Plugins.Tests.Data;

/// <summary>The synthetic truth's parameters: served as <c>true_*</c> statics, and tied to the attributes a learner sees.</summary>
public sealed class TrueParameterTests
{
    private static readonly DateOnly Day = new(1980, 1, 1);
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
            var truth = BasinSimulation.Run(4, b, Day, 7305, 0.05).Profile.Parameters;
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
}
