namespace Hydro.Torch.Tests.NN;

/// <summary>nn.init: statistics on 10⁵ samples, exact bounds, in-place and no-grad semantics.</summary>
public class InitTests
{
    private static (double Mean, double Std, double MaxAbs) Stats(Tensor t)
    {
        var v = t.to(ScalarType.Float64).data<double>();
        var mean = v.Average();
        var std = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return (mean, std, v.Max(Math.Abs));
    }

    [Fact]
    public void UniformAndNormalHaveTheirMoments()
    {
        using var scope = torch.NewDisposeScope();
        var u = nn.init.uniform_(torch.empty([100_000]), -2, 4, torch.Generator(1));
        var (mean, std, _) = Stats(u);
        Assert.InRange(mean, 0.97, 1.03);
        Assert.InRange(std, 6 / Math.Sqrt(12) * 0.99, 6 / Math.Sqrt(12) * 1.01);
        Assert.All(u.data<float>(), x => Assert.InRange(x, -2f, 4f));

        var n = nn.init.normal_(torch.empty([100_000], ScalarType.Float64), 3, 0.5, torch.Generator(2));
        (mean, std, _) = Stats(n);
        Assert.InRange(mean, 2.99, 3.01);
        Assert.InRange(std, 0.495, 0.505);
    }

    [Fact]
    public void SameGeneratorSeedSameValues()
    {
        using var scope = torch.NewDisposeScope();
        var a = nn.init.normal_(torch.empty([50]), generator: torch.Generator(3)).data<float>();
        var b = nn.init.normal_(torch.empty([50]), generator: torch.Generator(3)).data<float>();
        var c = nn.init.normal_(torch.empty([50]), generator: torch.Generator(4)).data<float>();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void ConstantsAndInPlaceWithoutAutograd()
    {
        using var scope = torch.NewDisposeScope();
        var p = new nn.Parameter(torch.empty([3, 2]));
        try
        {
            Assert.Same(p, nn.init.constant_(p, 2.5));
            Assert.All(p.data<float>(), v => Assert.Equal(2.5f, v));
            nn.init.zeros_(p);
            Assert.All(p.data<float>(), v => Assert.Equal(0f, v));
            nn.init.ones_(p);
            Assert.All(p.data<float>(), v => Assert.Equal(1f, v));
            nn.init.kaiming_normal_(p);
            Assert.True(p.is_leaf && p.requires_grad);
        }
        finally
        {
            p.Dispose();
        }
    }

    [Fact]
    public void KaimingUniformBoundIsExact()
    {
        using var scope = torch.NewDisposeScope();
        var w = nn.init.kaiming_uniform_(torch.empty([200, 500], ScalarType.Float64), generator: torch.Generator(5));
        var bound = Math.Sqrt(2.0 / (1 + 0.0)) * Math.Sqrt(3.0 / 500); // a = 0: gain √2, fan_in 500
        var (mean, std, max) = Stats(w);
        Assert.True(max <= bound, $"max |w| {max} exceeds the bound {bound}");
        Assert.True(max > 0.999 * bound, $"max |w| {max} is far below the bound {bound}");
        Assert.InRange(mean, -0.01 * bound, 0.01 * bound);
        Assert.InRange(std, bound / Math.Sqrt(3) * 0.99, bound / Math.Sqrt(3) * 1.01);

        var fanOut = nn.init.kaiming_uniform_(torch.empty([200, 500]), 0, "fan_out", "relu", torch.Generator(6));
        var (_, _, maxOut) = Stats(fanOut);
        Assert.InRange(maxOut, 0.999 * Math.Sqrt(6.0 / 200), Math.Sqrt(6.0 / 200) * (1 + 1e-6));

        // nn.Linear's default: a = √5 gives U(−1/√fan_in, 1/√fan_in).
        using var linear = new nn.Linear(400, 250, generator: torch.Generator(7));
        var (_, _, maxLinear) = Stats(linear.weight);
        Assert.InRange(maxLinear, 0.999 / Math.Sqrt(400), (1 + 1e-6) / Math.Sqrt(400));
    }

    [Fact]
    public void KaimingAndXavierNormalStandardDeviations()
    {
        using var scope = torch.NewDisposeScope();
        var (_, std, _) = Stats(nn.init.kaiming_normal_(torch.empty([100, 1000]), generator: torch.Generator(8)));
        Assert.InRange(std, Math.Sqrt(2.0 / 1000) * 0.99, Math.Sqrt(2.0 / 1000) * 1.01);

        // Conv weights: fan = channels × receptive field.
        (_, std, _) = Stats(nn.init.kaiming_normal_(torch.empty([40, 50, 5, 10]), mode: "fan_out", nonlinearity: "relu", generator: torch.Generator(9)));
        Assert.InRange(std, Math.Sqrt(2.0 / (40 * 50)) * 0.99, Math.Sqrt(2.0 / (40 * 50)) * 1.01);

        (_, std, _) = Stats(nn.init.xavier_normal_(torch.empty([200, 500]), 2, torch.Generator(10)));
        Assert.InRange(std, 2 * Math.Sqrt(2.0 / 700) * 0.99, 2 * Math.Sqrt(2.0 / 700) * 1.01);

        var (mean, stdU, max) = Stats(nn.init.xavier_uniform_(torch.empty([200, 500], ScalarType.Float64), 1, torch.Generator(11)));
        var a = Math.Sqrt(6.0 / 700);
        Assert.True(max <= a && max > 0.999 * a);
        Assert.InRange(mean, -0.01 * a, 0.01 * a);
        Assert.InRange(stdU, a / Math.Sqrt(3) * 0.99, a / Math.Sqrt(3) * 1.01);
    }

    [Fact]
    public void OrthogonalRowsAreOrthonormalTimesGain()
    {
        using var scope = torch.NewDisposeScope();
        var w = nn.init.orthogonal_(torch.empty([4, 3, 2], ScalarType.Float64), 2, torch.Generator(12)).data<double>();
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                var dot = 0.0;
                for (var k = 0; k < 6; k++)
                {
                    dot += w[(i * 6) + k] * w[(j * 6) + k];
                }

                Assert.Equal(i == j ? 4.0 : 0.0, dot, 1e-10);
            }
        }
    }

    [Fact]
    public void GainsFansAndErrors()
    {
        Assert.Equal(Math.Sqrt(2), nn.init.calculate_gain("relu"));
        Assert.Equal(5.0 / 3, nn.init.calculate_gain("tanh"));
        Assert.Equal(1.0, nn.init.calculate_gain("conv1d"));
        Assert.Equal(Math.Sqrt(2 / (1 + 0.04)), nn.init.calculate_gain("leaky_relu", 0.2), 15);
        Assert.Throws<ArgumentException>(() => nn.init.calculate_gain("swish"));

        using var scope = torch.NewDisposeScope();
        Assert.Equal((20L, 12L), nn.init.calculate_fan_in_and_fan_out(torch.empty([3, 5, 4])));
        Assert.Throws<ArgumentException>(() => nn.init.xavier_uniform_(torch.empty([5])));
        Assert.Throws<ArgumentException>(() => nn.init.kaiming_uniform_(torch.empty([5, 5]), mode: "fan_middle"));
        Assert.Throws<TorchException>(() => nn.init.orthogonal_(torch.empty([5])));
    }
}
