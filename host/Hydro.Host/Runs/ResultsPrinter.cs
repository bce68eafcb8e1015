using System.Globalization;
using Hydro.Core.Evaluation;

namespace Hydro.Host.Runs;

/// <summary>Prints what an evaluation or prediction wrote: where, and each metric's median, mean and basins at or below zero.</summary>
internal static class ResultsPrinter
{
    public static void Print(TextWriter output, EvaluationResult result)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Period} {Hydro.Core.Data.TimeSteps.Format(result.Start, result.Step)}..{Hydro.Core.Data.TimeSteps.Format(result.End, result.Step)}: {result.Basins} basins; results in {result.OutputDirectory}"));
        var width = result.Summaries.Select(s => s.Metric.Length).DefaultIfEmpty(0).Max();
        foreach (var s in result.Summaries)
        {
            var skipped = s.Skipped.Count > 0 ? $", {s.Skipped.Count} undefined" : "";

            // Basins at or below zero mean "no better than the mean flow" for the efficiencies only.
            var efficiency = s.Metric is "nse" or "kge" || s.Metric.EndsWith("_nse", StringComparison.Ordinal) && !s.Metric.EndsWith("alpha_nse", StringComparison.Ordinal)
                && !s.Metric.EndsWith("beta_nse", StringComparison.Ordinal) || s.Metric.EndsWith("_kge", StringComparison.Ordinal);
            var zero = efficiency ? $"  ≤ 0: {s.AtOrBelowZero} of {s.Evaluated}" : $"  basins: {s.Evaluated}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Metric.PadRight(width)}  median {s.Median,8:F3}  mean {s.Mean,8:F3}{zero}{skipped}"));
        }

        PrintLeadTimes(output, result);
    }

    /// <summary>A forecast's per-lead table: the median over basins of each metric, for the model and for persistence.</summary>
    private static void PrintLeadTimes(TextWriter output, EvaluationResult result)
    {
        if (result.LeadTimes.Count == 0)
        {
            return;
        }

        var columns = result.LeadTimes[0].Model.Select(s => s.Metric).ToList();
        var width = Math.Max(11, columns.Max(c => c.Length) + 2);
        output.WriteLine("  per lead time (median over basins; the metrics above are lead 1):");
        output.WriteLine("  lead" + string.Concat(columns.Select(c => c.PadLeft(width))) + string.Concat(columns.Select(c => ("pers. " + c).PadLeft(width + 2))));
        foreach (var lead in result.LeadTimes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {lead.Lead,4}")
                + string.Concat(lead.Model.Select(s => s.Median.ToString("F3", CultureInfo.InvariantCulture).PadLeft(width)))
                + string.Concat(lead.Persistence.Select(s => s.Median.ToString("F3", CultureInfo.InvariantCulture).PadLeft(width + 2))));
        }
    }
}
