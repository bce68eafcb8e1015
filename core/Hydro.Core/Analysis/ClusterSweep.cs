using Hydro.Torch;

namespace Hydro.Core.Analysis;

/// <summary>
/// k-means for each k of a range with its silhouette score, to choose the number of clusters by the highest mean
/// silhouette (Kratzert et al. 2019 sweep k = 2..15 over EA-LSTM embeddings and raw attributes).
/// </summary>
public static class ClusterSweep
{
    /// <summary>Clusters <paramref name="data"/> [N, D] for k = <paramref name="minK"/>..<paramref name="maxK"/>.</summary>
    /// <param name="data">Points [N, D] (e.g. one embedding per basin).</param>
    /// <param name="random">Seeded generator for every k-means seeding, drawn from in order of k.</param>
    /// <param name="minK">Smallest k, ≥ 2.</param>
    /// <param name="maxK">Largest k, ≤ N − 1 (a silhouette needs a cluster with 2 points).</param>
    /// <param name="restarts">k-means restarts per k.</param>
    /// <returns>One entry per k, in increasing k.</returns>
    public static IReadOnlyList<ClusterCount> Run(Tensor data, Random random, int minK = 2, int maxK = 15, int restarts = 10)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(random);
        var n = data.dim() == 2 ? data.size(0) : 0;
        if (minK < 2 || maxK < minK || maxK > n - 1)
        {
            throw new ArgumentException($"cluster sweep: need 2 ≤ min_k ≤ max_k ≤ N − 1 = {n - 1}, got {minK}..{maxK}", nameof(maxK));
        }

        using var scope = torch.NewDisposeScope();
        var distances = Silhouette.Distances(data);
        var result = new List<ClusterCount>();
        for (var k = minK; k <= maxK; k++)
        {
            var clustering = KMeans.Fit(data, k, random, restarts);
            result.Add(new ClusterCount(k, clustering, Silhouette.ScoreFromDistances(distances, clustering.Labels)));
        }

        return result;
    }
}
