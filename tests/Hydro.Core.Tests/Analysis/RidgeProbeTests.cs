using Hydro.Core.Analysis;
using Hydro.Torch;

namespace Hydro.Core.Tests.Analysis;

public class RidgeProbeTests
{
    private const int Rows = 600;
    private const int Features = 5;

    /// <summary>Features with different scales and offsets [600, 5]; rows of three basins in blocks of 200.</summary>
    private static Tensor States(ulong seed = 1)
    {
        var scale = torch.tensor(new double[] { 1, 10, 0.1, 3, 50 });
        var offset = torch.tensor(new double[] { 0, -20, 5, 100, 1e3 });
        return (torch.randn([Rows, Features], torch.Generator(seed), ScalarType.Float64) * scale) + offset;
    }

    private static readonly bool[] Train = [.. Enumerable.Range(0, Rows).Select(i => i % 200 < 140)];
    private static readonly string[] Basins = [.. Enumerable.Range(0, Rows).Select(i => $"basin{i / 200}")];

    [Fact]
    public void RecoversAPlantedLinearSignal()
    {
        using var scope = torch.NewDisposeScope();
        var x = States();
        double[] w = [2, -0.5, 30, 0.1, 0.02];
        var y = x.matmul(torch.tensor(w)) + 3;
        var result = RidgeProbe.Fit(x, y, Train, Basins);
        Assert.True(result.TestR2 > 0.9999, $"test R² {result.TestR2}");
        Assert.Equal(3, result.GroupR2.Count);
        Assert.All(result.GroupR2.Values, r2 => Assert.True(r2 > 0.999, $"basin R² {r2}"));
        Assert.Equal(1e-6, result.Penalty);
        for (var i = 0; i < Features; i++)
        {
            Assert.Equal(w[i], result.Coefficients[i], Math.Abs(w[i]) * 1e-3);
        }

        Assert.Equal(3, result.Intercept, 0.01);
        Assert.Equal((420, 180), (result.TrainRows, result.TestRows));
        Assert.Equal(y.data<double>()[450], result.Predict(x).data<double>()[450], 1e-2);
    }

    [Fact]
    public void ScoresAboutZeroOrBelowOnNoise()
    {
        using var scope = torch.NewDisposeScope();
        var x = States();
        var y = torch.randn([Rows], torch.Generator(77), ScalarType.Float64);
        var result = RidgeProbe.Fit(x, y, Train, Basins);
        Assert.True(result.TestR2 < 0.05, $"test R² {result.TestR2}");
        Assert.True(result.TrainR2 < 0.05, $"train R² {result.TrainR2}");
    }

    [Fact]
    public void CrossValidationAndFitEqualADirectComputation()
    {
        using var scope = torch.NewDisposeScope();
        var x = States(seed: 4);
        var noise = torch.randn([Rows], torch.Generator(5), ScalarType.Float64);
        var y = x.matmul(torch.tensor(new double[] { 1, 0.2, -3, 0.5, 0.01 })) + (noise * 4);
        const double lambda = 0.05;
        var result = RidgeProbe.Fit(x, y, Train, options: new RidgeProbeOptions { Penalties = [lambda], Folds = 4 });

        var xs = x.data<double>();
        var ys = y.data<double>();
        var train = Enumerable.Range(0, Rows).Where(i => Train[i]).ToArray();
        var folds = Enumerable.Range(0, 4).Select(f => train[(train.Length * f / 4)..(train.Length * (f + 1) / 4)]).ToArray();
        double sse = 0;
        foreach (var fold in folds)
        {
            var (beta, a) = NaiveRidge(xs, ys, train.Except(fold).ToArray(), lambda);
            sse += fold.Sum(i => Math.Pow(ys[i] - a - Enumerable.Range(0, Features).Sum(j => beta[j] * xs[(i * Features) + j]), 2));
        }

        Assert.Equal(sse / train.Length, result.CrossValidationMse[0], 1e-9 * sse / train.Length);
        var (coefficients, intercept) = NaiveRidge(xs, ys, train, lambda);
        for (var j = 0; j < Features; j++)
        {
            Assert.Equal(coefficients[j], result.Coefficients[j], 1e-9 * Math.Max(1, Math.Abs(coefficients[j])));
        }

        Assert.Equal(intercept, result.Intercept, 1e-7);
    }

    [Fact]
    public void DropsRowsWithoutATarget()
    {
        using var scope = torch.NewDisposeScope();
        var x = States();
        var values = x.matmul(torch.tensor(new double[] { 1, 1, 1, 1, 1 })).data<double>();
        values[0] = double.NaN;
        values[599] = double.NaN;
        var result = RidgeProbe.Fit(x, torch.tensor(values), Train, Basins);
        Assert.Equal((419, 179), (result.TrainRows, result.TestRows));
        Assert.True(result.TestR2 > 0.9999);
    }

    [Fact]
    public void RejectsMismatchedInputsAndBadOptions()
    {
        using var scope = torch.NewDisposeScope();
        var x = States();
        var y = torch.zeros([Rows], ScalarType.Float64);
        Assert.Throws<ArgumentException>(() => RidgeProbe.Fit(x, torch.zeros([10]), Train));
        Assert.Throws<ArgumentException>(() => RidgeProbe.Fit(x, y, Train, ["a"]));
        Assert.Contains("penalties", Assert.Throws<ArgumentException>(() => RidgeProbe.Fit(x, y, Train, options: new() { Penalties = [0] })).Message);
        Assert.Contains("folds", Assert.Throws<ArgumentException>(() => RidgeProbe.Fit(x, y, Train, options: new() { Folds = 1 })).Message);
    }

    /// <summary>Ridge on the rows' own standardisation by normal equations and Gaussian elimination, back in raw units.</summary>
    private static (double[] Beta, double A) NaiveRidge(double[] x, double[] y, int[] rows, double lambda)
    {
        var n = rows.Length;
        var mean = new double[Features];
        var sd = new double[Features];
        for (var j = 0; j < Features; j++)
        {
            mean[j] = rows.Average(i => x[(i * Features) + j]);
            sd[j] = Math.Sqrt(rows.Average(i => Math.Pow(x[(i * Features) + j] - mean[j], 2)));
        }

        var yMean = rows.Average(i => y[i]);
        double Z(int i, int j) => (x[(i * Features) + j] - mean[j]) / sd[j];
        var m = new double[Features, Features + 1];
        for (var p = 0; p < Features; p++)
        {
            for (var q = 0; q < Features; q++)
            {
                m[p, q] = rows.Sum(i => Z(i, p) * Z(i, q)) / n + (p == q ? lambda : 0);
            }

            m[p, Features] = rows.Sum(i => Z(i, p) * (y[i] - yMean)) / n;
        }

        for (var p = 0; p < Features; p++)
        {
            for (var r = p + 1; r < Features; r++)
            {
                var factor = m[r, p] / m[p, p];
                for (var q = p; q <= Features; q++)
                {
                    m[r, q] -= factor * m[p, q];
                }
            }
        }

        var w = new double[Features];
        for (var p = Features - 1; p >= 0; p--)
        {
            w[p] = (m[p, Features] - Enumerable.Range(p + 1, Features - p - 1).Sum(q => m[p, q] * w[q])) / m[p, p];
        }

        var beta = w.Select((v, j) => v / sd[j]).ToArray();
        return (beta, yMean - Enumerable.Range(0, Features).Sum(j => beta[j] * mean[j]));
    }
}
