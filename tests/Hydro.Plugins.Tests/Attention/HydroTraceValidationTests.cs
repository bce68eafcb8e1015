using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Attention.HydroTrace;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Attention.HydroTraceFixtures;

namespace Hydro.Plugins.Tests.Attention;

public class HydroTraceValidationTests
{
    public static TheoryData<HydroTraceOptions, string> BadOptions => new()
    {
        { new HydroTraceOptions { HiddenChannels = 0 }, "hydrotrace: hidden_channels must be in 1..256, got 0" },
        { new HydroTraceOptions { HiddenChannels = 257 }, "hidden_channels" },
        { new HydroTraceOptions { KernelSize = 4 }, "hydrotrace: kernel_size must be odd" },
        { new HydroTraceOptions { KernelSize = 17 }, "kernel_size must be in 1..15, got 17" },
        { new HydroTraceOptions { HeadHidden = -1 }, "head_hidden" },
        { new HydroTraceOptions { InputLag = -1 }, "input_lag must be in 0..365, got -1" },
        { new HydroTraceOptions { Dropout = 0.96 }, "dropout must be in 0..0.95, got 0.96" },
        { new HydroTraceOptions { Dropout = double.NaN }, "dropout" },
        { new HydroTraceOptions { InitialForgetBias = double.PositiveInfinity }, "initial_forget_bias" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadOptionsAreRejectedNamingTheOption(HydroTraceOptions options, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => new HydroTraceBackbone(options, Context()));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AContextWithoutGriddedInputsIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new HydroTraceBackbone(new HydroTraceOptions(), Context() with { GriddedInputs = [] }));
        Assert.StartsWith("hydrotrace needs gridded inputs: list them under inputs.gridded", e.Message, StringComparison.Ordinal);
        Assert.Contains("targets", Assert.Throws<ArgumentException>(() => new HydroTraceBackbone(new HydroTraceOptions(), Context() with { Targets = [] })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABatchWithoutGriddedInputsOrMaskIsRejected()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch();
        using var lumped = new Batch { Dynamic = batch.Dynamic.clone(), Basins = batch.Basins, DynamicNames = [] };
        Assert.Contains("batch.Gridded [B, T, C, H, W] is null", Assert.Throws<ArgumentException>(() => model.Forward(lumped, null)).Message, StringComparison.Ordinal);
        using var noMask = Batch(batch.Gridded!.clone(), null);
        Assert.Contains("batch.GriddedMask [B, H, W] is null", Assert.Throws<ArgumentException>(() => model.Forward(noMask, null)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GriddedInputsWithAnotherChannelCountAreRejected()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(channels: 3);
        using var batch = MakeBatch(channels: 4);
        var e = Assert.Throws<ArgumentException>(() => model.Forward(batch, null));
        Assert.Equal("batch.Gridded has 4 channels but HydroTraceBackbone was built for 3 gridded inputs (grid0, grid1, grid2)", e.Message);
    }

    [Fact]
    public void AMaskOfAnotherGridOrTypeIsRejected()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model();
        using var batch = MakeBatch(h: 6, w: 5);
        using var wrongGrid = Batch(batch.Gridded!.clone(), torch.ones([2, 5, 6]).to(ScalarType.Bool));
        Assert.Equal("batch.GriddedMask has shape [2, 5, 6], expected [2, 6, 5]", Assert.Throws<ArgumentException>(() => model.Forward(wrongGrid, null)).Message);
        using var floatMask = Batch(batch.Gridded!.clone(), torch.ones([2, 6, 5]));
        Assert.Contains("batch.GriddedMask must be bool", Assert.Throws<ArgumentException>(() => model.Forward(floatMask, null)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWindowNoLongerThanTheLagIsRejected()
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(new HydroTraceOptions { InputLag = 2 });
        using var batch = MakeBatch(steps: 2);
        var e = Assert.Throws<ArgumentException>(() => model.Forward(batch, null));
        Assert.Contains("the window has 2 steps but input_lag is 2: training.sequence_length must be greater than input_lag", e.Message, StringComparison.Ordinal);
    }
}
