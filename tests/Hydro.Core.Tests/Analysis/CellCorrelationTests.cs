using Hydro.Core.Analysis;
using Hydro.Torch;

namespace Hydro.Core.Tests.Analysis;

public class CellCorrelationTests
{
    [Fact]
    public void FindsTheCellsThatFollowTheVariable()
    {
        using var scope = torch.NewDisposeScope();
        var g = torch.Generator(3);
        var y = torch.randn([200], g, ScalarType.Float64);
        var noise = torch.randn([200, 2], g, ScalarType.Float64);
        var states = torch.stack([
            -y + (noise.select(1, 0) * 0.3),
            noise.select(1, 1),
            (3 * y) + 1,
            torch.full([200], 0.5, ScalarType.Float64),
        ], 1);
        var top = CellCorrelation.Top(states, y, 3);
        Assert.Equal([2, 0, 1], top.Select(c => c.Cell));
        Assert.Equal(1.0, top[0].R, 12);
        Assert.True(top[1].R < -0.9);

        var r = CellCorrelation.Pearson(states, y);
        Assert.True(double.IsNaN(r[3]));
        Assert.Equal(Naive(states.select(1, 0).data<double>(), y.data<double>()), r[0], 12);
    }

    [Fact]
    public void SkipsRowsWhereTheVariableIsMissing()
    {
        using var scope = torch.NewDisposeScope();
        var states = torch.tensor(new double[] { 1, 100, 2, 5, 3, 4, 4, -7 }, [4, 2]);
        var y = torch.tensor(new double[] { 2, double.NaN, 6, 1 });
        var r = CellCorrelation.Pearson(states, y);
        Assert.Equal(Naive([1, 3, 4], [2, 6, 1]), r[0], 12);
        Assert.Equal(Naive([100, 4, -7], [2, 6, 1]), r[1], 12);
    }

    private static double Naive(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        var c = a.Zip(b, (p, q) => (p - ma) * (q - mb)).Sum();
        return c / Math.Sqrt(a.Sum(p => (p - ma) * (p - ma)) * b.Sum(q => (q - mb) * (q - mb)));
    }
}
