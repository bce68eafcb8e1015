using Hydro.Core.Analysis;
using Hydro.Torch;

namespace Hydro.Core.Tests.Analysis;

public class KMeansTests
{
    /// <summary>Three tight blobs of 20 points in 4-D around far-apart centres; point i belongs to blob i % 3.</summary>
    internal static Tensor PlantedBlobs(int perBlob = 20, double spread = 0.1, ulong seed = 3)
    {
        var g = torch.Generator(seed);
        var centres = torch.tensor(new double[] { 0, 0, 0, 0, 10, 0, 5, 0, -5, 8, 0, 3 }, [3, 4]);
        var n = 3 * perBlob;
        var index = torch.tensor(Enumerable.Range(0, n).Select(i => (long)(i % 3)).ToArray());
        return centres.index_select(0, index) + (torch.randn([n, 4], g, ScalarType.Float64) * spread);
    }

    private static void AssertSamePartition(IReadOnlyList<int> labels, Func<int, int> truth)
    {
        var map = new Dictionary<int, int>();
        for (var i = 0; i < labels.Count; i++)
        {
            if (!map.TryAdd(truth(i), labels[i]))
            {
                Assert.Equal(map[truth(i)], labels[i]);
            }
        }

        Assert.Equal(map.Count, map.Values.Distinct().Count());
    }

    [Fact]
    public void RecoversPlantedClusters()
    {
        using var scope = torch.NewDisposeScope();
        var data = PlantedBlobs();
        var result = KMeans.Fit(data, 3, new Random(1));
        AssertSamePartition(result.Labels, i => i % 3);

        // Inertia is the within-cluster sum of squares around the found centres, which are the blob means.
        var x = data.data<double>();
        double inertia = 0;
        for (var i = 0; i < 60; i++)
        {
            for (var d = 0; d < 4; d++)
            {
                inertia += Math.Pow(x[(i * 4) + d] - result.Centres[result.Labels[i], d], 2);
            }
        }

        Assert.Equal(inertia, result.Inertia, 8);
        var blob0 = Enumerable.Range(0, 20).Select(j => x[(3 * j) * 4 + 1]).Average();
        Assert.Equal(blob0, result.Centres[result.Labels[0], 1], 9);
    }

    [Fact]
    public void TheSameSeedGivesTheSameClustering()
    {
        using var scope = torch.NewDisposeScope();
        var data = torch.randn([40, 3], torch.Generator(9), ScalarType.Float64);
        var a = KMeans.Fit(data, 4, new Random(5), restarts: 3);
        var b = KMeans.Fit(data, 4, new Random(5), restarts: 3);
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(a.Inertia, b.Inertia);
    }

    [Fact]
    public void MoreRestartsNeverRaiseTheInertia()
    {
        using var scope = torch.NewDisposeScope();
        var data = torch.randn([50, 2], torch.Generator(4), ScalarType.Float64);
        var one = KMeans.Fit(data, 6, new Random(2), restarts: 1);
        var many = KMeans.Fit(data, 6, new Random(2), restarts: 10);
        Assert.True(many.Inertia <= one.Inertia + 1e-12, $"{many.Inertia} > {one.Inertia}");
    }

    [Fact]
    public void KEqualToTheNumberOfPointsGivesZeroInertia()
    {
        using var scope = torch.NewDisposeScope();
        var data = torch.tensor(new double[] { 0, 1, 5, 9 }, [4, 1]);
        var result = KMeans.Fit(data, 4, new Random(0));
        Assert.Equal(4, result.Labels.Distinct().Count());
        Assert.Equal(0.0, result.Inertia, 12);
    }

    [Fact]
    public void RejectsKOutOfRangeAndNonFiniteData()
    {
        using var scope = torch.NewDisposeScope();
        var data = torch.tensor(new double[] { 0, 1, 5 }, [3, 1]);
        Assert.Contains("1..3", Assert.Throws<ArgumentException>(() => KMeans.Fit(data, 4, new Random(0))).Message);
        Assert.Throws<ArgumentException>(() => KMeans.Fit(torch.tensor(new double[] { 0, double.NaN, 5 }, [3, 1]), 2, new Random(0)));
    }

    [Fact]
    public void TheSweepPicksThePlantedNumberOfClusters()
    {
        using var scope = torch.NewDisposeScope();
        var sweep = ClusterSweep.Run(PlantedBlobs(), new Random(7), 2, 8, restarts: 5);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], sweep.Select(c => c.K));
        var best = sweep.MaxBy(c => c.Silhouette.Mean)!;
        Assert.Equal(3, best.K);
        Assert.True(best.Silhouette.Min > 0.9, $"min silhouette {best.Silhouette.Min}");
        AssertSamePartition(best.Clustering.Labels, i => i % 3);
    }
}
