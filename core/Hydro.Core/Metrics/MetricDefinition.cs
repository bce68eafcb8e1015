namespace Hydro.Core.Metrics;

/// <summary>A metric as named in experiment files (<c>evaluation.metrics</c>).</summary>
/// <param name="Name">The YAML name, lower snake case (e.g. <c>nse</c>).</param>
/// <param name="Description">One line: what it measures and its unit.</param>
/// <param name="Ideal">The value of a perfect simulation (e.g. 1 for NSE, 0 for FHV).</param>
/// <param name="Compute">The function, with its default settings.</param>
public sealed record MetricDefinition(string Name, string Description, double Ideal, MetricFunction Compute);
