using System.Globalization;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Data;
using Hydro.Core.Experiments.Model;
using Hydro.Core.Metrics;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Torch;

namespace Hydro.Core.Evaluation;

/// <summary>
/// Runs a trained model over a period (DESIGN "Runs"): <see cref="Evaluate"/> compares with observations and writes
/// per-basin metrics, predictions and a summary; <see cref="Predict"/> runs on basins without observations.
/// </summary>
/// <remarks>
/// Inputs are normalised with the run's saved training statistics; windows tile the period as in validation, so each
/// day's prediction comes from the window that ends on it (sequence-to-one) or covers it (<c>predict_last_n</c>).
/// Everything is written into a temporary folder that replaces the results folder only when complete.
/// </remarks>
public sealed class Evaluator
{
    private readonly ComponentCatalog catalog;

    /// <summary>Creates the evaluator over the components the run needs (built-in plugins and those in its <c>plugins.lock</c>).</summary>
    public Evaluator(ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        this.catalog = catalog;
    }

    /// <summary>Evaluates a run on a period of its experiment.</summary>
    /// <exception cref="RunException">Not a run, unknown or undefined period, missing checkpoint, unknown metric.</exception>
    /// <exception cref="DataException">The data cannot be read.</exception>
    public EvaluationResult Evaluate(string runDirectory, EvaluateRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        request ??= new EvaluateRequest();
        var run = TrainedRun.Open(runDirectory, catalog, request.Epoch, request.Seed);
        var o = run.Experiment.Options;
        var periodName = request.Period ?? o.Evaluation.Period;
        var period = run.PeriodOf(periodName);
        var metrics = (request.Metrics ?? o.Evaluation.Metrics).Select(MetricDefinition).ToList();
        var device = TrainingSetup.ParseDevice(request.Device ?? o.Device);
        var folder = periodName + (request.Seed is { } s ? $"_seed_{s.ToString(CultureInfo.InvariantCulture)}" : "")
            + (request.Epoch is { } e ? $"_epoch_{e.ToString("000", CultureInfo.InvariantCulture)}" : "");
        var output = request.OutputDirectory ?? Path.Combine(run.Directory, "results", folder);
        if (o.Forecast is not null)
        {
            return ForecastEvaluation.Evaluate(run, periodName, period.Start, period.End, metrics, device, output, request);
        }

        var (predictions, warnings) = Run(run, periodName, period.Start, period.End, device, basins: null, perBasin: true, observations: true, request.Progress, request.CancellationToken);

        var targets = o.Targets;
        var table = predictions.Select(p => (p.Basin, Values: metrics.SelectMany(m => Enumerable.Range(0, targets.Count)
            .Select(k => m.Compute(p.SimulatedSeries(k), p.ObservedSeries(k)))).ToArray())).ToList();
        var columns = metrics.SelectMany(m => targets.Select(t => targets.Count == 1 ? m.Name : $"{t}_{m.Name}")).ToList();
        var summaries = columns.Select((c, i) => MetricSummary.Of(c, table.Select(r => new KeyValuePair<string, MetricResult>(r.Basin, r.Values[i])))).ToList();
        var result = new EvaluationResult(Path.GetFullPath(output), periodName, period.Start, period.End, predictions.Count, summaries, warnings) { Step = run.Description.Step };
        AtomicDirectory.Create(output, dir =>
        {
            ResultFiles.WriteMetrics(Path.Combine(dir, ResultFiles.MetricsCsv), columns, table);
            ResultFiles.WritePredictions(Path.Combine(dir, ResultFiles.PredictionsFolder), predictions);
            ResultFiles.WriteParameters(Path.Combine(dir, ResultFiles.ParametersCsv), predictions);
            ResultFiles.WriteSummary(Path.Combine(dir, ResultFiles.SummaryJson), run, result, predictions);
        }, replace: true);
        return result;
    }

