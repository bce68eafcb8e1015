namespace Hydro.Core.Analysis;

/// <summary>One k of a cluster-count sweep (<see cref="ClusterSweep.Run"/>).</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Clustering">The best-inertia k-means clustering for this k.</param>
/// <param name="Silhouette">Its silhouette values (mean and minimum per k, Kratzert et al. 2019, Fig. 9).</param>
public sealed record ClusterCount(int K, KMeansResult Clustering, SilhouetteScore Silhouette);
