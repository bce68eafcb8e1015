namespace Hydro.Core.Analysis;

/// <summary>Solves A x = b for a symmetric positive definite A by Cholesky factorisation A = L Lᵀ (a few lines; no linear-algebra package).</summary>
internal static class Cholesky
{
    /// <summary>x with A x = b; <paramref name="a"/> is n × n row-major and is not modified.</summary>
    /// <exception cref="InvalidOperationException">A is not positive definite.</exception>
    public static double[] Solve(double[] a, double[] b)
    {
        var n = b.Length;
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(i * n) + j];
                for (var p = 0; p < j; p++)
                {
                    sum -= l[(i * n) + p] * l[(j * n) + p];
                }

                if (i == j)
                {
                    l[(i * n) + i] = sum > 0 ? Math.Sqrt(sum) : throw new InvalidOperationException("matrix is not positive definite");
                }
                else
                {
                    l[(i * n) + j] = sum / l[(j * n) + j];
                }
            }
        }

        // L z = b, then Lᵀ x = z.
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var p = 0; p < i; p++)
            {
                sum -= l[(i * n) + p] * z[p];
            }

            z[i] = sum / l[(i * n) + i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var p = i + 1; p < n; p++)
            {
                sum -= l[(p * n) + i] * x[p];
            }

            x[i] = sum / l[(i * n) + i];
        }

        return x;
    }
}
