using Hydro.Core.Metrics;

namespace Hydro.Core.Tests.Metrics;

public sealed class MetricSummaryTests
{
    [Fact]
    public void MedianMeanAndCounts()
    {
        // defined: −0.2 0 0.5 0.8 → median (0 + 0.5)/2 = 0.25, mean 1.1/4 = 0.275, ≤ 0: two
        var summary = MetricSummary.Of("nse", new Dictionary<string, MetricResult>
        {
            ["b1"] = MetricResult.Of(0.5),
            ["b2"] = MetricResult.Of(-0.2),
            ["b4"] = MetricResult.Undefined("the observations are constant (zero variance)"),
            ["b3"] = MetricResult.Of(0.8),
            ["b5"] = MetricResult.Of(0),
            ["b0"] = MetricResult.Undefined("0 valid time step(s)"),
        });
        Assert.Equal("nse", summary.Metric);
        Assert.Equal(0.25, summary.Median, 1e-15);
        Assert.Equal(0.275, summary.Mean, 1e-15);
        Assert.Equal(2, summary.AtOrBelowZero);
        Assert.Equal(4, summary.Evaluated);
        Assert.Equal(["b0", "b4"], summary.Skipped.Select(s => s.Key));
        Assert.Contains("constant", summary.Skipped[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void OddCountMedianIsTheMiddleValue()
    {
        var summary = MetricSummary.Of("kge", [new("a", MetricResult.Of(3)), new("b", MetricResult.Of(1)), new("c", MetricResult.Of(2))]);
        Assert.Equal(2, summary.Median);
    }

    [Fact]
    public void NothingEvaluatedGivesNaN()
    {
        var summary = MetricSummary.Of("nse", [new("a", MetricResult.Undefined("no data"))]);
        Assert.True(double.IsNaN(summary.Median) && double.IsNaN(summary.Mean));
        Assert.Equal(0, summary.Evaluated);
        Assert.Single(summary.Skipped);
    }

    [Fact]
    public void NonFiniteValuesAreNeverDefined() => Assert.False(MetricResult.Of(double.PositiveInfinity).IsDefined);
}
