using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Lstm.EaLstm;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.EaLstm;

public class EaLstmBackboneTests
{
    private const int Hidden = 5;
    private const int Basins = 3;
    private const int Steps = 7;

    internal static ComponentContext Context(ulong seed = 1, int statics = 2) => new()
    {
        DynamicInputs = ["prcp", "tmean", "pet"],
        StaticInputs = [.. new[] { "area", "elev_mean" }.Take(statics)],
        Targets = ["streamflow"],
        Generator = torch.Generator(seed),
    };

    internal static EaLstmBackbone Model(ComponentContext? context = null, double dropout = 0.4, double forgetBias = 3.0) =>
        new(new EaLstmOptions { HiddenSize = Hidden, Dropout = dropout, InitialForgetBias = forgetBias }, context ?? Context());

    internal static Batch MakeBatch(ScalarType dtype = ScalarType.Float32, long features = 3, long statics = 2, ulong seed = 5)
    {
        var g = torch.Generator(seed);
        return new()
        {
            Dynamic = torch.randn([Basins, Steps, features], g).to(dtype),
            Static = statics > 0 ? torch.randn([Basins, statics], g).to(dtype) : null,
            Basins = [.. Enumerable.Range(0, Basins).Select(i => $"b{i}")],
            DynamicNames = ["prcp", "tmean", "pet"],
        };
    }

    /// <summary>The EA-LSTM equations (Kratzert et al. 2019, eq. 7–12) in plain double loops over the model's weights.</summary>
    private static (double[,,] H, double[,,] C, double[,,] Y, double[,] I) HandUnrolled(EaLstmBackbone model, Batch batch)
    {
        var state = model.state_dict();
        float[] W(string key) => state[key].to(ScalarType.Float32).data<float>();
        var ws = W("input_gate.weight"); // [H, S]
        var bs = W("input_gate.bias");
        var wih = W("dynamic_gates.weight_ih"); // [F, 3H], blocks f, o, g
        var whh = W("dynamic_gates.weight_hh"); // [H, 3H]
        var b = W("dynamic_gates.bias");
        var wy = W("head.weight"); // [1, H]
        var by = W("head.bias");
        var x = batch.Dynamic.to(ScalarType.Float32).data<float>();
        var s = batch.Static!.to(ScalarType.Float32).data<float>();
        const int F = 3, S = 2, G = 3 * Hidden;
        static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

        var hs = new double[Basins, Steps, Hidden];
        var cs = new double[Basins, Steps, Hidden];
        var ys = new double[Basins, Steps, 1];
        var gate = new double[Basins, Hidden];
        for (var n = 0; n < Basins; n++)
        {
            for (var j = 0; j < Hidden; j++)
            {
                var z = (double)bs[j];
                for (var k = 0; k < S; k++)
                {
                    z += ws[(j * S) + k] * s[(n * S) + k];
                }

                gate[n, j] = Sigmoid(z);
            }

            var h = new double[Hidden];
            var c = new double[Hidden];
            for (var t = 0; t < Steps; t++)
            {
                var pre = new double[G];
                for (var q = 0; q < G; q++)
                {
                    pre[q] = b[q];
                    for (var k = 0; k < F; k++)
                    {
                        pre[q] += x[(((n * Steps) + t) * F) + k] * wih[(k * G) + q];
                    }

                    for (var k = 0; k < Hidden; k++)
                    {
                        pre[q] += h[k] * whh[(k * G) + q];
                    }
                }

                for (var j = 0; j < Hidden; j++)
                {
                    var f = Sigmoid(pre[j]);
                    var o = Sigmoid(pre[Hidden + j]);
                    var g = Math.Tanh(pre[(2 * Hidden) + j]);
                    c[j] = (f * c[j]) + (gate[n, j] * g);
                    h[j] = o * Math.Tanh(c[j]);
                    hs[n, t, j] = h[j];
                    cs[n, t, j] = c[j];
                }

                var y = (double)by[0];
                for (var j = 0; j < Hidden; j++)
                {
                    y += wy[j] * h[j];
                }

                ys[n, t, 0] = y;
            }
        }

        return (hs, cs, ys, gate);
    }

