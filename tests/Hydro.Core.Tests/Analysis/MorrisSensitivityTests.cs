using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Analysis;
using Hydro.Torch;

namespace Hydro.Core.Tests.Analysis;

public class MorrisSensitivityTests
{
    private const int B = 3;
    private const int T = 5;
    private const int S = 2;

    /// <summary>A smooth nonlinear model of the statics [B, S] → [B, T, 1]: ŷ(b, t) = tanh(s₀·(t + 1)/3) + s₀·s₁² − 0.5·t·s₁.</summary>
    private static Tensor Model(Tensor s)
    {
        var steps = Enumerable.Range(0, T).Select(t =>
            (s.select(1, 0) * ((t + 1) / 3.0)).tanh() + (s.select(1, 0) * s.select(1, 1).square()) - (s.select(1, 1) * (0.5 * t)));
        return torch.stack(steps, 1).unsqueeze(2);
    }

    private static readonly double[] Statics = [0.3, -1.2, 1.5, 0.4, -0.7, 0.0];

    /// <summary>mean over t ≥ first of |∂ŷ(b, t)/∂s_i(b)| by central differences.</summary>
    private static double FiniteDifference(int b, int i, int first)
    {
        const double h = 1e-6;
        double[] At(double delta)
        {
            using var scope = torch.NewDisposeScope();
            var s = (double[])Statics.Clone();
            s[(b * S) + i] += delta;
            return Model(torch.tensor(s, [B, S])).select(2, 0).select(0, b).data<double>();
        }

        var plus = At(h);
        var minus = At(-h);
        return Enumerable.Range(first, T - first).Average(t => Math.Abs((plus[t] - minus[t]) / (2 * h)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void EqualsTheMeanAbsoluteFiniteDifferenceDerivative(int firstStep)
    {
        using var scope = torch.NewDisposeScope();
        var morris = new MorrisSensitivity(["area", "slope"]);
        morris.Add(Model, torch.tensor(Statics, [B, S]), ["a", "b", "c"], firstStep);
        var result = morris.Result();
        Assert.Equal(["a", "b", "c"], result.Basins);
        for (var b = 0; b < B; b++)
        {
            Assert.Equal(T - firstStep, result.Steps[b]);
            for (var i = 0; i < S; i++)
            {
                Assert.Equal(FiniteDifference(b, i, firstStep), result.Values[b, i], 1e-7);
            }
        }
    }

    [Fact]
    public void PoolsTheWindowsOfABasin()
    {
        using var scope = torch.NewDisposeScope();
        var morris = new MorrisSensitivity(["area", "slope"]);
        var statics = torch.tensor(Statics, [B, S]);
        morris.Add(Model, statics, ["a", "b", "a"]);
        morris.Add(Model, statics, ["c", "b", "a"], firstStep: 4);
        var result = morris.Result();
        Assert.Equal(["a", "b", "c"], result.Basins);
        Assert.Equal([T + T + 1, T + 1, 1], result.Steps);
        // Basin a: rows 0 and 2 over all steps, then row 2 at its last step only.
        var expected = ((FiniteDifference(0, 0, 0) * T) + (FiniteDifference(2, 0, 0) * T) + FiniteDifference(2, 0, 4)) / (2 * T + 1);
        Assert.Equal(expected, result.Values[0, 0], 1e-7);
    }

    [Fact]
    public void DifferentiatesABackboneWithoutTouchingItsParameters()
    {
        using var scope = torch.NewDisposeScope();
        using var backbone = new StaticScale(new ScaleOptions(), new ComponentContext { DynamicInputs = ["prcp"], StaticInputs = ["area", "slope"], Targets = ["q"] });
        var dynamic = torch.tensor(new double[] { 1, -2, 3, 0.5, 4, -1 }, [2, 3, 1]);
        using var batch = new Batch
        {
            Dynamic = dynamic,
            Static = torch.tensor(new double[] { 0.1, 0.2, 0.3, 0.4 }, [2, 2]),
            Basins = ["x", "y"],
            DynamicNames = ["prcp"],
        };
        var morris = new MorrisSensitivity(["area", "slope"]);
        morris.Add(backbone, batch);
        var result = morris.Result();

        // ŷ(b, t) = prcp(b, t) · (w · s(b)) → ∂ŷ/∂s_i = w_i · prcp(b, t); mean |·| over t.
        var w = backbone.Weight.data<double>();
        Assert.Equal(Math.Abs(w[0]) * (1 + 2 + 3) / 3.0, result.Values[0, 0], 1e-12);
        Assert.Equal(Math.Abs(w[1]) * (0.5 + 4 + 1) / 3.0, result.Values[1, 1], 1e-12);
        Assert.True(backbone.Weight.requires_grad);
        Assert.Null(backbone.Weight.grad);
    }

    [Fact]
    public void APredictionThatIgnoresTheStaticsIsAnError()
    {
        using var scope = torch.NewDisposeScope();
        var morris = new MorrisSensitivity(["area"]);
        var e = Assert.Throws<ArgumentException>(() => morris.Add(_ => torch.zeros([2, 3, 1]), torch.zeros([2, 1]), ["a", "b"]));
        Assert.Contains("does not depend on the static inputs", e.Message);
    }

    [Fact]
    public void RanksByTheMeanOfPerBasinNormalisedSensitivities()
    {
        // Basin 0 → (0, 1, 0.5); basin 1 → (1, 1, 0); means (0.5, 1, 0.25).
        var result = new StaticSensitivity(["b0", "b1"], ["area", "slope", "forest"], new double[,] { { 1, 3, 2 }, { 4, 4, 0 } }, [10, 10]);
        Assert.Equal(new double[,] { { 0, 1, 0.5 }, { 1, 1, 0 } }, result.Normalised());
        Assert.Equal(
            [new FeatureSensitivity(1, "slope", 1), new FeatureSensitivity(2, "area", 0.5), new FeatureSensitivity(3, "forest", 0.25)],
            result.Ranking());
        Assert.Equal(["slope", "area"], result.MostSensitive());
    }

    private sealed class ScaleOptions;

    /// <summary>ŷ = dynamic · (statics · w), float64, with w a parameter.</summary>
    private sealed class StaticScale : Backbone<ScaleOptions>
    {
        public StaticScale(ScaleOptions options, ComponentContext context)
            : base(options, context)
        {
            Weight = new nn.Parameter(torch.tensor(new double[] { 0.7, -1.3 }));
            register_parameter("weight", Weight);
        }

        public nn.Parameter Weight { get; }

        protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters) =>
            new(batch.Dynamic * batch.Static!.matmul(Weight).unsqueeze(1).unsqueeze(2));
    }
}
