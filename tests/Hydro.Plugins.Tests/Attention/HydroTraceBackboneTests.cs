using Hydro.Plugins.Attention.HydroTrace;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Attention.HydroTraceFixtures;

namespace Hydro.Plugins.Tests.Attention;

public class HydroTraceBackboneTests
{
    [Fact]
    public void ReturnsThePredictionAndBothAttentionMapsAtEveryStep()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(targets: 2);
        using var batch = MakeBatch(basins: 2, steps: 6, channels: 3, h: 6, w: 5);
        using var outputs = model.Forward(batch, null);
        Assert.Equal([2L, 6, 2], outputs.Prediction.shape);
        Assert.Equal(["feature_attention", "spatial_attention"], outputs.Extras.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([2L, 6, 6, 5], outputs.Extras["spatial_attention"].Value.shape);
        Assert.Equal([2L, 6, 3], outputs.Extras["feature_attention"].Value.shape);
        Assert.All(outputs.Extras.Values, o => Assert.Equal("1", o.Unit));
    }

    [Fact]
    public void SpatialAttentionIsInZeroOneInsideTheMaskAndZeroOutsideAndBeforeTheLag()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch();
        var a = model.Forward(batch, null).Extras["spatial_attention"].Value;
        var inside = batch.GriddedMask!.unsqueeze(1).expand(2, 6, 6, 5);
        var first = a.narrow(1, 0, 1);
        Assert.Equal(0, first.abs().max().item<float>());
        var scored = a.narrow(1, 1, 5);
        var mask = inside.narrow(1, 1, 5);
        Assert.Equal(0, scored.masked_select(mask.logical_not()).abs().max().item<float>());
        var values = scored.masked_select(mask).data<float>();
        Assert.All(values, v => Assert.InRange(v, float.Epsilon, 1f));
        Assert.True(values.Max() - values.Min() > 1e-3, "a learnt map differs between cells");
    }

    [Fact]
    public void FeatureWeightsAreInZeroOneAndSumToOneAtEveryScoredStep()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(channels: 4);
        using var batch = MakeBatch(channels: 4);
        var alpha = model.Forward(batch, null).Extras["feature_attention"].Value;
        Assert.Equal(0, alpha.narrow(1, 0, 1).abs().max().item<float>());
        var scored = alpha.narrow(1, 1, 5);
        Assert.All(scored.data<float>(), v => Assert.InRange(v, 0f, 1f));
        Assert.All(scored.sum(-1).data<float>(), s => Assert.Equal(1f, s, 1e-6f));
        Assert.True((scored.amax([2L]) - scored.amin([2L])).min().item<float>() > 0, "learnt weights rank the channels");
    }

    [Fact]
    public void WithoutSpatialAttentionEveryCellOfTheBasinWeighsTheSame()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(new HydroTraceOptions { SpatialAttention = false });
        using var batch = MakeBatch();
        var a = model.Forward(batch, null).Extras["spatial_attention"].Value.narrow(1, 1, 5);
        var expected = batch.GriddedMask!.unsqueeze(1).expand(2, 5, 6, 5).to(ScalarType.Float32);
        Assert.Equal(expected.data<float>(), a.data<float>());
        Assert.DoesNotContain(model.state_dict().Keys, k => k.StartsWith("spatial.", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutFeatureAttentionEveryChannelWeighsOneOverC()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(new HydroTraceOptions { FeatureAttention = false }, channels: 4);
        using var batch = MakeBatch(channels: 4);
        var alpha = model.Forward(batch, null).Extras["feature_attention"].Value.narrow(1, 1, 5);
        Assert.All(alpha.data<float>(), v => Assert.Equal(0.25f, v));
        Assert.DoesNotContain(model.state_dict().Keys, k => k.StartsWith("feature.", StringComparison.Ordinal));
    }

    [Fact]
    public void InputsOutsideTheMaskDoNotChangeThePrediction()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        model.eval();
        using var batch = MakeBatch();
        var outside = batch.GriddedMask!.logical_not().unsqueeze(1).unsqueeze(1).to(ScalarType.Float32);
        var noise = torch.randn(batch.Gridded!.shape, torch.Generator(9)) * 10 * outside;
        using var other = Batch(batch.Gridded + noise, batch.GriddedMask.clone());
        Assert.True(noise.abs().sum().item<float>() > 0);
        var a = model.Forward(batch, null);
        var b = model.Forward(other, null);
        Assert.Equal(a.Prediction.data<float>(), b.Prediction.data<float>());
        Assert.Equal(a.Extras["spatial_attention"].Value.data<float>(), b.Extras["spatial_attention"].Value.data<float>());
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(2, 2)]
    public void ThePredictionAtTDoesNotSeeInputsAfterTMinusTheLag(int lag, int changedFrom)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(new HydroTraceOptions { InputLag = lag });
        model.eval();
        using var batch = MakeBatch(steps: 7);
        var later = torch.zeros([2, 7, 1, 1, 1]);
        later.narrow(1, changedFrom, 7 - changedFrom).fill_(1);
        using var other = Batch(batch.Gridded! + (later * batch.GriddedMask!.unsqueeze(1).unsqueeze(1).to(ScalarType.Float32) * 3), batch.GriddedMask.clone());
        var a = model.Forward(batch, null).Prediction;
        var b = model.Forward(other, null).Prediction;

        // Steps t with t − lag < changedFrom read only unchanged inputs; the first step reading a changed one moves.
        var same = changedFrom + lag;
        Assert.Equal(a.narrow(1, 0, same).data<float>(), b.narrow(1, 0, same).data<float>());
        Assert.True(MaxAbsDiff(a.narrow(1, same, 1), b.narrow(1, same, 1)) > 1e-6);
        Assert.Equal(0, a.narrow(1, 0, lag).abs().sum().item<float>());
    }

    [Fact]
    public void TheAttentionMethodGivesTheMapsOfTheForwardPassWithoutGradients()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        model.eval();
        using var batch = MakeBatch();
        using var maps = model.Attention(batch);
        var outputs = model.Forward(batch, null);
        Assert.Equal(outputs.Extras["spatial_attention"].Value.data<float>(), maps.Spatial.data<float>());
        Assert.Equal(outputs.Extras["feature_attention"].Value.data<float>(), maps.Feature.data<float>());
        Assert.False(maps.Spatial.requires_grad);
        Assert.True(outputs.Extras["spatial_attention"].Value.requires_grad);
    }

    [Fact]
    public void InitialisationFollowsTheContextsGeneratorAndSetsTheForgetBias()
    {
        using var scope = torch.NewDisposeScope();
        using var a = Model(new HydroTraceOptions { InitialForgetBias = 2.5 }, seed: 7);
        using var b = Model(new HydroTraceOptions { InitialForgetBias = 2.5 }, seed: 7);
        using var c = Model(new HydroTraceOptions { InitialForgetBias = 2.5 }, seed: 8);
        foreach (var (name, value) in a.state_dict())
        {
            Assert.Equal(value.data<float>(), b.state_dict()[name].data<float>());
        }

        Assert.NotEqual(a.state_dict()["convlstm.hidden_conv.weight"].data<float>(), c.state_dict()["convlstm.hidden_conv.weight"].data<float>());
        var bias = a.state_dict()["convlstm.input_conv.bias"].view(3, 4, 4);
        Assert.All(bias.select(1, 1).data<float>(), v => Assert.Equal(2.5f, v));
        Assert.All(bias.select(1, 0).data<float>(), v => Assert.InRange(v, -1f, 1f));
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
    public void DropoutActsInTrainingOnly()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(new HydroTraceOptions { Dropout = 0.5 });
        using var batch = MakeBatch();
        Assert.NotEqual(model.Forward(batch, null).Prediction.data<float>(), model.Forward(batch, null).Prediction.data<float>());
        model.eval();
        Assert.Equal(model.Forward(batch, null).Prediction.data<float>(), model.Forward(batch, null).Prediction.data<float>());
    }

    [Fact]
    public void ABasinWithoutCellsPredictsFromTheHeadAloneInsteadOfNaN()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch();
        using var empty = Batch(torch.zeros(batch.Gridded!.shape), torch.zeros([2, 6, 5]).to(ScalarType.Bool));
        Assert.All(model.Forward(empty, null).Prediction.data<float>(), v => Assert.True(float.IsFinite(v)));
    }
}