    /// <summary>Runs a trained model on <see cref="PredictRequest.Basins"/> (no observations needed) and writes their predictions.</summary>
    /// <exception cref="RunException">Not a run, no dates, missing checkpoint.</exception>
    /// <exception cref="DataException">A basin's inputs cannot be read.</exception>
    public EvaluationResult Predict(string runDirectory, PredictRequest request)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Basins is { Count: 0 })
        {
            throw new RunException("no basins to predict");
        }

        var run = TrainedRun.Open(runDirectory, catalog, request.Epoch);
        var o = run.Experiment.Options;
        var (name, start, end) = Dates(o, request.Start, request.End, request.Period, run.Description, run.Experiment.File);
        var device = TrainingSetup.ParseDevice(request.Device ?? o.Device);
        var (predictions, warnings) = Run(run, name, start, end, device, request.Basins, perBasin: request.Start is null, observations: false, request.Progress, request.CancellationToken);
        var output = request.OutputDirectory ?? Path.Combine(run.Directory, "predictions", FolderName(start, end, run.Description.Step));
        var result = new EvaluationResult(Path.GetFullPath(output), name, start, end, predictions.Count, [], warnings) { Step = run.Description.Step };
        AtomicDirectory.Create(output, dir =>
        {
            ResultFiles.WritePredictions(Path.Combine(dir, ResultFiles.PredictionsFolder), predictions, observed: false);
            ResultFiles.WriteParameters(Path.Combine(dir, ResultFiles.ParametersCsv), predictions);
            ResultFiles.WriteSummary(Path.Combine(dir, ResultFiles.SummaryJson), run, result, predictions);
        }, replace: true);
        return result;
    }

    private static (IReadOnlyList<BasinPrediction> Predictions, List<string> Warnings) Run(TrainedRun run, string periodName, DateTime start, DateTime end,
        Device device, IReadOnlyList<string>? basins, bool perBasin, bool observations, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var t = run.Experiment.Options.Training;
        var store = run.LoadPeriod(periodName, start, end, device, basins, perBasin, observations, ct);
        var warnings = store.Warnings.ToList();
        var batcher = run.Batcher(store, device);
        var models = run.LoadModels(device);
        try
        {
            var predictions = new PeriodPredictor(store, batcher, t.BatchSize).Predict(models, progress: progress, cancellationToken: ct);
            var predicted = predictions.Select(p => p.Basin).ToHashSet(StringComparer.Ordinal);
            foreach (var b in store.Basins.Where(b => !predicted.Contains(b.Basin)))
            {
                warnings.Add($"basin {b.Basin}: no window of {t.SequenceLength} {StepWord(store.Step)} with complete inputs ends in {TimeSteps.Format(start, store.Step)}..{TimeSteps.Format(end, store.Step)}; not predicted");
            }

            return (predictions, warnings);
        }
        finally
        {
            foreach (var m in models)
            {
                m.Dispose();
            }
        }
    }

    /// <summary>
    /// The first and last step asked for: <paramref name="start"/> and <paramref name="end"/> (period <c>custom</c>), or
    /// those of a period (default: evaluation.period); an end given as a date is the day's last step of <paramref name="data"/>.
    /// </summary>
    /// <exception cref="RunException">Only one date given, an end before the start, an undefined period.</exception>
    /// <exception cref="DataException">A bound off the dataset's time grid.</exception>
    internal static (string Name, DateTime Start, DateTime End) Dates(ExperimentOptions o, PeriodDate? start, PeriodDate? end, string? period, DatasetDescription data,
        string file)
    {
        if (start is null != end is null)
        {
            throw new RunException("give both a start and an end date, or neither (then the dates of a period of the experiment are used)");
        }

        var name = start is null ? period ?? o.Evaluation.Period : "custom";
        DateTime from, to;
        if (start is { } s && end is { } e)
        {
            (from, to) = (s.AsStart, e.AsEnd(data.Step));
            TimeSteps.CheckOnGrid(s, from, "--start", data, null);
            TimeSteps.CheckOnGrid(e, to, "--end", data, null);
        }
        else
        {
            (from, to) = TimeSteps.Resolve(TrainedRun.PeriodOf(o, name), name, data, file);
        }

        return to < from ? throw new RunException($"the end {TimeSteps.Format(to, data.Step)} is before the start {TimeSteps.Format(from, data.Step)}") : (name, from, to);
    }

    /// <summary>The default output folder of a prediction: <c>yyyyMMdd_yyyyMMdd</c>, with <c>THHmm</c> for sub-daily data.</summary>
    internal static string FolderName(DateTime start, DateTime end, TimeSpan step)
    {
        var format = TimeSteps.IsDaily(step) ? "yyyyMMdd" : "yyyyMMdd'T'HHmm";
        return start.ToString(format, CultureInfo.InvariantCulture) + "_" + end.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>"days" for daily data, "steps" otherwise (messages).</summary>
    internal static string StepWord(TimeSpan step) => step == TimeSteps.Day ? "days" : "steps";

    private static MetricDefinition MetricDefinition(string name)
    {
        try
        {
            return MetricCatalog.Get(name);
        }
        catch (UnknownMetricException e)
        {
            throw new RunException(e.Message, e);
        }
    }
}
