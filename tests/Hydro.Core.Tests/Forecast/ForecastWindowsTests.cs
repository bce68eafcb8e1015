using Hydro.Core.Data;
using Hydro.Core.Tests.Data;
using Hydro.Torch;

namespace Hydro.Core.Tests.Forecast;

/// <summary>
/// Window arithmetic of forecasts on a hand-made basin: 12 days, x = day (NaN on day 7), y with gaps; the period starts
/// on day 2 (days 0–1 are history); L = 3, H = 2, so a window is 5 days and is issued on its third.
/// </summary>
public sealed class ForecastWindowsTests
{
    private const float N = float.NaN;
    private static readonly DateTime Day0 = new(2000, 1, 1);

    private static BasinStore Store() =>
        BasinStore.Load(
            new ArrayDataset(Day0, new()
            {
                ["A"] = (ArrayDataset.Column(0, 1, 2, 3, 4, 5, 6, N, 8, 9, 10, 11), [], ArrayDataset.Column(1, 2, N, 4, N, N, 7, 8, 9, N, N, 12)),
            }),
            ["A"], new(["x"], [], ["y"]), "test", Day0.AddDays(2), Day0.AddDays(11), historyDays: 2);

    private static readonly Normalizer Norm = new([new("x", 0, 1)], [], [new("y", 1, 2)], []);

    private static readonly ForecastWindows Windows = new(3, 2, observedInputs: true, ["x"], ["y"]);

    [Fact]
    public void NamesLengthAndIssuePosition()
    {
        Assert.Equal(5, Windows.Length);
        Assert.Equal(2, Windows.IssuePosition);
        Assert.Equal(["y_obs", "y_obs_flag"], Windows.ObservedNames);
        Assert.Equal(["x", "y_obs", "y_obs_flag"], Windows.DynamicNames);
        Assert.Equal(["q_obs", "q_obs_flag", "t_obs", "t_obs_flag"], ForecastWindows.ObservedInputNames(["q", "t"]));
        Assert.Equal(["x"], new ForecastWindows(3, 2, observedInputs: false, ["x"], ["y"]).DynamicNames);
    }

    [Fact]
    public void TrainingWindowsNeedFiniteInputsOverHistoryAndHorizonAndAnObservationInTheHorizon()
    {
        var sampler = new WindowSampler(Store(), Windows.Length, Windows.Horizon);

        // Ends 4..6 have 5 finite inputs (day 7 is missing, so no later window fits); end 5's horizon (days 4, 5) has no y.
        Assert.Equal([4, 6], sampler.ValidEnds.Single());
    }

    [Fact]
    public void EvaluationIssuesEveryPeriodStepWhoseWindowFitsWithCompleteInputs()
    {
        // Issue days 2..9 (the horizon must fit in the 12 days); windows ending after day 6 cross the missing day 7.
        Assert.Equal([4, 5, 6], Windows.IssueEnds(Store().Basins.Single()));
    }

    [Fact]
    public void ObservedChannelsStopAtTheIssueTimeAndTheLossScoresTheHorizonOnly()
    {
        var batcher = Windows.Batcher(Store(), Norm, warmup: 0, Device.CPU);
        using var scope = torch.NewDisposeScope();
        using var batch = batcher.Build([new WindowRef(0, 4), new WindowRef(0, 6)]);

        Assert.Equal([2L, 5, 3], batch.Dynamic.shape);
        Assert.Equal(2, batch.Horizon);
        Assert.Equal(["x", "y_obs", "y_obs_flag"], batch.DynamicNames);

        // Window ending on day 4 (issued day 2): y = 1, 2, NaN up to the issue → (y − 1)/2 = 0, 0.5, 0 with flags 1, 1, 0;
        // window ending on day 6 (issued day 4): y = NaN, 4, NaN → 0, 1.5, 0; after the issue always 0 (day 6's y = 7 hidden).
        float[] expected =
        [
            0, 0, 1, 1, 0.5f, 1, 2, 0, 0, 3, 0, 0, 4, 0, 0,
            2, 0, 0, 3, 1.5f, 1, 4, 0, 0, 5, 0, 0, 6, 0, 0,
        ];
        Assert.Equal(expected, batch.Dynamic.data<float>());
        float[] physical =
        [
            0, 1, 1, 1, 2, 1, 2, 0, 0, 3, 0, 0, 4, 0, 0,
            2, 0, 0, 3, 4, 1, 4, 0, 0, 5, 0, 0, 6, 0, 0,
        ];
        Assert.Equal(physical, batch.DynamicPhysical!.data<float>());

        // Scored: lead times (positions 3, 4) where y is observed: day 3 (y = 4) in the first window, day 6 (y = 7) in the second.
        Assert.Equal([false, false, false, true, false, false, false, false, false, true], batch.TargetMask!.data<bool>());
        var target = batch.Target!.data<float>();
        Assert.Equal(1.5f, target[3]);
        Assert.Equal(3f, target[9]);
    }

    [Fact]
    public void WithoutObservedInputsTheBatchHasTheForcingsAlone()
    {
        var windows = new ForecastWindows(3, 2, observedInputs: false, ["x"], ["y"]);
        using var scope = torch.NewDisposeScope();
        using var batch = windows.Batcher(Store(), Norm, warmup: 0, Device.CPU).Build([new WindowRef(0, 6)]);
        Assert.Equal([2f, 3, 4, 5, 6], batch.Dynamic.data<float>());
        Assert.Equal(2, batch.Horizon);
        Assert.Equal(["x"], batch.DynamicNames);
    }
}
