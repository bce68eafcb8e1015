using Hydro.Torch;

namespace Hydro.Core.Analysis;

/// <summary>
/// k-means clustering with k-means++ seeding and several restarts, keeping the lowest inertia; used on EA-LSTM
/// embeddings and on raw catchment attributes (Kratzert et al. 2019, Sect. 2.6.3 and 3.4).
/// </summary>
/// <remarks>
/// Seeding (Arthur and Vassilvitskii 2007): the first centre is a uniformly drawn point, each further one a point drawn
/// with probability ∝ its squared distance to the nearest centre so far. Lloyd iterations assign each point to its
/// nearest centre and move each centre to its points' mean, until no label changes or <c>maxIterations</c>; a cluster
/// that empties is re-seeded with the point farthest from its centre. Distances run in float64 as one matmul per
/// iteration; all draws come from the given <see cref="Random"/>, so a seed gives the same clustering.
/// </remarks>
public static class KMeans
{
    /// <summary>Clusters the rows of <paramref name="data"/> [N, D] into <paramref name="k"/> groups.</summary>
    /// <param name="data">Points [N, D], finite.</param>
    /// <param name="k">Clusters, 1 ≤ k ≤ N.</param>
    /// <param name="random">Seeded generator for the seeding draws.</param>
    /// <param name="restarts">Independent seedings, ≥ 1; the lowest inertia wins.</param>
    /// <param name="maxIterations">Lloyd iterations per restart, ≥ 1.</param>
    /// <exception cref="ArgumentException">Bad shape, non-finite values, or k out of range.</exception>
    public static KMeansResult Fit(Tensor data, int k, Random random, int restarts = 10, int maxIterations = 300)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(restarts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        using var scope = torch.NewDisposeScope();
        var x = PointDistances.Centred(data, "k-means data");
        var n = (int)x.size(0);
        if (k < 1 || k > n)
        {
            throw new ArgumentException($"k-means: k must be in 1..{n} (the number of points), got {k}", nameof(k));
        }

        var norms = x.square().sum(1);
        Run? best = null;
        for (var r = 0; r < restarts; r++)
        {
            var run = Lloyd(x, norms, Seed(x, norms, k, random), maxIterations);
            if (best is null || run.Inertia < best.Inertia)
            {
                best = run;
            }
        }

        // Centres back in the data's units: add the column means removed by centring.
        var centres = (best!.Centres + data.detach().to(ScalarType.Float64).mean(0, keepdim: true)).contiguous().data<double>();
        var d = (int)x.size(1);
        var grid = new double[k, d];
        Buffer.BlockCopy(centres, 0, grid, 0, centres.Length * sizeof(double));
        return new KMeansResult(k, best.Labels, grid, best.Inertia, best.Iterations);
    }

    private sealed record Run(int[] Labels, Tensor Centres, double Inertia, int Iterations);

    private static Tensor Seed(Tensor x, Tensor norms, int k, Random random)
    {
        var n = (int)x.size(0);
        var chosen = new List<long> { random.Next(n) };
        var nearest = PointDistances.Squared(x, norms, x.narrow(0, chosen[0], 1)).squeeze(1).data<double>();
        while (chosen.Count < k)
        {
            var total = nearest.Sum();
            var next = total > 0 ? Draw(nearest, total * random.NextDouble()) : random.Next(n);
            chosen.Add(next);
            var d = PointDistances.Squared(x, norms, x.narrow(0, next, 1)).squeeze(1).data<double>();
            for (var i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], d[i]);
            }
        }

        return x.index_select(0, torch.tensor(chosen.ToArray()));
    }

    private static int Draw(double[] weights, double u)
    {
        var last = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            last = i;
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return last;
    }

    private static Run Lloyd(Tensor x, Tensor norms, Tensor centres, int maxIterations)
    {
        var k = (int)centres.size(0);
        var (labels, distance) = Assign(x, norms, centres);
        var iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            centres = Update(x, labels, distance, k);
            var (next, nextDistance) = Assign(x, norms, centres);
            var converged = next.AsSpan().SequenceEqual(labels);
            (labels, distance) = (next, nextDistance);
            if (converged)
            {
                break;
            }
        }

        // The loop always ends on an assignment to the current centres, so labels, centres and inertia agree.
        return new Run(labels, centres, distance.Sum(), iterations);
    }

    private static (int[] Labels, double[] Distance) Assign(Tensor x, Tensor norms, Tensor centres)
    {
        var (values, indices) = PointDistances.Squared(x, norms, centres).min(1);
        return (Array.ConvertAll(indices.data<long>(), i => (int)i), values.data<double>());
    }

    /// <summary>Each centre to the mean of its points; an empty cluster takes the point farthest from its own centre.</summary>
    private static Tensor Update(Tensor x, int[] labels, double[] distance, int k)
    {
        var counts = new int[k];
        foreach (var l in labels)
        {
            counts[l]++;
        }

        var taken = new HashSet<int>();
        for (var c = 0; c < k; c++)
        {
            if (counts[c] > 0)
            {
                continue;
            }

            var far = Enumerable.Range(0, labels.Length).Where(i => counts[labels[i]] > 1 && !taken.Contains(i)).MaxBy(i => distance[i]);
            counts[labels[far]]--;
            labels[far] = c;
            counts[c] = 1;
            taken.Add(far);
        }

        var index = torch.tensor(Array.ConvertAll(labels, l => (long)l));
        var sums = torch.zeros([k, x.size(1)], ScalarType.Float64, x.device).index_add(0, index.to(x.device), x);
        var sizes = torch.tensor(Array.ConvertAll(counts, c => (double)c), [k, 1], x.device);
        return sums / sizes;
    }
}
