using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Lstm.Fhnn;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Fhnn.FhnnFixtures;

namespace Hydro.Plugins.Tests.Fhnn;

public class FhnnBackboneTests
{
    private const long Observed = 2;
    private const long Flag = 3;

    [Fact]
    public void PredictsZerosOverTheHistoryAndAForecastOverTheHorizon()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch();
        var prediction = model.Forward(batch, null).Prediction;
        Assert.Equal([(long)Basins, History + Horizon, 1], prediction.shape);
        Assert.All(prediction.narrow(1, 0, History).data<float>(), v => Assert.Equal(0f, v));
        Assert.All(prediction.narrow(1, History, Horizon).data<float>(), v => Assert.NotEqual(0f, v));
    }

    [Fact]
    public void InfersOneLatentStatePerScale()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch();
        var z = model.Latents(batch);
        Assert.Equal(3, z.Count);
        Assert.All(z, t => Assert.Equal([(long)Basins, 2], t.shape));
        Assert.NotEqual(z[0].data<float>(), z[2].data<float>());
    }

    [Fact]
    public void NamesItsModulesByScaleAndSizesEachLevelForTheCoarserSummaries()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        var state = model.state_dict();

        // 4 channels + 2 statics; each finer level also reads the 2·3-wide summary of every coarser level.
        Assert.Equal([12L, 6], state["scale7.forward.weight_ih_l0"].shape);
        Assert.Equal([12L, 12], state["scale3.backward.weight_ih_l0"].shape);
        Assert.Equal([12L, 18], state["scale1.forward.weight_ih_l0"].shape);
        Assert.Equal([3L, 18], state["latent_mlp.0.weight"].shape);
        Assert.Equal([6L, 3], state["latent_mlp.2.weight"].shape);
        Assert.Equal([4L, 6], state["initial_h.weight"].shape);
        Assert.Equal([4L, 6], state["initial_c.weight"].shape);

        // The forward model reads the 2 forcings (not the observed channels), the 2 statics and z (3 × 2).
        Assert.Equal([16L, 10], state["forecaster.weight_ih_l0"].shape);
        Assert.Equal([1L, 4], state["head.weight"].shape);
    }

    [Fact]
    public void TheDefaultScalesWorkOnAHistoryOfTheLongestScale()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(options: Options(scales: [1, 7, 30]));
        using var batch = MakeBatch(history: 30);
        Assert.Equal([(long)Basins, 33, 1], model.Forward(batch, null).Prediction.shape);
    }

    [Fact]
    public void ObservationsUpToTheIssueTimeUpdateTheForecast()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        model.eval();
        using var batch = MakeBatch();
        var forecast = model.Forward(batch, null).Prediction.narrow(1, History, Horizon).data<float>();
        var latents = model.Latents(batch)[0].data<float>();

        // A new observation at the issue time (step L − 1) re-infers z and so changes every lead time.
        using var assimilated = With(batch, Changed(batch.Dynamic, Observed, History - 1, History, 2.5));
        var updated = model.Forward(assimilated, null).Prediction.narrow(1, History, Horizon);
        Assert.NotEqual(latents, model.Latents(assimilated)[0].data<float>());
        var after = updated.data<float>();
        for (var i = 0; i < after.Length; i++)
        {
            Assert.NotEqual(forecast[i], after[i]);
        }
    }

    [Fact]
    public void IgnoresEverythingAfterTheIssueTimeButTheForcings()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        model.eval();
        using var batch = MakeBatch();
        var prediction = model.Forward(batch, null).Prediction.data<float>();
        var latents = model.Latents(batch).Select(z => z.data<float>()).ToArray();

        // Observed channels over the horizon (a pipeline bug would put observations there), and targets.
        var leaked = Changed(Changed(batch.Dynamic, Observed, History, History + Horizon, 9), Flag, History, History + Horizon, 1);
        using var leaky = With(batch, leaked, target: torch.randn([Basins, History + Horizon, 1], torch.Generator(8)));
        Assert.Equal(prediction, model.Forward(leaky, null).Prediction.data<float>());

        // Future forcings drive the forecast but not the latent states.
        using var wetter = With(batch, Changed(batch.Dynamic, 0, History, History + Horizon, 3));
        Assert.NotEqual(prediction, model.Forward(wetter, null).Prediction.data<float>());
        var relatent = model.Latents(wetter);
        for (var k = 0; k < latents.Length; k++)
        {
            Assert.Equal(latents[k], relatent[k].data<float>());
        }
    }

    [Fact]
    public void StepsBeforeEveryLevelsFirstBlockAreNotRead()
    {
        using var scope = torch.NewDisposeScope();

        // Scales 2 and 4 over L = 9: both levels drop step 0; step 8, the issue time, ends both levels' last blocks.
        using var model = Model(options: Options(scales: [2, 4]));
        model.eval();
        using var batch = MakeBatch(history: 9);
        var prediction = model.Forward(batch, null).Prediction.data<float>();
        using var oldest = With(batch, Changed(Changed(batch.Dynamic, 0, 0, 1, 5), Observed, 0, 1, 5));
        Assert.Equal(prediction, model.Forward(oldest, null).Prediction.data<float>());
        using var newest = With(batch, Changed(batch.Dynamic, 0, 8, 9, 5));
        Assert.NotEqual(prediction, model.Forward(newest, null).Prediction.data<float>());
    }

    [Fact]
    public void StaticAttributesChangeTheForecastAndAreOptional()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        model.eval();
        using var batch = MakeBatch();
        using var other = new Batch { Dynamic = batch.Dynamic, Static = batch.Static! + 1, Horizon = Horizon, Basins = batch.Basins, DynamicNames = batch.DynamicNames };
        Assert.NotEqual(model.Forward(batch, null).Prediction.data<float>(), model.Forward(other, null).Prediction.data<float>());

        using var bare = Model(Context(statics: 0));
        using var noStatics = MakeBatch(statics: 0);
        Assert.Equal([(long)Basins, History + Horizon, 1], bare.Forward(noStatics, null).Prediction.shape);
    }

    [Fact]
    public void SetsTheForgetGateBiasOfEveryLstm()
    {
        using var scope = torch.NewDisposeScope();
        using var custom = Model(options: new FhnnOptions { HiddenSize = 3, ForwardHiddenSize = 4, LatentSize = 2, Scales = [1, 3, 7], InitialForgetBias = -0.5 });
        var lstms = custom.state_dict().Where(e => e.Key.EndsWith("bias_hh_l0", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, lstms.Count);
        foreach (var (name, bias) in lstms)
        {
            var hidden = bias.size(0) / 4;
            Assert.All(bias.narrow(0, hidden, hidden).data<float>(), b => Assert.Equal(-0.5f, b));
            Assert.Contains(bias.narrow(0, 0, hidden).data<float>(), b => b != -0.5f);
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameWeightsAndForecasts()
    {
        using var scope = torch.NewDisposeScope();
        using var a = Model(Context(seed: 7));
        using var b = Model(Context(seed: 7));
        using var c = Model(Context(seed: 8));
        var sa = a.state_dict();
        var sb = b.state_dict();
        Assert.Equal(sa.Keys, sb.Keys);
        foreach (var key in sa.Keys)
        {
            Assert.Equal(sa[key].data<float>(), sb[key].data<float>());
        }

        Assert.NotEqual(sa["scale1.forward.weight_ih_l0"].data<float>(), c.state_dict()["scale1.forward.weight_ih_l0"].data<float>());
        using var batch = MakeBatch();
        Assert.Equal(a.Forward(batch, null).Prediction.data<float>(), b.Forward(batch, null).Prediction.data<float>());
        Assert.NotEqual(a.Forward(batch, null).Prediction.data<float>(), c.Forward(batch, null).Prediction.data<float>());
    }

    [Fact]
    public void DropoutActsInTrainingOnly()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(options: Options(dropout: 0.5));
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
}
