using Hydro.Core.Analysis.Runs;
using Hydro.Core.Evaluation;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Host.Cli;
using Hydro.Host.Experiments;
using Hydro.Host.Plugins;

namespace Hydro.Host.Runs;

/// <summary>What <c>train</c> and <c>resume</c> share: the training console, the ending message and the evaluation that follows.</summary>
internal sealed class RunWork(CliConsole console, HydroCliSettings settings, PluginCatalogService plugins)
{
    public TrainingConsole NewConsole() => new(console.Error, settings.ProgressBar);

    /// <summary>The components of a trained run: built-in plugins plus those its plugins.lock records (pinned).</summary>
    /// <exception cref="BadInputException">Not a run directory.</exception>
    /// <exception cref="Hydro.Core.Plugins.PluginLoadException">A recorded plugin is missing or changed.</exception>
    public CatalogLoad RunCatalog(string runDirectory)
    {
        var catalog = plugins.LoadForRun(runDirectory);
        catalog.Result.ThrowIfFailed();
        return catalog;
    }

    /// <summary>Prints why an experiment file was refused (file:line:column lines) and returns the bad-input exit code.</summary>
    public int Refused(ExperimentFileResult loaded)
    {
        foreach (var line in loaded.Errors)
        {
            console.Error.WriteLine(line);
        }

        return ExitCodes.BadInput;
    }

    /// <summary>Ends the progress line, prints the warnings and the results.</summary>
    public int Show(EvaluationResult result, TrainingConsole progress)
    {
        progress.Finish();
        Warn(result);
        ResultsPrinter.Print(console.Out, result);
        return ExitCodes.Ok;
    }

    /// <summary>Prints an analysis' warnings (stderr) and its table (stdout).</summary>
    public int Show(SensitivityReport report)
    {
        Warn(report.Warnings);
        AnalysisPrinter.Print(console.Out, report);
        return ExitCodes.Ok;
    }

    /// <inheritdoc cref="Show(SensitivityReport)"/>
    public int Show(AttentionReport report)
    {
        Warn(report.Warnings);
        AnalysisPrinter.Print(console.Out, report);
        return ExitCodes.Ok;
    }

    /// <inheritdoc cref="Show(SensitivityReport)"/>
    public int Show(EmbeddingReport report)
    {
        Warn(report.Warnings);
        AnalysisPrinter.Print(console.Out, report);
        return ExitCodes.Ok;
    }

    /// <inheritdoc cref="Show(SensitivityReport)"/>
    public int Show(ProbeReport report)
    {
        Warn(report.Warnings);
        AnalysisPrinter.Print(console.Out, report);
        return ExitCodes.Ok;
    }

    /// <inheritdoc cref="Show(SensitivityReport)"/>
    public int Show(RecoveryReport report)
    {
        Warn(report.Warnings);
        AnalysisPrinter.Print(console.Out, report);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Locks the run directory for this command when it writes into it (<paramref name="output"/> null, the default
    /// folder in the run, or a folder inside it); null when it writes elsewhere and only reads the run.
    /// </summary>
    /// <exception cref="Hydro.Core.Runs.RunException">Another process writes into the run.</exception>
    public static RunLock? LockIfWritingInto(string runDirectory, string? output)
    {
        var run = Path.TrimEndingDirectorySeparator(Path.GetFullPath(runDirectory));
        if (output is not null)
        {
            var relative = Path.GetRelativePath(run, Path.GetFullPath(output));
            if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                return null;
            }
        }

        return RunLock.Acquire(run);
    }

    public static TrainOptions TrainOptions(
        TrainingConsole progress, Hydro.Core.Plugins.PluginLock? pluginLock, CancellationToken ct, int? stopAfterEpoch = null, Action<RunLock>? keepRunLock = null) => new()
        {
            KeepRunLock = keepRunLock,
            PluginLock = pluginLock,
            CancellationToken = ct,
            Progress = progress,
            Logger = progress,
            StopAfterEpoch = stopAfterEpoch,
        };

    /// <summary>Reports how training ended; evaluates the experiment's evaluation period when it completed and <paramref name="evaluate"/> is set.</summary>
    public int Finish(TrainingResult result, TrainingConsole progress, bool evaluate, CancellationToken ct)
    {
        progress.Finish();
        console.Out.WriteLine($"run: {result.RunDirectory}");
        switch (result.Status)
        {
            case TrainingStatus.Cancelled:
                console.Error.WriteLine($"hydro: cancelled; a checkpoint was written: continue with 'hydro resume {result.RunDirectory}'");
                return ExitCodes.RunFailed;
            case TrainingStatus.Paused:
                console.Error.WriteLine($"hydro: stopped as asked; continue with 'hydro resume {result.RunDirectory}'");
                return ExitCodes.Ok;
        }

        if (!evaluate)
        {
            return ExitCodes.Ok;
        }

        var evaluation = new Evaluator(RunCatalog(result.RunDirectory).Catalog).Evaluate(result.RunDirectory, new EvaluateRequest { Progress = progress, CancellationToken = ct });
        return Show(evaluation, progress);
    }

    private void Warn(EvaluationResult result) => Warn(result.Warnings);

    private void Warn(IEnumerable<string> warnings)
    {
        foreach (var w in warnings)
        {
            console.Error.WriteLine($"hydro: warning: {w}");
        }
    }
}
