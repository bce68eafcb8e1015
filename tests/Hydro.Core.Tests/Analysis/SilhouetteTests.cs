using Hydro.Core.Analysis;
using Hydro.Torch;

namespace Hydro.Core.Tests.Analysis;

public class SilhouetteTests
{
    [Fact]
    public void MatchesAHandComputedCase()
    {
        using var scope = torch.NewDisposeScope();
        // 1-D points 0, 1 | 4, 5, 11. E.g. point 2 (x = 4): a = (1 + 7)/2 = 4, b = (4 + 3)/2 = 3.5 → s = −1/8.
        var data = torch.tensor(new double[] { 0, 1, 4, 5, 11 }, [5, 1]);
        var score = Silhouette.Score(data, [0, 0, 1, 1, 1]);
        double[] expected = [17.0 / 20, 14.0 / 17, -1.0 / 8, 2.0 / 9, 8.0 / 21];
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(expected[i], score.Samples[i], 10);
        }

        Assert.Equal(expected.Average(), score.Mean, 10);
        Assert.Equal(-1.0 / 8, score.Min, 10);
        Assert.Equal((17.0 / 20 + 14.0 / 17) / 2, score.ClusterMeans[0], 10);
        Assert.Equal((-1.0 / 8 + 2.0 / 9 + 8.0 / 21) / 3, score.ClusterMeans[1], 10);
        Assert.Equal(score.ClusterMeans[1], score.MinClusterMean, 12);
    }

    [Fact]
    public void UsesEuclideanDistancesInSeveralDimensionsFarFromTheOrigin()
    {
        using var scope = torch.NewDisposeScope();
        // A 3-4-5 triangle shifted by 1e6: centring keeps the digits. Clusters {0, 1} and {2}.
        var data = torch.tensor(new double[] { 1e6, 1e6, 1e6 + 3, 1e6, 1e6, 1e6 + 4 }, [3, 2]);
        var score = Silhouette.Score(data, [0, 0, 1]);
        // Point 0: a = 3, b = 4 → 1/4; point 1: a = 3, b = 5 → 2/5; point 2 is alone → 0.
        Assert.Equal(0.25, score.Samples[0], 9);
        Assert.Equal(0.4, score.Samples[1], 9);
        Assert.Equal(0.0, score.Samples[2]);
    }

    [Fact]
    public void NeedsTwoClusters()
    {
        using var scope = torch.NewDisposeScope();
        var data = torch.tensor(new double[] { 0, 1, 2 }, [3, 1]);
        Assert.Throws<ArgumentException>(() => Silhouette.Score(data, [0, 0, 0]));
        Assert.Throws<ArgumentException>(() => Silhouette.Score(data, [0, 1]));
    }
}
