using Hydro.Torch;

namespace Hydro.Core.Analysis;

/// <summary>
/// A linear probe (Lees et al. 2022): ridge regression from a model's states (e.g. the LSTM cell state c[t]) to a
/// variable the model never saw (snow water equivalent, soil moisture), fitted on training rows and scored by R² on
/// held-out rows, overall and per basin.
/// </summary>
/// <remarks>
/// Features are standardised with the mean and standard deviation of the rows being fitted (a constant feature gets
/// weight 0), the target is centred, and <c>1/n ‖y − a − Z w‖² + λ ‖w‖²</c> is minimised in closed form,
/// <c>(ZᵀZ/n + λI) w = Zᵀ(y − ȳ)/n</c>, solved by Cholesky. λ is chosen from <see cref="RidgeProbeOptions.Penalties"/>
/// by k-fold cross-validation on the training rows only: the folds are contiguous blocks of the training rows in their
/// given order (rows ordered by basin and date keep autocorrelated days together, so the held-out error is not
/// flattered), each fold standardised on its own training part. The chosen λ is refitted on all training rows. Rows
/// whose target is not finite are dropped; every computation is in float64 through per-fold sufficient statistics
/// (one [n, F]ᵀ × [n, F] matmul per fold), so memory is O(F²), not O(n·F).
/// </remarks>
public static class RidgeProbe
{
    /// <summary>Fits the probe and scores it.</summary>
    /// <param name="features">States [N, F] (any float dtype, any device); must be finite on the rows used.</param>
    /// <param name="target">The variable to recover [N]; NaN rows are dropped.</param>
    /// <param name="train">Per row: true to fit on it, false to hold it out for the R².</param>
    /// <param name="groups">Per row, its group (basin) for <see cref="RidgeProbeResult.GroupR2"/>; null: no per-group R².</param>
    /// <param name="options">Penalty grid and folds; null for the defaults.</param>
    /// <exception cref="ArgumentException">Mismatched lengths, bad options, non-finite features, or too few training rows.</exception>
    public static RidgeProbeResult Fit(Tensor features, Tensor target, IReadOnlyList<bool> train, IReadOnlyList<string>? groups = null, RidgeProbeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new RidgeProbeOptions();
        Check(features, target, train, groups, options);
        using var scope = torch.NewDisposeScope();
        var x = features.detach().to(ScalarType.Float64);
        var y = target.detach().to(ScalarType.Float64).reshape(-1);
        var finite = y.isfinite().data<bool>();
        var trainRows = Enumerable.Range(0, finite.Length).Where(i => finite[i] && train[i]).ToArray();
        var testRows = Enumerable.Range(0, finite.Length).Where(i => finite[i] && !train[i]).ToArray();
        if (trainRows.Length < Math.Max(options.Folds, 3))
        {
            throw new ArgumentException($"ridge probe: {trainRows.Length} training rows with a finite target; need at least {Math.Max(options.Folds, 3)}", nameof(train));
        }

        var used = x.index_select(0, Index(trainRows.Concat(testRows), x.device));
        if (!used.isfinite().all().item<bool>())
        {
            throw new ArgumentException("ridge probe: the features contain NaN or infinite values on rows with a finite target", nameof(features));
        }

        // Shift by the training means first: the sufficient statistics then hold small numbers and do not cancel.
        var trainIndex = Index(trainRows, x.device);
        var xShift = x.index_select(0, trainIndex).mean(0, keepdim: true);
        var yShift = y.index_select(0, trainIndex).mean().item<double>();
        var xc = x - xShift;
        var yc = y - yShift;
        var folds = Folds(trainRows, options.Folds).Select(rows =>
        {
            var index = Index(rows, x.device);
            return Moments.Of(xc.index_select(0, index), yc.index_select(0, index));
        }).ToArray();
        var total = folds.Aggregate((a, b) => a + b);

        var cv = options.Penalties.Select(lambda =>
            folds.Sum(fold =>
            {
                var (beta, a) = Solve(total - fold, lambda);
                return fold.SquaredError(beta, a);
            }) / total.N).ToArray();
        var best = Array.IndexOf(cv, cv.Min());
        var (coefficients, offset) = Solve(total, options.Penalties[best]);
        var intercept = yShift + offset - Dot(xShift.reshape(-1).data<double>(), coefficients);

        var prediction = x.matmul(torch.tensor(coefficients, device: x.device)) + intercept;
        var yHost = y.data<double>();
        var pHost = prediction.data<double>();
        var groupR2 = new Dictionary<string, double>(StringComparer.Ordinal);
        if (groups is not null)
        {
            foreach (var g in testRows.GroupBy(i => groups[i], StringComparer.Ordinal))
            {
                groupR2[g.Key] = R2(g.ToArray(), yHost, pHost);
            }
        }

        return new RidgeProbeResult(options.Penalties[best], options.Penalties, cv, coefficients, intercept,
            R2(trainRows, yHost, pHost), testRows.Length == 0 ? double.NaN : R2(testRows, yHost, pHost), groupR2, trainRows.Length, testRows.Length);
    }

