using System.Text.Json.Nodes;
using Hydro.Core.Evaluation;
using Hydro.Core.Runs;

namespace Hydro.Core.Analysis.Runs;

/// <summary>The files of a probe folder (<see cref="ProbeAnalysis"/>).</summary>
internal static class ProbeFiles
{
    public static void Write(string dir, TrainedRun run, RunMember member, ProbeReport report, RecordedStates test, double[] target, double[] prediction)
    {
        AnalysisFiles.WriteCsv(Path.Combine(dir, "r2.csv"), ["basin", "r2", "days"],
            report.Scores.Select(s => (IEnumerable<string>)[s.Basin, AnalysisFiles.Number(s.R2), AnalysisFiles.Invariant(s.Rows)]));
        AnalysisFiles.WriteCsv(Path.Combine(dir, "cells.csv"), ["state", "rank", "cell", "r"],
            Cells("cell", report.TopCell).Concat(Cells("hidden", report.TopHidden)));
        var fit = report.Fit;
        AnalysisFiles.WriteCsv(Path.Combine(dir, "penalties.csv"), ["penalty", "cv_mse"],
            fit.Penalties.Select((p, i) => (IEnumerable<string>)[AnalysisFiles.Number(p), AnalysisFiles.Number(fit.CrossValidationMse[i])]));

        var folder = Path.Combine(dir, ResultFiles.PredictionsFolder);
        Directory.CreateDirectory(folder);
        foreach (var basin in Enumerable.Range(0, test.Basins.Count).GroupBy(i => test.Basins[i], StringComparer.Ordinal))
        {
            AnalysisFiles.WriteCsv(Path.Combine(folder, ResultFiles.FileName(basin.Key) + ".csv"), ["date", "target", "probe"],
                basin.Select(i => (IEnumerable<string>)[AnalysisFiles.Date(test.Dates[i]), AnalysisFiles.Number(target[i]), AnalysisFiles.Number(prediction[i])]));
        }

        var summary = AnalysisFiles.Summary(ProbeAnalysis.Format, run, [member]);
        summary["seed"] = report.Seed;
        summary["target"] = new JsonObject
        {
            ["variable"] = report.Target.Variable,
            ["source"] = report.Target.FromRun is { } other ? Path.GetFullPath(other) : "dataset",
        };
        summary["states"] = report.States.ToString().ToLowerInvariant();
        summary["fit_period"] = Period(report.FitPeriod);
        summary["test_period"] = Period(report.TestPeriod);
        summary["basins"] = report.Basins.Count;
        summary["penalty"] = fit.Penalty;
        summary["train_rows"] = fit.TrainRows;
        summary["test_rows"] = fit.TestRows;
        summary["train_r2"] = AnalysisFiles.Json(fit.TrainR2);
        summary["test_r2"] = AnalysisFiles.Json(fit.TestR2);
        summary["median_basin_r2"] = AnalysisFiles.Json(report.MedianBasinR2);
        summary["top_cells"] = new JsonObject
        {
            ["cell"] = Json(report.TopCell),
            ["hidden"] = Json(report.TopHidden),
        };
        summary["warnings"] = AnalysisFiles.Strings(report.Warnings);
        AnalysisFiles.WriteJson(Path.Combine(dir, AnalysisFiles.SummaryJson), summary);
    }

    private static IEnumerable<IEnumerable<string>> Cells(string state, IReadOnlyList<Analysis.CorrelatedCell> cells) =>
        cells.Select((c, i) => (IEnumerable<string>)[state, AnalysisFiles.Invariant(i + 1), AnalysisFiles.Invariant(c.Cell), AnalysisFiles.Number(c.R)]);

    private static JsonArray Json(IReadOnlyList<Analysis.CorrelatedCell> cells) =>
        new([.. cells.Select(c => (JsonNode)new JsonObject { ["cell"] = c.Cell, ["r"] = AnalysisFiles.Json(c.R) })]);

    private static JsonObject Period((string Name, DateTime Start, DateTime End) p) => new()
    {
        ["name"] = p.Name,
        ["start"] = AnalysisFiles.Date(p.Start),
        ["end"] = AnalysisFiles.Date(p.End),
    };
}
