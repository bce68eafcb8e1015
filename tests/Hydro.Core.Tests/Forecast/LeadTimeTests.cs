using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Metrics;
using Hydro.Core.Tests.Data;

namespace Hydro.Core.Tests.Forecast;

/// <summary>Persistence and per-lead metrics on a hand-made basin whose forecasts are set by hand.</summary>
public sealed class LeadTimeTests
{
    private const float N = float.NaN;
    private static readonly DateTime Day0 = new(2000, 1, 1);

    /// <summary>y on days 0..7 = 1, 3, N, 4, 6, 5, 2, 7; the period starts on day 1 (day 0 is history).</summary>
    private static BasinData Basin() =>
        BasinStore.Load(
            new ArrayDataset(Day0, new() { ["A"] = (ArrayDataset.Column(0, 0, 0, 0, 0, 0, 0, 0), [], ArrayDataset.Column(1, 3, N, 4, 6, 5, 2, 7)) }),
            ["A"], new(["x"], [], ["y"]), "test", Day0.AddDays(1), Day0.AddDays(7), historyDays: 1).Basins.Single();

    [Fact]
    public void PersistenceIsTheObservationAtTheIssueTimeAndNaNWhereItIsMissing()
    {
        var basin = Basin();
        Assert.Equal(3f, Persistence.Forecast(basin, 1, 0));
        Assert.True(float.IsNaN(Persistence.Forecast(basin, 2, 0)));
        Assert.Equal(7f, Persistence.Forecast(basin, 7, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Persistence.Forecast(basin, 8, 0));
    }

    /// <summary>H = 2: issue days 1..5 (the horizon must fit in day 7); the model forecasts from days 1, 2, 3 and 5, not 4.</summary>
    private static BasinForecast HandForecast()
    {
        var f = new BasinForecast(Basin(), 2, ["y"]);
        f.Set(1, [2, 5]);
        f.Set(2, [4, 7]);
        f.Set(3, [5, 4]);
        f.Set(5, [3, 6]);
        return f;
    }

    [Fact]
    public void ForecastsPairIssueTimeLeadAndObservationWithPersistenceOnTheSameIssues()
    {
        var f = HandForecast();
        Assert.Equal(5, f.Issues);
        Assert.Equal([true, true, true, false, true], f.Issued);
        Assert.Equal(Day0.AddDays(3), f.TimeAt(1, 1));

        // Lead 1 over issues 1..5: observations y(t + 1) = N, 4, 6, 5, 2; persistence y(t) = 3, N, 4, (not issued), 5.
        Assert.Equal([2d, 4, 5, double.NaN, 3], f.SimulatedSeries(1, 0));
        Assert.Equal([double.NaN, 4, 6, 5, 2], f.ObservedSeries(1, 0));
        Assert.Equal([3d, double.NaN, 4, double.NaN, 5], f.PersistenceSeries(1, 0));
        Assert.Equal([4d, 6, 5, 2, 7], f.ObservedSeries(2, 0));
        Assert.Equal([3d, double.NaN, 4, double.NaN, 5], f.PersistenceSeries(2, 0));
    }

    [Fact]
    public void MetricsPerLeadForTheModelAndPersistenceMatchHandComputedValues()
    {
        var metrics = new[] { MetricCatalog.Get("nse"), MetricCatalog.Get("rmse") };
        var rows = LeadTimeEvaluation.Compute([HandForecast()], metrics);
        Assert.Equal([1, 2], rows.Select(r => r.Lead));
        Assert.Equal(["nse", "rmse"], LeadTimeEvaluation.Columns(metrics, ["y"]));
        Assert.Equal(["y_nse", "q_nse", "y_rmse", "q_rmse"], LeadTimeEvaluation.Columns(metrics, ["y", "q"]));

        // Lead 1, model: pairs (4, 4), (5, 6), (3, 2); obs mean 4, Σ(o − ō)² = 0 + 4 + 4 = 8, Σ(s − o)² = 0 + 1 + 1 = 2.
        Assert.Equal(1 - (2.0 / 8), rows[0].Model[0].Value, 12);
        Assert.Equal(Math.Sqrt(2.0 / 3), rows[0].Model[1].Value, 12);

        // Lead 1, persistence: pairs (4, 6), (5, 2); obs mean 4, Σ(o − ō)² = 8, Σ(s − o)² = 4 + 9 = 13.
        Assert.Equal(1 - (13.0 / 8), rows[0].Persistence[0].Value, 12);
        Assert.Equal(Math.Sqrt(13.0 / 2), rows[0].Persistence[1].Value, 12);

        // Lead 2, model: pairs (5, 4), (7, 6), (4, 5), (6, 7); ō = 5.5, Σ(o − ō)² = 5, Σ(s − o)² = 4.
        Assert.Equal(1 - (4.0 / 5), rows[1].Model[0].Value, 12);

        // Lead 2, persistence: pairs (3, 4), (4, 5), (5, 7); ō = 16/3, Σ(o − ō)² = 14/3, Σ(s − o)² = 1 + 1 + 4 = 6.
        Assert.Equal(1 - (6.0 / (14.0 / 3)), rows[1].Persistence[0].Value, 12);

        var summary = LeadTimeEvaluation.Summarise(rows, LeadTimeEvaluation.Columns(metrics, ["y"]), 2);
        Assert.Equal([1, 2], summary.Select(s => s.Lead));
        Assert.Equal(0.75, summary[0].Model[0].Median, 12);
        Assert.Equal(1 - (13.0 / 8), summary[0].Persistence[0].Median, 12);
    }
}