    private static void AssertClose(double[,,] expected, Tensor actual, double tolerance)
    {
        var values = actual.to(ScalarType.Float64).data<double>();
        var flat = expected.Cast<double>().ToArray();
        Assert.Equal(flat.Length, values.Length);
        for (var i = 0; i < flat.Length; i++)
        {
            Assert.True(Math.Abs(flat[i] - values[i]) <= tolerance, $"element {i}: expected {flat[i]}, got {values[i]}");
        }
    }

    [Fact]
    public void EqualsAHandUnrolledCellWithTheSameWeights()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        model.eval();
        using var batch = MakeBatch();
        var (h, c, y, _) = HandUnrolled(model, batch);
        AssertClose(y, model.Forward(batch, null).Prediction, 1e-5);
        using var states = model.ForwardStates(batch, null);
        AssertClose(h, states.Hidden, 1e-5);
        AssertClose(c, states.Cell, 1e-5);
        AssertClose(y, states.Prediction, 1e-5);
    }

    [Fact]
    public void TheEmbeddingIsTheInputGate()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch();
        var (_, _, _, gate) = HandUnrolled(model, batch);
        var embedding = model.Embedding(batch);
        Assert.Equal([(long)Basins, Hidden], embedding.shape);
        var values = embedding.data<float>();
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(gate[i / Hidden, i % Hidden], values[i], 1e-6);
            Assert.InRange(values[i], 0f, 1f);
        }

        // The gate sees the statics only: other forcings leave it unchanged.
        using var other = new Batch { Dynamic = batch.Dynamic * 3, Static = batch.Static, Basins = batch.Basins, DynamicNames = batch.DynamicNames };
        Assert.Equal(values, model.Embedding(other).data<float>());
    }

    [Fact]
    public void GradientsMatchFiniteDifferencesInFloat64()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(dropout: 0);
        model.to(ScalarType.Float64);
        using var batch = MakeBatch(ScalarType.Float64);
        double Loss() => model.Forward(batch, null).Prediction.square().sum().item<double>();

        model.Forward(batch, null).Prediction.square().sum().backward();
        const double step = 1e-6;
        foreach (var (name, parameter) in model.named_parameters())
        {
            var analytic = parameter.grad!.data<double>();
            var count = parameter.numel();
            foreach (var i in new[] { 0L, count / 2, count - 1 }.Distinct())
            {
                using var noGrad = torch.no_grad();
                var element = parameter.reshape(-1).narrow(0, i, 1);
                element.add_(step);
                var plus = Loss();
                element.add_(-2 * step);
                var minus = Loss();
                element.add_(step);
                var numeric = (plus - minus) / (2 * step);
                Assert.True(Math.Abs(analytic[i] - numeric) <= 1e-6 + (1e-5 * Math.Abs(numeric)), $"{name}[{i}]: autograd {analytic[i]}, finite difference {numeric}");
            }
        }
    }

    [Fact]
    public void InputGradientsMatchFiniteDifferencesInFloat64()
    {
        using var model = Model(dropout: 0);
        model.to(ScalarType.Float64);
        using var template = MakeBatch(ScalarType.Float64);
        var dynamic = template.Dynamic.contiguous().data<double>();
        var statics = template.Static!.contiguous().data<double>();
        Support.FiniteDifference.Check(
            s => model.Forward(new Batch { Dynamic = template.Dynamic, Static = s, Basins = template.Basins, DynamicNames = template.DynamicNames }, null).Prediction.tanh().sum(),
            statics,
            [Basins, 2]);
        Support.FiniteDifference.Check(
            d => model.Forward(new Batch { Dynamic = d, Static = template.Static, Basins = template.Basins, DynamicNames = template.DynamicNames }, null).Prediction.tanh().sum(),
            dynamic,
            [Basins, Steps, 3]);
    }

    [Fact]
    public void InitialisesLikeThePaper()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(forgetBias: 2.5);
        var state = model.state_dict();
        Assert.Equal(["input_gate.weight", "input_gate.bias", "dynamic_gates.weight_ih", "dynamic_gates.weight_hh", "dynamic_gates.bias", "head.weight", "head.bias"], state.Keys);
        Assert.Equal([3L, 3 * Hidden], state["dynamic_gates.weight_ih"].shape);
        var bias = state["dynamic_gates.bias"].data<float>();
        Assert.All(bias.Take(Hidden), v => Assert.Equal(2.5f, v));
        Assert.All(bias.Skip(Hidden), v => Assert.Equal(0f, v));
        var hh = state["dynamic_gates.weight_hh"].data<float>();
        for (var r = 0; r < Hidden; r++)
        {
            for (var q = 0; q < 3 * Hidden; q++)
            {
                Assert.Equal(q % Hidden == r ? 1f : 0f, hh[(r * 3 * Hidden) + q]);
            }
        }

        // Orthogonal W_ih [F, 3H] with F < 3H: orthonormal rows, W Wᵀ = I.
        var wih = state["dynamic_gates.weight_ih"].to(ScalarType.Float64);
        var gram = wih.matmul(wih.t()).data<double>();
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(i % 4 == 0 ? 1.0 : 0.0, gram[i], 5);
        }

        Assert.All(state["input_gate.bias"].data<float>(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void InitialisationFollowsTheContextsGenerator()
    {
        using var scope = torch.NewDisposeScope();
        using var a = Model(Context(seed: 7));
        using var b = Model(Context(seed: 7));
        using var c = Model(Context(seed: 8));
        foreach (var key in new[] { "input_gate.weight", "dynamic_gates.weight_ih", "head.weight" })
        {
            Assert.Equal(a.state_dict()[key].data<float>(), b.state_dict()[key].data<float>());
            Assert.NotEqual(a.state_dict()[key].data<float>(), c.state_dict()[key].data<float>());
        }
    }

    [Fact]
    public void DropoutActsInTrainingOnly()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(dropout: 0.5);
        using var batch = MakeBatch();
        Assert.NotEqual(model.Forward(batch, null).Prediction.data<float>(), model.Forward(batch, null).Prediction.data<float>());
        model.eval();
        Assert.Equal(model.Forward(batch, null).Prediction.data<float>(), model.Forward(batch, null).Prediction.data<float>());
    }

    [Fact]
    public void EveryParameterGetsAGradient()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch();
        model.Forward(batch, null).Prediction.square().sum().backward();
        Assert.All(model.named_parameters(), p => Assert.True(p.parameter.grad is { } g && g.abs().sum().item<double>() > 0, p.name));
    }

    [Fact]
    public void StaticInputsAreRequired()
    {
        var e = Assert.Throws<ArgumentException>(() => Model(Context(statics: 0)));
        Assert.Contains("inputs.static", e.Message);
        Assert.Contains("'lstm'", e.Message);
    }

    [Fact]
    public void RejectsABatchWithoutStatics()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch(statics: 0);
        Assert.Contains("2 static inputs (area, elev_mean)", Assert.Throws<ArgumentException>(() => model.Forward(batch, null)).Message);
        Assert.Throws<ArgumentException>(() => model.Embedding(batch));
    }

    [Fact]
    public void RejectsABatchOfTheWrongWidth()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch(features: 4);
        Assert.Equal("batch.Dynamic has shape [3, 7, 4], expected [3, 7, 3]", Assert.Throws<ArgumentException>(() => model.ForwardStates(batch, null)).Message);
    }

    [Fact]
    public void RejectsBadOptions()
    {
        Assert.Contains("hidden_size", Assert.Throws<ArgumentException>(() => new EaLstmBackbone(new EaLstmOptions { HiddenSize = 0 }, Context())).Message);
        Assert.Contains("dropout", Assert.Throws<ArgumentException>(() => new EaLstmBackbone(new EaLstmOptions { Dropout = 1 }, Context())).Message);
        Assert.Contains("initial_forget_bias", Assert.Throws<ArgumentException>(() => new EaLstmBackbone(new EaLstmOptions { InitialForgetBias = double.NaN }, Context())).Message);
        Assert.Contains("targets", Assert.Throws<ArgumentException>(() => new EaLstmBackbone(new EaLstmOptions(), Context() with { Targets = [] })).Message);
    }

    [Fact]
    public void StateDictRoundTripsIntoAFreshModel()
    {
        using var scope = torch.NewDisposeScope();
        using var a = Model(Context(seed: 3));
        using var b = Model(Context(seed: 4));
        a.eval();
        b.eval();
        b.load_state_dict(a.state_dict());
        using var batch = MakeBatch();
        Assert.Equal(a.Forward(batch, null).Prediction.data<float>(), b.Forward(batch, null).Prediction.data<float>());
    }
}
