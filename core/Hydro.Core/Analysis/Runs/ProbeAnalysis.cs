using Hydro.Abstractions.Contracts;
using Hydro.Core.Evaluation;
using Hydro.Core.Runs;
using Hydro.Torch;

namespace Hydro.Core.Analysis.Runs;

/// <summary>
/// <c>hydro probe</c>: does the model's memory hold a hydrological store it was never trained on (Lees et al. 2022)? Records
/// c[t] (and h[t]) of an <see cref="IRecurrentBackbone"/> on every day of a fit and a test period, fits a ridge probe from
/// the states to the target on the fit period (penalty by cross-validation there, <see cref="RidgeProbe"/>) and scores it by
/// R² on the test period, pooled and per basin, with the cells most correlated with the target.
/// </summary>
/// <remarks>
/// One member is probed (the first, or the one chosen with <c>--seed</c>): cells are not comparable across seeds. The
/// states of a day come from the tiling window that scores it (<see cref="StateRecorder"/>). Days whose target is missing
/// are left out. The pooled R² includes the differences between basins' means (a snowy basin against a snow-free one);
/// the per-basin R² is around each basin's own mean, NaN where the target is constant (no snow in the test period).
/// </remarks>
public static class ProbeAnalysis
{
    /// <summary>The <c>format</c> of its <c>summary.json</c>.</summary>
    public const string Format = "hydro.probe/1";

    /// <summary>Fits and scores the probe and writes <c>r2.csv</c>, <c>cells.csv</c>, <c>penalties.csv</c>, <c>predictions/&lt;basin&gt;.csv</c> and <c>summary.json</c>.</summary>
    /// <exception cref="RunException">Unknown or unusable target, periods, attribute or basins; a backbone without states; too few rows.</exception>
    /// <exception cref="DataException">The data cannot be read.</exception>
    public static ProbeReport Run(TrainedRun run, ProbeRequest request)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        var o = run.Experiment.Options;
        if (request.FitPeriod == request.TestPeriod)
        {
            throw new RunException($"the probe is fitted on one period and scored on another; both are '{request.FitPeriod}'");
        }

        if (request.TopCells < 1)
        {
            throw new RunException($"top cells must be at least 1, got {request.TopCells}");
        }

        var fit = run.PeriodOf(request.FitPeriod);
        var test = run.PeriodOf(request.TestPeriod);
        var scored = request.ScoredSteps ?? o.Training.PredictLastN;
        if (scored < 1 || scored > o.Training.SequenceLength)
        {
            throw new RunException($"scored steps must be in 1..{o.Training.SequenceLength} (the run's sequence_length), got {scored}");
        }

        var device = AnalysisSetup.Device(run, request.Device);
        var member = AnalysisSetup.Member(run);
        var models = run.LoadModels(device, [member]);
        using var model = models[0];
        var recurrent = AnalysisSetup.Recurrent(run, model, "probe");
        using var data = run.OpenData(device, request.Basins);
        var target = request.Target;
        if (target.FromRun is null)
        {
            TargetSeries.CheckDatasetVariable(data.Description, run, target.Variable);
        }
        else
        {
            CheckOtherRun(target, request.FitPeriod, request.TestPeriod);
        }

        var warnings = new List<string>();
        var basins = BasinFilter.Select(data, request.Where, fit.Start, request.CancellationToken);
        var ct = request.CancellationToken;
        var stores = new[] { (request.FitPeriod, fit), (request.TestPeriod, test) }
            .Select(p => data.Load(p.Item1, p.Item2.Start, p.Item2.End, subset: basins, observations: false, cancellationToken: ct)).ToArray();
        var batchers = stores.Select(s => run.Batcher(s, device, request.ScoredSteps)).ToArray();
        var batchSize = o.Training.BatchSize;
        var total = stores.Select((s, i) => new PeriodPredictor(s, batchers[i], batchSize).Windows().Count).Sum();
        var done = 0;
        void Done(int n) => request.Progress?.Report((done += n, total));

        using var scope = torch.NewDisposeScope();
        var states = stores.Select((s, i) => StateRecorder.Record(model, recurrent, s, batchers[i], batchSize, Done, ct)).ToArray();
        var names = new[] { request.FitPeriod, request.TestPeriod };
        var periods = new[] { fit, test };
        var targets = states.Select((s, i) => Values(data, target, names[i], periods[i], basins, s, warnings, ct)).ToArray();
        foreach (var (s, name) in states.Zip(names))
        {
            var seen = s.Basins.ToHashSet(StringComparer.Ordinal);
            warnings.AddRange(basins.Where(b => !seen.Contains(b)).Select(b => $"basin {b}: no window with complete inputs and attributes in the {name} period; left out of it"));
        }

