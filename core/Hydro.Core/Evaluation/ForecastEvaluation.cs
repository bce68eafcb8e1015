using Hydro.Core.Data;
using Hydro.Core.Metrics;
using Hydro.Core.Runs;
using Hydro.Torch;

namespace Hydro.Core.Evaluation;

/// <summary>
/// Evaluates a forecast run (<c>forecast:</c>) on a period: forecasts from every issue time, metrics per lead time for
/// the model and for persistence, written atomically into the results folder.
/// </summary>
/// <remarks>
/// <para>Files: <c>lead_times.csv</c>, <c>forecasts/&lt;basin&gt;.csv</c>, <c>metrics.csv</c> and <c>summary.json</c>
/// (see <see cref="ForecastFiles"/>). <c>metrics.csv</c> and the summary's <c>metrics</c> block hold lead time
/// <see cref="ForecastFiles.MetricsLead"/> (the one-step-ahead forecast), so tools that read a hindcast's results
/// read a forecast's too; the summary's <c>lead_times</c> block has every lead.</para>
/// </remarks>
internal static class ForecastEvaluation
{
    public static EvaluationResult Evaluate(TrainedRun run, string periodName, DateTime start, DateTime end, IReadOnlyList<MetricDefinition> metrics,
        Device device, string output, EvaluateRequest request)
    {
        var o = run.Experiment.Options;
        var t = o.Training;
        var ct = request.CancellationToken;
        var store = run.LoadPeriod(periodName, start, end, device, cancellationToken: ct);
        var warnings = store.Warnings.ToList();
        var batcher = run.Batcher(store, device);
        var horizon = batcher.Forecast!.Horizon;
        var models = run.LoadModels(device);
        IReadOnlyList<BasinForecast> forecasts;
        try
        {
            forecasts = new ForecastPredictor(store, batcher, t.BatchSize).Predict(models, request.Progress, ct);
        }
        finally
        {
            foreach (var m in models)
            {
                m.Dispose();
            }
        }

        var forecast = forecasts.Select(f => f.Basin).ToHashSet(StringComparer.Ordinal);
        foreach (var b in store.Basins.Where(b => !forecast.Contains(b.Basin)))
        {
            warnings.Add($"basin {b.Basin}: no issue time in {TimeSteps.Format(start, store.Step)}..{TimeSteps.Format(end, store.Step)} has {t.SequenceLength} + {horizon} steps of complete inputs; not forecast");
        }

        var columns = LeadTimeEvaluation.Columns(metrics, o.Targets);
        var rows = LeadTimeEvaluation.Compute(forecasts, metrics);
        var leads = LeadTimeEvaluation.Summarise(rows, columns, horizon);
        var result = new EvaluationResult(Path.GetFullPath(output), periodName, start, end, forecasts.Count, leads[ForecastFiles.MetricsLead - 1].Model, warnings)
        {
            LeadTimes = leads,
            Step = store.Step,
        };
        AtomicDirectory.Create(output, dir =>
        {
            ResultFiles.WriteMetrics(Path.Combine(dir, ResultFiles.MetricsCsv), columns,
                rows.Where(r => r.Lead == ForecastFiles.MetricsLead).Select(r => (r.Basin, r.Model)));
            ForecastFiles.WriteLeadTimes(Path.Combine(dir, ForecastFiles.LeadTimesCsv), columns, rows);
            ForecastFiles.WriteForecasts(Path.Combine(dir, ForecastFiles.ForecastsFolder), forecasts);
            var summary = Path.Combine(dir, ResultFiles.SummaryJson);
            ResultFiles.WriteSummary(summary, run, result, []);
            ForecastFiles.AddToSummary(summary, horizon, leads);
        }, replace: true);
        return result;
    }
}
