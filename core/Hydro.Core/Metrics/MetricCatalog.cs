using Hydro.Core.Experiments;

namespace Hydro.Core.Metrics;

/// <summary>The metrics an experiment can name under <c>evaluation.metrics</c>, with their default settings.</summary>
public static class MetricCatalog
{
    private static readonly MetricDefinition[] Definitions =
    [
        new("nse", "Nash–Sutcliffe efficiency (−∞, 1]", 1, HydroMetrics.Nse),
        new("kge", "Kling–Gupta efficiency (Gupta et al. 2009) (−∞, 1]", 1, HydroMetrics.Kge),
        new("rmse", "root mean squared error, in the target's unit", 0, HydroMetrics.Rmse),
        new("mse", "mean squared error, in the target's unit squared", 0, HydroMetrics.Mse),
        new("pbias", "percent bias 100·Σ(s−o)/Σo (%)", 0, HydroMetrics.PBias),
        new("pearson_r", "Pearson correlation [−1, 1]", 1, HydroMetrics.PearsonR),
        new("alpha_nse", "variability ratio σs/σo", 1, HydroMetrics.AlphaNse),
        new("beta_nse", "mean bias scaled by σo, (μs−μo)/σo", 0, HydroMetrics.BetaNse),
        new("fhv", "peak-flow bias, top 2 % of the flow duration curve (%)", 0, (s, o) => HydroMetrics.Fhv(s, o)),
        new("flv", "low-flow bias, bottom 30 % of the flow duration curve in log space (%)", 0, (s, o) => HydroMetrics.Flv(s, o)),
        new("fms", "flow-duration-curve mid-segment slope bias, exceedance 0.2–0.7, log space (%)", 0, (s, o) => HydroMetrics.Fms(s, o)),
        new("peak_timing", "mean peak timing error, window ±3 steps (time steps)", 0, (s, o) => HydroMetrics.PeakTiming(s, o)),
    ];

    private static readonly Dictionary<string, MetricDefinition> ByName = Definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>All metric names, in catalog order.</summary>
    public static IReadOnlyList<string> Names { get; } = Definitions.Select(d => d.Name).ToArray();

    /// <summary>All definitions, in catalog order.</summary>
    public static IReadOnlyList<MetricDefinition> All => Definitions;

    /// <summary>The metric called <paramref name="name"/> (exact, lower snake case).</summary>
    /// <exception cref="UnknownMetricException">The name is not known; the message suggests the closest name.</exception>
    public static MetricDefinition Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGet(name, out var definition)
            ? definition
            : throw new UnknownMetricException(name, Suggestions.Closest(name, Names), Names);
    }

    /// <summary>The metric called <paramref name="name"/>, if known.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MetricDefinition? definition) =>
        ByName.TryGetValue(name, out definition);

    /// <summary>Computes the metric called <paramref name="name"/> with its default settings.</summary>
    /// <exception cref="UnknownMetricException">The name is not known.</exception>
    public static MetricResult Compute(string name, ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed) =>
        Get(name).Compute(simulated, observed);
}
