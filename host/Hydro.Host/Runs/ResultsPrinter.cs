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
    }
}
