using Hydro.Torch;

namespace Hydro.Core.Analysis;

/// <summary>
/// Sufficient statistics of a set of rows for least squares: n, Σx [F], Σxxᵀ [F, F], Σy, Σy², Σxy [F]. Sums and
/// differences of them are the statistics of unions and complements of row sets, so k-fold cross-validation needs
/// one pass over the data.
/// </summary>
internal sealed record Moments(double N, double[] X, double[] Xx, double Y, double Yy, double[] Xy)
{
    /// <summary>The statistics of the rows of x [n, F] and y [n] (float64).</summary>
    public static Moments Of(Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        return new Moments(
            x.size(0),
            x.sum(0).data<double>(),
            x.t().matmul(x).data<double>(),
            y.sum().item<double>(),
            y.square().sum().item<double>(),
            x.t().matmul(y).data<double>());
    }

    public static Moments operator +(Moments a, Moments b) => Combine(a, b, 1);

    public static Moments operator -(Moments a, Moments b) => Combine(a, b, -1);

    /// <summary>Σ (y − a − xᵀβ)² over these rows.</summary>
    public double SquaredError(double[] beta, double a)
    {
        var f = beta.Length;
        double bXy = 0, bX = 0, bXxb = 0;
        for (var i = 0; i < f; i++)
        {
            bXy += beta[i] * Xy[i];
            bX += beta[i] * X[i];
            double row = 0;
            for (var j = 0; j < f; j++)
            {
                row += Xx[(i * f) + j] * beta[j];
            }

            bXxb += beta[i] * row;
        }

        return Yy - (2 * bXy) - (2 * a * Y) + bXxb + (2 * a * bX) + (N * a * a);
    }

    private static Moments Combine(Moments a, Moments b, double sign) => new(
        a.N + (sign * b.N),
        [.. a.X.Zip(b.X, (p, q) => p + (sign * q))],
        [.. a.Xx.Zip(b.Xx, (p, q) => p + (sign * q))],
        a.Y + (sign * b.Y),
        a.Yy + (sign * b.Yy),
        [.. a.Xy.Zip(b.Xy, (p, q) => p + (sign * q))]);
}
