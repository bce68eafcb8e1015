namespace Hydro.Core.Metrics;

/// <summary>One metric over many basins: median, mean, basins at or below zero, and the basins skipped.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Median">Median over the evaluated basins (NaN when none).</param>
/// <param name="Mean">Mean over the evaluated basins (NaN when none).</param>
/// <param name="AtOrBelowZero">Evaluated basins with a value ≤ 0 (for NSE: no better than the observed mean).</param>
/// <param name="Evaluated">Basins with a defined value.</param>
/// <param name="Skipped">Basins whose value is undefined, with the reason, ordered by basin id.</param>
public sealed record MetricSummary(
    string Metric,
    double Median,
    double Mean,
    int AtOrBelowZero,
    int Evaluated,
    IReadOnlyList<KeyValuePair<string, string>> Skipped)
{
    /// <summary>Summarises per-basin results of one metric (basin id → result).</summary>
    public static MetricSummary Of(string metric, IEnumerable<KeyValuePair<string, MetricResult>> byBasin)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(byBasin);
        var values = new List<double>();
        var skipped = new List<KeyValuePair<string, string>>();
        foreach (var (basin, result) in byBasin)
        {
            if (result.IsDefined)
            {
                values.Add(result.Value);
            }
            else
            {
                skipped.Add(new(basin, result.Reason!));
            }
        }

        values.Sort();
        skipped.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new MetricSummary(
            metric,
            MedianOf(values),
            values.Count == 0 ? double.NaN : values.Average(),
            values.Count(v => v <= 0),
            values.Count,
            skipped);
    }

    private static double MedianOf(List<double> sorted)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
