using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Models;
using Hydro.Core.Tests.Data;
using Hydro.Core.Training;
using Hydro.Torch;

namespace Hydro.Core.Tests.Forecast;

/// <summary>
/// No observation after the issue time reaches the model: forecasts are recomputed on data whose observations were
/// changed, with the mixing backbone (every output step depends on every input step of the window).
/// </summary>
public sealed class NoLeakTests
{
    private const int Days = 60;
    private static readonly DateTime Day0 = new(2000, 1, 1);

    /// <summary>Forecasts (L = 4, H = 3) of one basin from day 10 to the end, issued every day, with observations <paramref name="y"/>.</summary>
    private static BasinForecast Forecast(float[] y, bool observedInputs = true)
    {
        var yaml = observedInputs ? ForecastCatalog.Yaml : ForecastCatalog.Yaml.Replace("horizon: 3", "horizon: 3\n  observed_inputs: false", StringComparison.Ordinal);
        var experiment = ForecastCatalog.Load(yaml);
        var store = Store(y);

        // The statistics of the original data, as a run would have saved them: only the data under test changes.
        var norm = Normalizer.Fit(Store(Observations()));
        using var generator = torch.Generator(11);
        using var model = HydroModel.Create(experiment, TrainingSetup.ModelContext(experiment, Device.CPU, generator, null, ["A"], TimeSteps.Day));
        var batcher = ForecastWindows.Of(experiment.Options)!.Batcher(store, norm, 0, Device.CPU);
        return new ForecastPredictor(store, batcher, batchSize: 7).Predict([model]).Single();
    }

    private static BasinStore Store(float[] y)
    {
        var x = new float[Days, 2];
        for (var d = 0; d < Days; d++)
        {
            x[d, 0] = MathF.Sin(0.3f * d);
            x[d, 1] = MathF.Cos(0.2f * d);
        }

        var ds = new ArrayDataset(Day0, new() { ["A"] = (x, [1], ArrayDataset.Column(y)) });
        return BasinStore.Load(ds, ["A"], new(["x1", "x2"], ["a"], ["y"]), "test", Day0.AddDays(10), Day0.AddDays(Days - 1), historyDays: 3);
    }

    private static float[] Observations() =>
        [.. Enumerable.Range(0, Days).Select(d => d % 11 == 5 ? float.NaN : 2 + MathF.Sin(0.25f * d))];

    /// <summary>The forecasts issued on <paramref name="issue"/>, [H, K], as bits.</summary>
    private static int[] Bits(BasinForecast f, int issue) =>
        [.. Enumerable.Range(1, f.Horizon).Select(h => BitConverter.SingleToInt32Bits(f.Simulated[f.Index(issue, h, 0)]))];

    private static int IssueOn(BasinForecast f, int day) =>
        Enumerable.Range(0, f.Issues).Single(i => f.TimeAt(i) == Day0.AddDays(day));

    [Fact]
    public void ChangingEveryObservationAfterTheIssueTimeLeavesTheForecastBitIdentical()
    {
        var y = Observations();
        var original = Forecast(y);
        const int cut = 30;
        var changed = (float[])y.Clone();
        for (var d = cut + 1; d < Days; d++)
        {
            changed[d] = d % 2 == 0 ? float.NaN : 1000 + (37 * d);
        }

        var perturbed = Forecast(changed);
        Assert.Equal(original.Issues, perturbed.Issues);
        for (var day = 10; day <= cut; day++)
        {
            Assert.Equal(Bits(original, IssueOn(original, day)), Bits(perturbed, IssueOn(perturbed, day)));
        }

        // The test can fail: a forecast issued after the cut sees a changed observation and moves.
        Assert.NotEqual(Bits(original, IssueOn(original, cut + 1)), Bits(perturbed, IssueOn(perturbed, cut + 1)));
        Assert.All(Enumerable.Range(0, original.Issues).Where(i => original.TimeAt(i) <= Day0.AddDays(cut)), i => Assert.True(original.Issued[i]));
    }

    [Fact]
    public void ChangingAnObservationBeforeTheIssueTimeChangesExactlyTheForecastsWhoseHistoryHoldsIt()
    {
        var y = Observations();
        var original = Forecast(y);
        const int day = 25;
        var changed = (float[])y.Clone();
        changed[day] += 3;
        var perturbed = Forecast(changed);

        // L = 4: the forecasts issued on days 25..28 read day 25 in their history; all others are unchanged.
        for (var issue = 10; issue < Days - 3; issue++)
        {
            var same = Bits(original, IssueOn(original, issue)).SequenceEqual(Bits(perturbed, IssueOn(perturbed, issue)));
            Assert.True(same == issue is < day or > day + 3, $"issued on day {issue}: {(same ? "unchanged" : "changed")}");
        }
    }

    [Fact]
    public void WithoutObservedInputsNoObservationChangesAnyForecast()
    {
        var y = Observations();
        var original = Forecast(y, observedInputs: false);
        var changed = y.Select(v => v * 3).ToArray();
        var perturbed = Forecast(changed, observedInputs: false);
        Assert.Equal(original.Simulated.Select(BitConverter.SingleToInt32Bits), perturbed.Simulated.Select(BitConverter.SingleToInt32Bits));
        Assert.Contains(original.Simulated, float.IsFinite);
    }

    [Fact]
    public void TheModelGetsAViewWithoutTargetsThatSharesTheInputTensors()
    {
        var store = Store(Observations());
        var norm = Normalizer.Fit(store);
        var batcher = new ForecastWindows(4, 3, true, ["x1", "x2"], ["y"]).Batcher(store, norm, 0, Device.CPU);
        using var scope = torch.NewDisposeScope();
        var batch = batcher.Build([new WindowRef(0, 20)]);
        var view = TargetFreeBatch.Of(batch);
        Assert.Null(view.Target);
        Assert.Null(view.TargetMask);
        Assert.Same(batch.Dynamic, view.Dynamic);
        Assert.Same(batch.DynamicPhysical, view.DynamicPhysical);
        Assert.Same(batch.Static, view.Static);
        Assert.Same(batch.Statistics, view.Statistics);
        Assert.Equal(3, view.Horizon);
        Assert.Equal(batch.DynamicNames, view.DynamicNames);

        // The original still owns every tensor: disposing it frees them, the view adds no owner of its own.
        batch.Dispose();
        Assert.True(batch.Target!.IsDisposed);
        Assert.True(view.Dynamic.IsDisposed);
    }
}
