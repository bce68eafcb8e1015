using Hydro.Core.Experiments.Model;
using Hydro.Core.Metrics;

namespace Hydro.Core.Tests.Metrics;

public sealed class MetricCatalogTests
{
    [Fact]
    public void KnowsExactlyTheNamesExperimentsAccept() =>
        Assert.Equal(EvaluationOptions.KnownMetrics.Order(), MetricCatalog.Names.Order());

    [Theory]
    [InlineData("nes", "nse")]
    [InlineData("NSE", "nse")]
    [InlineData("peak_timming", "peak_timing")]
    [InlineData("alpha-nse", "alpha_nse")]
    [InlineData("pearson", "pearson_r")]
    public void UnknownNamesSuggestTheClosest(string seen, string suggestion)
    {
        var error = Assert.Throws<UnknownMetricException>(() => MetricCatalog.Get(seen));
        Assert.Equal(suggestion, error.Suggestion);
        Assert.Contains($"unknown metric '{seen}' — did you mean '{suggestion}'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("peak_timing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FarNamesGetNoSuggestion()
    {
        var error = Assert.Throws<UnknownMetricException>(() => MetricCatalog.Compute("hydrograph_love", [1.0], [1.0]));
        Assert.Null(error.Suggestion);
        Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
        Assert.False(MetricCatalog.TryGet("hydrograph_love", out _));
    }

    [Fact]
    public void ComputesWithTheDefaultSettings()
    {
        var (sim, obs) = HandComputedTests.TwoPeaks();
        Assert.Equal(HydroMetrics.Nse(sim, obs), MetricCatalog.Compute("nse", sim, obs));
        Assert.Equal(HydroMetrics.PeakTiming(sim, obs, window: 3), MetricCatalog.Compute("peak_timing", sim, obs));
        Assert.Equal(HydroMetrics.Fms(sim.Select(s => s + 1).ToArray(), obs.Select(o => o + 1).ToArray(), 0.2, 0.7),
            MetricCatalog.Get("fms").Compute(sim.Select(s => s + 1).ToArray(), obs.Select(o => o + 1).ToArray()));
    }
}
