using System.Text.Json.Nodes;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Models;
using Hydro.Core.Runs;
using Hydro.Torch;

namespace Hydro.Core.Analysis.Runs;

/// <summary>
/// <c>hydro sensitivity</c>: Morris elementary effects of a trained run's prediction with respect to each standardised
/// static input (Kratzert et al. 2019, eq. 14–15, Table 4), as exact gradients over every day of a period.
/// </summary>
/// <remarks>
/// <para>Windows tile the period as in evaluation (<see cref="PeriodPredictor.Windows"/>), so each day is scored by one
/// window; its gradient <c>∂ŷ(b, t)/∂x_s(b)</c> is taken through the whole window (<see cref="MorrisSensitivity"/>).
/// Days before the period (the first window's history) are never scored. An ensemble is differentiated as the run
/// predicts: the mean of its members' predictions (whose gradient is the mean of theirs); <c>--seed</c> picks one member.</para>
/// <para>Values are in the target's unit per standard deviation of the input (de-normalised when the run normalises its
/// targets); the ranking is invariant to that scale.</para>
/// </remarks>
public static class SensitivityAnalysis
{
    /// <summary>The <c>format</c> of its <c>summary.json</c>.</summary>
    public const string Format = "hydro.sensitivity/1";

    /// <summary>Per-basin sensitivities [basin × attribute].</summary>
    public const string SensitivityCsv = "sensitivity.csv";

    /// <summary>The global ranking.</summary>
    public const string RankingCsv = "ranking.csv";

    /// <summary>Computes the sensitivities and writes <see cref="SensitivityCsv"/>, <see cref="RankingCsv"/> and <c>summary.json</c>.</summary>
    /// <exception cref="RunException">No static inputs, unknown period or target, bad options, no window to score.</exception>
    /// <exception cref="DataException">The data cannot be read.</exception>
    public static SensitivityReport Run(TrainedRun run, SensitivityRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        request ??= new SensitivityRequest();
        var o = run.Experiment.Options;
        AnalysisSetup.RequireStatics(run, "sensitivity");
        var periodName = request.Period ?? o.Evaluation.Period;
        var (start, end) = run.PeriodOf(periodName);
        var target = request.Target ?? o.Targets[0];
        var k = o.Targets.ToList().IndexOf(target);
        if (k < 0)
        {
            throw new RunException(AnalysisSetup.Unknown("target", target, o.Targets) + "; sensitivity differentiates one of the run's targets");
        }

        var scored = request.ScoredSteps ?? o.Training.PredictLastN;
        if (scored < 1 || scored > o.Training.SequenceLength)
        {
            throw new RunException($"scored steps must be in 1..{o.Training.SequenceLength} (the run's sequence_length), got {scored}");
        }

        var batchSize = request.BatchSize ?? o.Training.BatchSize;
        if (batchSize < 1)
        {
            throw new RunException($"batch size must be at least 1, got {batchSize}");
        }

        var device = AnalysisSetup.Device(run, request.Device);
        using var data = run.OpenData(device);
        var unit = data.Description.Variables.FirstOrDefault(v => v.Name == target)?.Unit ?? "-";
        var store = data.Load(periodName, start, end, observations: false, cancellationToken: request.CancellationToken);
        var warnings = store.Warnings.ToList();
        var batcher = run.Batcher(store, device, request.ScoredSteps);
        var windows = new PeriodPredictor(store, batcher, batchSize).Windows();
        var morris = new MorrisSensitivity(o.Inputs.Static);
        var models = run.LoadModels(device);
        try
        {
            Accumulate(morris, models, store, batcher, windows, batchSize, k, request);
        }
        finally
        {
            foreach (var m in models)
            {
                m.Dispose();
            }
        }

        var raw = morris.Result();
        if (raw.Basins.Count == 0)
        {
            throw new RunException($"no window of {o.Training.SequenceLength} days with complete inputs ends in the {periodName} period {start:yyyy-MM-dd}..{end:yyyy-MM-dd}; nothing to differentiate");
        }

        var seen = raw.Basins.ToHashSet(StringComparer.Ordinal);
        warnings.AddRange(store.Basins.Where(b => !seen.Contains(b.Basin))
            .Select(b => $"basin {b.Basin}: no window with complete inputs and attributes in the {periodName} period; left out"));
        var result = Scaled(raw, run.Normalizer.NormalizeTargets ? run.Normalizer.Targets[k].Scale : 1.0);
        var output = request.OutputDirectory ?? AnalysisFiles.DefaultFolder(run, $"sensitivity_{periodName}" + (o.Targets.Count > 1 ? $"_{AnalysisFiles.Safe(target)}" : ""));
        var report = new SensitivityReport(Path.GetFullPath(output), periodName, start, end, target, $"{unit} per standard deviation of the input",
            [.. run.Members.Select(m => m.Seed)], result, warnings);
        AtomicDirectory.Create(output, dir => Write(dir, run, report), replace: true);
        return report;
    }

