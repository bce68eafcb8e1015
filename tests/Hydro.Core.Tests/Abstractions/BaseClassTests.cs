using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Core.Tests.Abstractions;

public class BaseClassTests
{
    private sealed class ScaleOptions
    {
        public double Factor { get; init; } = 2;
    }

    /// <summary>A minimal backbone: prediction = factor × first dynamic input, one target.</summary>
    private sealed class ScaleBackbone(ScaleOptions options, ComponentContext context) : Backbone<ScaleOptions>(options, context)
    {
        protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters) =>
            new(batch.Dynamic.narrow(2, 0, 1) * Options.Factor);
    }

    private sealed class BrokenBackbone(ScaleOptions options, ComponentContext context) : Backbone<ScaleOptions>(options, context)
    {
        protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters) => new(batch.Dynamic * 1.0);
    }

    private sealed class MaeLoss() : Loss<ScaleOptions>(new ScaleOptions())
    {
        protected override Tensor ComputeCore(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) =>
            (prediction - observation).abs().masked_select(mask).mean();
    }

    private static readonly ComponentContext Context = new() { DynamicInputs = ["prcp", "tmax"], Targets = ["q"] };

    private static Batch MakeBatch(long features) => new()
    {
        Dynamic = torch.ones([3, 5, features]),
        Basins = ["a", "b", "c"],
        DynamicNames = ["prcp", "tmax"],
    };

    [Fact]
    public void BackboneRunsWhenShapesAgree()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ScaleBackbone(new ScaleOptions { Factor = 3 }, Context);
        var output = model.Forward(MakeBatch(2), null);
        Assert.Equal([3L, 5, 1], output.Prediction.shape);
        Assert.Equal(3.0, output.Prediction.sum().item<double>() / 15, 6);
        Assert.Same(model, ((IBackbone)model).Network);
    }

    [Fact]
    public void BackboneRejectsWrongInputWidthNamingTheTensor()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ScaleBackbone(new ScaleOptions(), Context);
        var e = Assert.Throws<ArgumentException>(() => model.Forward(MakeBatch(4), null));
        Assert.Equal("batch.Dynamic has shape [3, 5, 4], expected [3, 5, 2]", e.Message);
    }

    [Fact]
    public void BackboneRejectsAPredictionOfTheWrongShape()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new BrokenBackbone(new ScaleOptions(), Context);
        var e = Assert.Throws<ArgumentException>(() => model.Forward(MakeBatch(2), null));
        Assert.Contains("BrokenBackbone prediction has shape [3, 5, 2], expected [3, 5, 1]", e.Message);
    }

    [Fact]
    public void LossChecksMaskTypeAndShapeThenComputes()
    {
        using var scope = torch.NewDisposeScope();
        var loss = new MaeLoss();
        var p = torch.tensor(new float[] { 1, 2, 3, 4 }, [1, 4, 1]);
        var o = torch.tensor(new float[] { 1, 0, 0, 0 }, [1, 4, 1]);
        var mask = torch.tensor(new[] { true, true, false, false }, [1, 4, 1]);
        Assert.Equal(1.0, loss.Compute(p, o, mask, null).item<double>(), 6);
        Assert.Throws<ArgumentException>(() => loss.Compute(p, o, mask.to(ScalarType.Float32), null));
        Assert.Throws<ArgumentException>(() => loss.Compute(p, o.narrow(1, 0, 2), mask, null));
    }
}
