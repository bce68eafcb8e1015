namespace Hydro.Core.Metrics;

/// <summary>A metric over a simulated and an observed series of the same length (see <see cref="HydroMetrics"/>).</summary>
public delegate MetricResult MetricFunction(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed);