    private static void Accumulate(MorrisSensitivity morris, IReadOnlyList<HydroModel> models, BasinStore store, Batcher batcher, IReadOnlyList<WindowRef> windows,
        int batchSize, int target, SensitivityRequest request)
    {
        var l = batcher.SequenceLength;
        var firstScored = WindowSampler.FirstScoredPosition(l, batcher.PredictLastN, batcher.Warmup);

        // A window whose scored steps start before the period (the first of a basin) scores from the period's first day:
        // windows are grouped by that first scored step, which is one value for all but those first windows.
        var groups = windows.GroupBy(w => Math.Max(firstScored, store.Basins[w.Basin].PeriodStartIndex - (w.End - l + 1)))
            .Where(g => g.Key < l)
            .SelectMany(g => g.Chunk(batchSize).Select(chunk => (First: g.Key, Windows: chunk)))
            .ToList();
        var total = groups.Sum(g => g.Windows.Length);
        var done = 0;
        var frozen = models.SelectMany(m => m.Parameters()).Select(p => (Parameter: p, p.requires_grad)).ToList();
        foreach (var (p, _) in frozen)
        {
            p.requires_grad = false; // only the statics are differentiated
        }

        try
        {
            foreach (var (first, chunk) in groups)
            {
                request.CancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var batch = batcher.Build(chunk);
                morris.Add(s => MeanPrediction(models, MorrisSensitivity.WithStatics(batch, s)), batch.Static!, batch.Basins, first, target);
                done += chunk.Length;
                request.Progress?.Report((done, total));
            }
        }
        finally
        {
            foreach (var (p, requires) in frozen)
            {
                p.requires_grad = requires;
            }
        }
    }

    /// <summary>The run's prediction [B, T, K]: the mean over its members.</summary>
    private static Tensor MeanPrediction(IReadOnlyList<HydroModel> models, Batch batch)
    {
        Tensor? sum = null;
        foreach (var model in models)
        {
            var y = model.Forward(batch).Outputs.Prediction;
            sum = sum is null ? y : sum + y;
        }

        return models.Count == 1 ? sum! : sum! / models.Count;
    }

    private static StaticSensitivity Scaled(StaticSensitivity s, double scale)
    {
        var values = (double[,])s.Values.Clone();
        for (var b = 0; b < values.GetLength(0); b++)
        {
            for (var i = 0; i < values.GetLength(1); i++)
            {
                values[b, i] *= scale;
            }
        }

        return s with { Values = values };
    }

    private static void Write(string dir, TrainedRun run, SensitivityReport report)
    {
        var s = report.Sensitivity;
        var most = s.MostSensitive();
        AnalysisFiles.WriteCsv(Path.Combine(dir, SensitivityCsv), ["basin", "steps", .. s.Features, "most_sensitive"],
            s.Basins.Select((b, row) => (IEnumerable<string>)[b, AnalysisFiles.Invariant(s.Steps[row]),
                .. Enumerable.Range(0, s.Features.Count).Select(i => AnalysisFiles.Number(s.Values[row, i])), most[row]]));
        var ranking = s.Ranking();
        AnalysisFiles.WriteCsv(Path.Combine(dir, RankingCsv), ["rank", "attribute", "score"],
            ranking.Select(r => (IEnumerable<string>)[AnalysisFiles.Invariant(r.Rank), r.Feature, AnalysisFiles.Number(r.Score)]));
        var summary = AnalysisFiles.Summary(Format, run, run.Members);
        summary["period"] = report.Period;
        summary["start"] = AnalysisFiles.Date(report.Start);
        summary["end"] = AnalysisFiles.Date(report.End);
        summary["target"] = report.Target;
        summary["unit"] = report.Unit;
        summary["ensemble"] = report.Seeds.Count > 1 ? "mean of the members' predictions" : "one model";
        summary["basins"] = s.Basins.Count;
        summary["steps"] = s.Steps.Sum();
        summary["ranking"] = new JsonArray([.. ranking.Select(r => (JsonNode)new JsonObject
        {
            ["rank"] = r.Rank,
            ["attribute"] = r.Feature,
            ["score"] = AnalysisFiles.Json(r.Score),
        })]);
        summary["warnings"] = AnalysisFiles.Strings(report.Warnings);
        AnalysisFiles.WriteJson(Path.Combine(dir, AnalysisFiles.SummaryJson), summary);
    }
}
