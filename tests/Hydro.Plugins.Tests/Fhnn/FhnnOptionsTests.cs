using Hydro.Plugins.Lstm.Fhnn;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Fhnn.FhnnFixtures;

namespace Hydro.Plugins.Tests.Fhnn;

public class FhnnOptionsTests
{
    private static string Rejected(FhnnOptions options, Abstractions.Components.ComponentContext? context = null) =>
        Assert.Throws<ArgumentException>(() => new FhnnBackbone(options, context ?? Context())).Message;

    [Fact]
    public void DefaultsAreThoseDocumented()
    {
        var o = new FhnnOptions();
        Assert.Equal((64, 128, 16, 0.4, 3.0), (o.HiddenSize, o.ForwardHiddenSize, o.LatentSize, o.Dropout, o.InitialForgetBias));
        Assert.Equal([1, 7, 30], o.Scales);
        Assert.Empty(o.Problems());
    }

    [Fact]
    public void AHindcastExperimentIsRejected()
    {
        Assert.Equal("fhnn is a forecast model: set forecast.horizon in the experiment", Rejected(Options(), Context(horizon: 0)));
    }

    [Theory]
    [InlineData(new int[0], "scales must list 1 to 6 block lengths (e.g. [1, 7, 30]), got 0")]
    [InlineData(new[] { 1, 7, 7 }, "scales must be strictly increasing (fast first), got [1, 7, 7]")]
    [InlineData(new[] { 30, 7, 1 }, "scales must be strictly increasing (fast first), got [30, 7, 1]")]
    [InlineData(new[] { 0, 7 }, "scales must be in 1..1000 steps, got [0, 7]")]
    public void BadScalesAreRejected(int[] scales, string message)
    {
        Assert.Equal("fhnn: " + message, Rejected(new FhnnOptions { Scales = scales }));
    }

    [Fact]
    public void EveryBadOptionIsReportedAtOnce()
    {
        var message = Rejected(new FhnnOptions { HiddenSize = 0, ForwardHiddenSize = 5000, LatentSize = 0, Dropout = 1, InitialForgetBias = double.NaN });
        Assert.Contains("hidden_size must be in 1..4096, got 0", message);
        Assert.Contains("forward_hidden_size must be in 1..4096, got 5000", message);
        Assert.Contains("latent_size must be in 1..1024, got 0", message);
        Assert.Contains("dropout must be in 0..0.95, got 1", message);
        Assert.Contains("initial_forget_bias must be a finite number", message);
        Assert.Equal(5, new FhnnOptions { HiddenSize = 0, ForwardHiddenSize = 5000, LatentSize = 0, Dropout = 1, InitialForgetBias = double.NaN }.Problems().Count);
    }

    [Fact]
    public void ContextsWithoutTargetsOrWithObservedChannelsFirstAreRejected()
    {
        Assert.Contains("fhnn needs at least one target", Rejected(Options(), Context() with { Targets = [] }));
        var shuffled = Context() with { DynamicInputs = ["streamflow_obs", "streamflow_obs_flag", "prcp", "tmean"] };
        Assert.Contains("fhnn expects the observed-target channels (streamflow_obs, streamflow_obs_flag) last", Rejected(Options(), shuffled));
    }

    [Fact]
    public void AHistoryShorterThanTheLongestScaleIsRejected()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch(history: 6);
        var e = Assert.Throws<ArgumentException>(() => model.Forward(batch, null));
        Assert.StartsWith("fhnn needs a history of at least 7 steps (the largest of scales [1, 3, 7]) before the issue time, but the window has 9 steps of which 3 are the horizon", e.Message);
        Assert.Throws<ArgumentException>(() => model.Latents(batch));
    }

    [Fact]
    public void ABatchWithAnotherHorizonIsRejected()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch(horizon: 2);
        Assert.Equal("fhnn was built for a forecast horizon of 3 steps but the batch has Horizon = 2", Assert.Throws<ArgumentException>(() => model.Forward(batch, null)).Message);
    }

    [Fact]
    public void ABatchWithoutTheStaticsItWasBuiltForIsRejected()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch(statics: 0);
        Assert.Contains("2 static inputs (area, elev_mean)", Assert.Throws<ArgumentException>(() => model.Forward(batch, null)).Message);
    }
}
