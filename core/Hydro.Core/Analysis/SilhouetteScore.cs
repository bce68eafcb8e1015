namespace Hydro.Core.Analysis;

/// <summary>Silhouette values of a clustering (<see cref="Silhouette.Score"/>).</summary>
/// <param name="Samples">s(i) of every point, in [−1, 1]; 0 for a point alone in its cluster.</param>
/// <param name="Mean">Mean of s(i) over the points: the score used to pick k (Kratzert et al. 2019, Fig. 9).</param>
/// <param name="Min">Smallest s(i): the worst-placed point.</param>
/// <param name="ClusterMeans">Mean s(i) of each cluster's points, by label (NaN for an empty label).</param>
public sealed record SilhouetteScore(IReadOnlyList<double> Samples, double Mean, double Min, IReadOnlyList<double> ClusterMeans)
{
    /// <summary>The smallest cluster mean: the worst-separated cluster (the other reading of a "minimum silhouette").</summary>
    public double MinClusterMean => ClusterMeans.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Min();
}
