using Hydro.Torch;

namespace Hydro.Core.Analysis;

/// <summary>
/// Silhouette values of a clustering with Euclidean distances (Rousseeuw 1987), the criterion Kratzert et al. (2019)
/// pick the number of embedding clusters by.
/// </summary>
/// <remarks>
/// For point i in cluster A: a(i) = mean distance to the other points of A, b(i) = the smallest mean distance to the
/// points of another cluster, <c>s(i) = (b − a) / max(a, b)</c>; s(i) = 0 when i is alone in A (as scikit-learn). The
/// N × N distance matrix is built once (float64, one matmul) and reused for every clustering of the same points
/// (<see cref="Distances(Tensor)"/>); each score is then one [N, N] × [N, K] matmul.
/// </remarks>
public static class Silhouette
{
    /// <summary>The pairwise Euclidean distances [N, N] of the rows of <paramref name="data"/> [N, D] (float64, zero diagonal).</summary>
    public static Tensor Distances(Tensor data)
    {
        using var scope = torch.NewDisposeScope();
        var x = PointDistances.Centred(data, "silhouette data");
        var squared = PointDistances.Squared(x, x.square().sum(1), x);
        var n = x.size(0);
        var offDiagonal = torch.ones([n, n], ScalarType.Float64, x.device) - torch.ones([n], ScalarType.Float64, x.device).diag();
        return (squared.sqrt() * offDiagonal).MoveToOuterDisposeScope();
    }

    /// <summary>Silhouette values of <paramref name="labels"/> on the points of <paramref name="data"/> [N, D].</summary>
    public static SilhouetteScore Score(Tensor data, IReadOnlyList<int> labels)
    {
        using var scope = torch.NewDisposeScope();
        return ScoreFromDistances(Distances(data), labels);
    }

    /// <summary>Silhouette values from a precomputed distance matrix [N, N] (<see cref="Distances(Tensor)"/>).</summary>
    /// <exception cref="ArgumentException">Labels that do not match the matrix, negative labels, or fewer than 2 clusters.</exception>
    public static SilhouetteScore ScoreFromDistances(Tensor distances, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(labels);
        var n = labels.Count;
        if (distances.dim() != 2 || distances.size(0) != n || distances.size(1) != n)
        {
            throw new ArgumentException($"silhouette: distances must be [{n}, {n}] for {n} labels, got [{string.Join(", ", distances.shape)}]", nameof(distances));
        }

        if (labels.Any(l => l < 0))
        {
            throw new ArgumentException("silhouette: labels must be ≥ 0", nameof(labels));
        }

        var k = labels.Max() + 1;
        var counts = new int[k];
        foreach (var l in labels)
        {
            counts[l]++;
        }

        if (counts.Count(c => c > 0) < 2)
        {
            throw new ArgumentException("silhouette: needs at least 2 non-empty clusters", nameof(labels));
        }

        using var scope = torch.NewDisposeScope();
        var oneHot = torch.tensor(labels.ToArray(), device: distances.device).unsqueeze(1).eq(torch.arange(k, distances.device).unsqueeze(0));
        var sums = distances.to(ScalarType.Float64).matmul(oneHot.to(ScalarType.Float64)).data<double>();
        var samples = new double[n];
        for (var i = 0; i < n; i++)
        {
            var own = labels[i];
            if (counts[own] == 1)
            {
                continue;
            }

            var a = sums[(i * k) + own] / (counts[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own && counts[c] > 0)
                {
                    b = Math.Min(b, sums[(i * k) + c] / counts[c]);
                }
            }

            var scale = Math.Max(a, b);
            samples[i] = scale > 0 ? (b - a) / scale : 0;
        }

        var clusterMeans = Enumerable.Range(0, k)
            .Select(c => counts[c] == 0 ? double.NaN : Enumerable.Range(0, n).Where(i => labels[i] == c).Average(i => samples[i]))
            .ToArray();
        return new SilhouetteScore(samples, samples.Average(), samples.Min(), clusterMeans);
    }
}
