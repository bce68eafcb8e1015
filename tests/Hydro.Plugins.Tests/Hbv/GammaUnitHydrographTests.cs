using Hydro.Plugins.Hbv.Routing;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Hbv;

public sealed class GammaUnitHydrographTests
{
    private static readonly (double A, double Theta)[] Shapes = [(0.1, 0.5), (0.7, 2), (1, 1), (2.5, 1.2), (3, 7)];

    private static double[] Weights(double a, double theta)
    {
        using var scope = torch.NewDisposeScope();
        return GammaUnitHydrograph.Weights(torch.tensor(new[] { a }), torch.tensor(new[] { theta })).data<double>();
    }

    /// <summary>The gamma density, written out independently of the code under test (Γ by Lanczos, g = 7).</summary>
    private static double Density(double s, double a, double theta) =>
        Math.Pow(s, a - 1) * Math.Exp(-s / theta) / (Gamma(a) * Math.Pow(theta, a));

    private static double Gamma(double x)
    {
        if (x < 0.5)
        {
            return Math.PI / (Math.Sin(Math.PI * x) * Gamma(1 - x));
        }

        double[] g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < 9; i++)
        {
            sum += g[i] / (x + i);
        }

        var t = x + 7.5;
        return Math.Sqrt(2 * Math.PI) * Math.Pow(t, x + 0.5) * Math.Exp(-t) * sum;
    }

    [Fact]
    public void WeightsSumToOneAndAreTheNormalisedDensityAtDayMidpoints()
    {
        foreach (var (a, theta) in Shapes)
        {
            var w = Weights(a, theta);
            Assert.Equal(GammaUnitHydrograph.Length, w.Length);
            Assert.Equal(1, w.Sum(), 12);
            var density = Enumerable.Range(0, 15).Select(k => Density(k + 0.5, a, theta)).ToArray();
            var total = density.Sum();
            for (var k = 0; k < 15; k++)
            {
                Assert.True(Math.Abs(w[k] - (density[k] / total)) < 1e-12, $"a {a} θ {theta} day {k}: {w[k]} vs {density[k] / total}");
            }
        }
    }

    [Fact]
    public void ForSmoothShapesTheMidpointWeightsApproximateTheDailyIntegralsOfTheDensity()
    {
        // The integral of the density over each day [k, k + 1] (Simpson, 2000 intervals), normalised over the 15 days.
        foreach (var (a, theta) in new[] { (2.5, 1.2), (3.0, 2.0), (2.0, 3.0) })
        {
            var w = Weights(a, theta);
            var integrals = Enumerable.Range(0, 15).Select(k => Simpson(s => Density(s, a, theta), k, k + 1, 2000)).ToArray();
            var total = integrals.Sum();
            for (var k = 0; k < 15; k++)
            {
                Assert.True(Math.Abs(w[k] - (integrals[k] / total)) < 0.01, $"a {a} θ {theta} day {k}: midpoint {w[k]}, integral {integrals[k] / total}");
            }
        }
    }

    private static double Simpson(Func<double, double> f, double a, double b, int n)
    {
        var h = (b - a) / n;
        var sum = f(a) + f(b);
        for (var i = 1; i < n; i++)
        {
            sum += f(a + (i * h)) * (i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3;
    }

    [Fact]
    public void RoutingIsTheCausalConvolutionOfEachBasinWithItsOwnWeights()
    {
        using var scope = torch.NewDisposeScope();
        var q = torch.rand([3, 40], dtype: ScalarType.Float64);
        var w = GammaUnitHydrograph.Weights(torch.tensor(new[] { 0.5, 1.5, 2.9 }), torch.tensor(new[] { 0.6, 2.0, 6.5 }));
        var routed = GammaUnitHydrograph.Route(q, w).data<double>();
        var (qv, wv) = (q.data<double>(), w.data<double>());
        for (var b = 0; b < 3; b++)
        {
            for (var t = 0; t < 40; t++)
            {
                var expected = 0.0;
                for (var k = 0; k < 15 && k <= t; k++)
                {
                    expected += wv[(b * 15) + k] * qv[(b * 40) + t - k];
                }

                Assert.Equal(expected, routed[(b * 40) + t], 12);
            }
        }
    }

    [Fact]
    public void AUnitPulseComesOutAsTheUnitHydrographAndConservesVolume()
    {
        using var scope = torch.NewDisposeScope();
        var pulse = torch.zeros([1, 30], ScalarType.Float64);
        pulse.index_put_([torch.tensor(new long[] { 0 }), torch.tensor(new long[] { 5 })], 1.0);
        var w = GammaUnitHydrograph.Weights(torch.tensor(new[] { 2.0 }), torch.tensor(new[] { 1.5 }));
        var routed = GammaUnitHydrograph.Route(pulse, w).data<double>();
        Assert.All(routed.Take(5), v => Assert.Equal(0, v));
        Assert.Equal(w.data<double>(), routed.Skip(5).Take(15).ToArray());
        Assert.Equal(1, routed.Sum(), 12);
    }

    [Fact]
    public void LearnedValuesAreKeptStrictlyPositive()
    {
        using var scope = torch.NewDisposeScope();
        var (a, theta) = GammaUnitHydrograph.Positive(torch.tensor(new[] { -1.0, 0, 2 }), torch.tensor(new[] { -3.0, 0, 4 }));
        Assert.Equal([0.1, 0.1, 2.1], a.data<double>());
        Assert.Equal([0.5, 0.5, 4.5], theta.data<double>());
    }
}
