using Hydro.Core.Metrics;

namespace Hydro.Core.Evaluation;

/// <summary>One basin's metrics at one lead time, for the model and for persistence, in <see cref="LeadTimeEvaluation.Columns"/> order.</summary>
/// <param name="Basin">Basin identifier.</param>
/// <param name="Lead">Lead time, 1..H steps.</param>
/// <param name="Model">The model's metrics.</param>
/// <param name="Persistence">The persistence forecast's metrics.</param>
public sealed record LeadTimeRow(string Basin, int Lead, MetricResult[] Model, MetricResult[] Persistence);

/// <summary>The metrics of one lead time over basins, for the model and for persistence.</summary>
/// <param name="Lead">Lead time, 1..H steps.</param>
/// <param name="Model">Per column (metric, or target_metric) over basins.</param>
/// <param name="Persistence">The same for the persistence forecast.</param>
public sealed record LeadTimeSummary(int Lead, IReadOnlyList<MetricSummary> Model, IReadOnlyList<MetricSummary> Persistence);

/// <summary>
/// Metrics per lead time: for each basin, lead h and target, every metric on the pairs (forecast issued at t for
/// t + h, observation at t + h) over the period's issue times t, in issue order (so the series is the lead-h forecast
/// hydrograph), for the model and for the persistence forecast y(t).
/// </summary>
public static class LeadTimeEvaluation
{
    /// <summary>The column names: the metric for one target, <c>target_metric</c> for several.</summary>
    public static IReadOnlyList<string> Columns(IReadOnlyList<MetricDefinition> metrics, IReadOnlyList<string> targets)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(targets);
        return [.. metrics.SelectMany(m => targets.Select(t => targets.Count == 1 ? m.Name : $"{t}_{m.Name}"))];
    }

    /// <summary>One row per basin and lead, basins in the order given, leads ascending.</summary>
    public static IReadOnlyList<LeadTimeRow> Compute(IReadOnlyList<BasinForecast> forecasts, IReadOnlyList<MetricDefinition> metrics)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(metrics);
        var rows = new List<LeadTimeRow>();
        foreach (var f in forecasts)
        {
            for (var lead = 1; lead <= f.Horizon; lead++)
            {
                var model = new List<MetricResult>();
                var persistence = new List<MetricResult>();
                foreach (var m in metrics)
                {
                    for (var k = 0; k < f.Targets.Count; k++)
                    {
                        var observed = f.ObservedSeries(lead, k);
                        model.Add(m.Compute(f.SimulatedSeries(lead, k), observed));
                        persistence.Add(m.Compute(f.PersistenceSeries(lead, k), observed));
                    }
                }

                rows.Add(new LeadTimeRow(f.Basin, lead, [.. model], [.. persistence]));
            }
        }

        return rows;
    }

    /// <summary>Per lead 1..<paramref name="horizon"/>: each column's median, mean… over basins, for the model and for persistence.</summary>
    public static IReadOnlyList<LeadTimeSummary> Summarise(IReadOnlyList<LeadTimeRow> rows, IReadOnlyList<string> columns, int horizon)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        return [.. Enumerable.Range(1, horizon).Select(lead =>
        {
            var at = rows.Where(r => r.Lead == lead).ToList();
            return new LeadTimeSummary(
                lead,
                [.. columns.Select((c, i) => MetricSummary.Of(c, at.Select(r => KeyValuePair.Create(r.Basin, r.Model[i]))))],
                [.. columns.Select((c, i) => MetricSummary.Of(c, at.Select(r => KeyValuePair.Create(r.Basin, r.Persistence[i]))))]);
        })];
    }
}