        var report = Fit(run, request, member, basins, states, targets, warnings);
        AtomicDirectory.Create(report.Report.OutputDirectory, dir => ProbeFiles.Write(dir, run, member, report.Report, states[1], targets[1], report.Prediction), replace: true);
        return report.Report;
    }

    private static (ProbeReport Report, double[] Prediction) Fit(TrainedRun run, ProbeRequest request, RunMember member, IReadOnlyList<string> basins,
        RecordedStates[] states, double[][] targets, List<string> warnings)
    {
        var (fitStates, testStates) = (states[0], states[1]);
        var fitFinite = targets[0].Count(double.IsFinite);
        var testFinite = targets[1].Count(double.IsFinite);
        if (fitFinite < Math.Max(request.Ridge.Folds, 3) || testFinite < 2)
        {
            throw new RunException($"probe target {request.Target}: {fitFinite} days with a value in the {request.FitPeriod} period and {testFinite} in the {request.TestPeriod} period "
                + $"over {basins.Count} basins; the probe needs values in both");
        }

        var fitValues = targets[0].Where(double.IsFinite).ToArray();
        if (fitValues.Min() == fitValues.Max())
        {
            throw new RunException($"probe target {request.Target} is {fitValues[0].ToString(System.Globalization.CultureInfo.InvariantCulture)} on every one of its {fitValues.Length} days in the {request.FitPeriod} period "
                + $"over {basins.Count} basins: a constant has nothing to recover (check the variable: some forcing files carry a column of zeros, e.g. swe in the CAMELS Daymet forcings)");
        }

        var testValues = targets[1].Where(double.IsFinite).ToArray();
        if (testValues.Min() == testValues.Max())
        {
            warnings.Add($"probe target {request.Target} is constant in the {request.TestPeriod} period: its R² is undefined (NaN)");
        }

        var features = Features(fitStates, testStates, request.States);
        var y = torch.tensor([.. targets[0], .. targets[1]]);
        var train = Enumerable.Repeat(true, targets[0].Length).Concat(Enumerable.Repeat(false, targets[1].Length)).ToArray();
        RidgeProbeResult result;
        try
        {
            result = RidgeProbe.Fit(features, y, train, [.. fitStates.Basins, .. testStates.Basins], request.Ridge);
        }
        catch (ArgumentException e)
        {
            throw new RunException($"probe: {e.Message}", e);
        }

        var testY = torch.tensor(targets[1]);
        var prediction = result.Predict(features.narrow(0, targets[0].Length, targets[1].Length)).data<double>();
        var counts = testStates.Basins.Select((b, i) => (b, i)).Where(x => double.IsFinite(targets[1][x.i])).GroupBy(x => x.b).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var scores = basins.Where(counts.ContainsKey).Select(b => new BasinProbeScore(b, result.GroupR2.GetValueOrDefault(b, double.NaN), counts[b])).ToList();
        var output = request.OutputDirectory ?? AnalysisFiles.DefaultFolder(run, Folder(request));
        var report = new ProbeReport(Path.GetFullPath(output), request.Target, member.Seed, request.States,
            (request.FitPeriod, run.PeriodOf(request.FitPeriod).Start, run.PeriodOf(request.FitPeriod).End),
            (request.TestPeriod, run.PeriodOf(request.TestPeriod).Start, run.PeriodOf(request.TestPeriod).End),
            basins, result, scores, CellCorrelation.Top(testStates.Cell, testY, request.TopCells), CellCorrelation.Top(testStates.Hidden, testY, request.TopCells), warnings);
        return (report, prediction);
    }

    private static Tensor Features(RecordedStates fit, RecordedStates test, ProbeStates which) => which switch
    {
        ProbeStates.Cell => torch.cat([fit.Cell, test.Cell], 0),
        ProbeStates.Hidden => torch.cat([fit.Hidden, test.Hidden], 0),
        _ => torch.cat([torch.cat([fit.Cell, fit.Hidden], 1), torch.cat([test.Cell, test.Hidden], 1)], 0),
    };

    private static double[] Values(RunData data, ProbeTarget target, string period, (DateTime Start, DateTime End) dates, IReadOnlyList<string> basins,
        RecordedStates states, List<string> warnings, CancellationToken ct)
    {
        TargetSeries series;
        if (target.FromRun is { } other)
        {
            var missing = new List<string>();
            series = TargetSeries.FromRun(other, period, target.Variable, basins, missing);
            if (missing.Count > 0)
            {
                warnings.Add($"{missing.Count} basin(s) have no prediction file in {TargetSeries.PredictionsFolder(other, period)} ({string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : "")}); their {period} days are left out");
            }
        }
        else
        {
            series = TargetSeries.FromDataset(data, target.Variable, period, dates.Start, dates.End, basins, ct);
        }

        return [.. states.Basins.Select((b, i) => series.At(b, states.Dates[i]))];
    }

    private static void CheckOtherRun(ProbeTarget target, string fitPeriod, string testPeriod)
    {
        var other = target.FromRun!;
        if (!Directory.Exists(other))
        {
            throw new RunException($"--from-run {other}: no such run directory");
        }

        foreach (var period in new[] { fitPeriod, testPeriod })
        {
            var folder = TargetSeries.PredictionsFolder(other, period);
            var columns = TargetSeries.Columns(folder)
                ?? throw new RunException($"{other} has no predictions for the {period} period ({folder}); run 'hydro evaluate {other} --period {period}' first");
            if (!columns.Contains(target.Variable) || target.Variable == "date")
            {
                throw new RunException($"{folder}: " + AnalysisSetup.Unknown("column", target.Variable, columns));
            }
        }
    }

    private static string Folder(ProbeRequest request)
    {
        var name = "probe_" + AnalysisFiles.Safe(request.Target.Variable);
        if (request.Target.FromRun is { } other)
        {
            name += "_from_" + AnalysisFiles.Safe(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(other))));
        }

        if (request.BasinsLabel is { } label)
        {
            name += "_" + AnalysisFiles.Safe(label);
        }

        foreach (var c in request.Where)
        {
            name += "_" + AnalysisFiles.Safe(c.Slug());
        }

        return request.States == ProbeStates.Cell ? name : $"{name}_{request.States.ToString().ToLowerInvariant()}";
    }
}
