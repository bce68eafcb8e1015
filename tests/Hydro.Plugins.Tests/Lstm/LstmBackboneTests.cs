using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Lstm.Lstm;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Lstm;

public class LstmBackboneTests
{
    private const int Hidden = 8;

    private static ComponentContext Context(ulong seed = 1, int statics = 2) => new()
    {
        DynamicInputs = ["prcp", "tmean", "pet"],
        StaticInputs = [.. new[] { "area", "elev_mean" }.Take(statics)],
        Targets = ["streamflow"],
        Generator = torch.Generator(seed),
    };

    private static LstmBackbone Model(ComponentContext? context = null, double dropout = 0.4, double forgetBias = 3.0) =>
        new(new LstmOptions { HiddenSize = Hidden, Dropout = dropout, InitialForgetBias = forgetBias }, context ?? Context());

    private static Batch MakeBatch(long basins = 4, long steps = 6, long features = 3, long statics = 2, ulong seed = 5)
    {
        var g = torch.Generator(seed);
        return new()
        {
            Dynamic = torch.randn([basins, steps, features], g),
            Static = statics > 0 ? torch.randn([basins, statics], g) : null,
            Basins = [.. Enumerable.Range(0, (int)basins).Select(i => $"b{i}")],
            DynamicNames = ["prcp", "tmean", "pet"],
        };
    }

    [Fact]
    public void PredictsEveryStepOfEveryTarget()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch();
        Assert.Equal([4L, 6, 1], model.Forward(batch, null).Prediction.shape);
    }

    [Fact]
    public void WorksWithoutStaticAttributes()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(Context(statics: 0));
        using var batch = MakeBatch(statics: 0);
        Assert.Equal([4L, 6, 1], model.Forward(batch, null).Prediction.shape);
        Assert.Equal([4L * Hidden, 3], model.state_dict()["lstm.weight_ih_l0"].shape);
    }

    [Fact]
    public void EqualsAnLstmAndLinearFedTheStaticsAtEveryStep()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        model.eval();
        using var lstm = new nn.LSTM(5, Hidden, batch_first: true);
        using var head = new nn.Linear(Hidden, 1);
        var state = model.state_dict();
        lstm.load_state_dict(state.Where(e => e.Key.StartsWith("lstm.", StringComparison.Ordinal)).ToDictionary(e => e.Key["lstm.".Length..], e => e.Value));
        head.load_state_dict(state.Where(e => e.Key.StartsWith("head.", StringComparison.Ordinal)).ToDictionary(e => e.Key["head.".Length..], e => e.Value));
        Assert.Equal(["lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0", "lstm.bias_hh_l0", "head.weight", "head.bias"], state.Keys);

        using var batch = MakeBatch();
        var repeated = batch.Static!.unsqueeze(1).expand(4, 6, 2);
        var expected = head.forward(lstm.forward(torch.cat([batch.Dynamic, repeated], 2)).output);
        var actual = model.Forward(batch, null).Prediction;
        Assert.Equal(expected.data<float>(), actual.data<float>());
    }

    [Fact]
    public void StaticAttributesChangeThePrediction()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        model.eval();
        using var batch = MakeBatch();
        using var other = new Batch { Dynamic = batch.Dynamic.clone(), Static = batch.Static! + 1, Basins = batch.Basins, DynamicNames = batch.DynamicNames };
        Assert.NotEqual(model.Forward(batch, null).Prediction.data<float>(), model.Forward(other, null).Prediction.data<float>());
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(-0.5)]
    public void SetsTheForgetGateBiasOfTheFirstLayer(double bias)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(forgetBias: bias);
        var hh = model.state_dict()["lstm.bias_hh_l0"].data<float>();
        var bound = 1 / Math.Sqrt(Hidden);
        for (var i = 0; i < 4 * Hidden; i++)
        {
            if (i is >= Hidden and < 2 * Hidden)
            {
                Assert.Equal((float)bias, hh[i]);
            }
            else
            {
                Assert.InRange(hh[i], -bound, bound);
            }
        }

        // Only bias_hh_l0 is touched: bias_ih_l0 keeps PyTorch's initialisation.
        Assert.All(model.state_dict()["lstm.bias_ih_l0"].data<float>(), b => Assert.InRange(b, -bound, bound));
    }

    [Fact]
    public void InitialisationFollowsTheContextsGenerator()
    {
        using var scope = torch.NewDisposeScope();
        using var a = Model(Context(seed: 7));
        using var b = Model(Context(seed: 7));
        using var c = Model(Context(seed: 8));
        var wa = a.state_dict()["lstm.weight_ih_l0"].data<float>();
        Assert.Equal(wa, b.state_dict()["lstm.weight_ih_l0"].data<float>());
        Assert.NotEqual(wa, c.state_dict()["lstm.weight_ih_l0"].data<float>());
        Assert.Equal(a.state_dict()["head.weight"].data<float>(), b.state_dict()["head.weight"].data<float>());
    }

    [Fact]
    public void DropoutActsInTrainingOnly()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(dropout: 0.5);
        using var batch = MakeBatch();
        var train1 = model.Forward(batch, null).Prediction.data<float>();
        var train2 = model.Forward(batch, null).Prediction.data<float>();
        Assert.NotEqual(train1, train2);

        model.eval();
        var eval1 = model.Forward(batch, null).Prediction.data<float>();
        var eval2 = model.Forward(batch, null).Prediction.data<float>();
        Assert.Equal(eval1, eval2);
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
    public void RejectsABatchOfTheWrongInputWidth()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch(features: 4);
        var e = Assert.Throws<ArgumentException>(() => model.Forward(batch, null));
        Assert.Equal("batch.Dynamic has shape [4, 6, 4], expected [4, 6, 3]", e.Message);
    }

    [Fact]
    public void RejectsABatchWithoutTheStaticsItWasBuiltFor()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch(statics: 0);
        var e = Assert.Throws<ArgumentException>(() => model.Forward(batch, null));
        Assert.Contains("2 static inputs (area, elev_mean)", e.Message);
    }

    [Fact]
    public void RejectsBadOptionsAndContexts()
    {
        Assert.Contains("hidden_size", Assert.Throws<ArgumentException>(() => new LstmBackbone(new LstmOptions { HiddenSize = 0 }, Context())).Message);
        Assert.Contains("dropout", Assert.Throws<ArgumentException>(() => new LstmBackbone(new LstmOptions { Dropout = 1 }, Context())).Message);
        Assert.Contains("num_layers", Assert.Throws<ArgumentException>(() => new LstmBackbone(new LstmOptions { NumLayers = 9 }, Context())).Message);
        Assert.Contains("targets", Assert.Throws<ArgumentException>(() => new LstmBackbone(new LstmOptions(), Context() with { Targets = [] })).Message);
    }

    [Fact]
    public void StacksLayers()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new LstmBackbone(new LstmOptions { HiddenSize = Hidden, NumLayers = 2 }, Context());
        using var batch = MakeBatch();
        Assert.Equal([4L, 6, 1], model.Forward(batch, null).Prediction.shape);
        Assert.Contains("lstm.weight_hh_l1", model.state_dict().Keys);
    }
}