    /// <summary>Ridge solution on standardised features for the rows summarised by <paramref name="m"/>, as (β, a) in the shifted units.</summary>
    private static (double[] Beta, double A) Solve(Moments m, double lambda)
    {
        var f = m.X.Length;
        var n = m.N;
        var mean = m.X.Select(v => v / n).ToArray();
        var yMean = m.Y / n;
        var sd = new double[f];
        for (var i = 0; i < f; i++)
        {
            var variance = (m.Xx[(i * f) + i] / n) - (mean[i] * mean[i]);
            sd[i] = variance > 1e-12 * Math.Max(1, m.Xx[(i * f) + i] / n) ? Math.Sqrt(variance) : double.PositiveInfinity;
        }

        // (ZᵀZ/n + λI) w = Zᵀ(y − ȳ)/n with Z = (x − μ)/sd; a constant feature has sd = ∞, so its column is 0 and w = 0.
        var a = new double[f * f];
        var rhs = new double[f];
        for (var i = 0; i < f; i++)
        {
            for (var j = 0; j < f; j++)
            {
                var covariance = (m.Xx[(i * f) + j] / n) - (mean[i] * mean[j]);
                a[(i * f) + j] = covariance / (sd[i] * sd[j]);
            }

            a[(i * f) + i] += lambda;
            rhs[i] = ((m.Xy[i] / n) - (mean[i] * yMean)) / sd[i];
        }

        var w = Cholesky.Solve(a, rhs);
        var beta = w.Select((v, i) => v / sd[i]).ToArray();
        return (beta, yMean - Dot(mean, beta));
    }

    /// <summary>1 − SSE/SST around the rows' own mean; NaN when the target is constant on them.</summary>
    private static double R2(int[] rows, double[] y, double[] prediction)
    {
        var mean = rows.Average(i => y[i]);
        var sst = rows.Sum(i => (y[i] - mean) * (y[i] - mean));
        var sse = rows.Sum(i => (y[i] - prediction[i]) * (y[i] - prediction[i]));
        return sst > 0 ? 1 - (sse / sst) : double.NaN;
    }

    /// <summary><paramref name="k"/> contiguous blocks of <paramref name="rows"/>, sizes differing by at most one.</summary>
    private static IEnumerable<int[]> Folds(int[] rows, int k) =>
        Enumerable.Range(0, k).Select(f => rows[(int)((long)rows.Length * f / k)..(int)((long)rows.Length * (f + 1) / k)]);

    private static Tensor Index(IEnumerable<int> rows, Device device) => torch.tensor(rows.Select(i => (long)i).ToArray(), device: device);

    private static double Dot(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).Sum();

    private static void Check(Tensor features, Tensor target, IReadOnlyList<bool> train, IReadOnlyList<string>? groups, RidgeProbeOptions options)
    {
        if (features.dim() != 2 || features.size(1) == 0)
        {
            throw new ArgumentException($"ridge probe: features must be [N, F], got [{string.Join(", ", features.shape)}]", nameof(features));
        }

        var n = features.size(0);
        if (target.numel() != n || train.Count != n || (groups is not null && groups.Count != n))
        {
            throw new ArgumentException($"ridge probe: features have {n} rows but target has {target.numel()}, train {train.Count}"
                + (groups is null ? string.Empty : $", groups {groups.Count}"), nameof(target));
        }

        if (options.Folds < 2)
        {
            throw new ArgumentException($"ridge probe: folds must be ≥ 2, got {options.Folds}", nameof(options));
        }

        if (options.Penalties.Count == 0 || options.Penalties.Any(p => !(p > 0) || double.IsInfinity(p)))
        {
            throw new ArgumentException($"ridge probe: penalties must be a non-empty list of finite values > 0, got [{string.Join(", ", options.Penalties)}]", nameof(options));
        }
    }
}
