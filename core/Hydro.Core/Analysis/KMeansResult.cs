namespace Hydro.Core.Analysis;

/// <summary>A k-means clustering (<see cref="KMeans.Fit"/>).</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Labels">Cluster of each point, 0 ≤ label &lt; K.</param>
/// <param name="Centres">Cluster centres [K, D], in the units of the data.</param>
/// <param name="Inertia">Σ_i ‖x_i − centre(label_i)‖², the within-cluster sum of squares.</param>
/// <param name="Iterations">Lloyd iterations of the best restart.</param>
public sealed record KMeansResult(int K, IReadOnlyList<int> Labels, double[,] Centres, double Inertia, int Iterations);
