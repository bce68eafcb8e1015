using System.CommandLine;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Host.Experiments;
using Hydro.Host.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro train FILE</c>: trains the experiment into a new run directory, then evaluates its evaluation period.</summary>
internal static class TrainVerb
{
    public static Command Create(IServiceProvider services)
    {
        var file = new Argument<string>("FILE") { Description = "The experiment YAML file." };
        var noEvaluate = new Option<bool>("--no-evaluate") { Description = "Do not evaluate evaluation.period after training." };
        var stopAfter = StopAfterOption();
        var command = new Command("train", "Train an experiment: checks the file, loads the data, trains with progress and "
            + "checkpoints into <output_dir>/<experiment_name>_<yyyyMMdd_HHmmss>/, then evaluates evaluation.period (per-basin "
            + "metrics, predictions, summary). Ctrl+C stops after the current batch and leaves a checkpoint for 'hydro resume'.")
        {
            file,
            noEvaluate,
            stopAfter,
        };
        command.SetAction((parse, ct) =>
        {
            var loaded = services.GetRequiredService<ExperimentFileLoader>().Load(parse.GetValue(file)!);
            var work = services.GetRequiredService<RunWork>();
            if (!loaded.Succeeded)
            {
                return Task.FromResult(work.Refused(loaded));
            }

            var progress = work.NewConsole();
            RunLock? runLock = null; // held from the run directory's creation through the evaluation that follows
            try
            {
                var options = RunWork.TrainOptions(progress, loaded.Catalog.Result.Lock, ct, parse.GetValue(stopAfter), l => runLock = l);
                var result = new TrainingService(loaded.Catalog.Catalog).Train(loaded.Experiment!, options);
                return Task.FromResult(work.Finish(result, progress, !parse.GetValue(noEvaluate), ct));
            }
            finally
            {
                runLock?.Dispose();
            }
        });
        return command;
    }

    /// <summary><c>--stop-after-epoch N</c>: train in slices (e.g. time-limited cluster jobs) and continue with resume.</summary>
    public static Option<int?> StopAfterOption()
    {
        var option = new Option<int?>("--stop-after-epoch")
        {
            Description = "Stop (resumably) once N epochs of the current model are complete; continue with 'hydro resume'.",
            HelpName = "N",
        };
        option.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 1)
            {
                r.AddError($"--stop-after-epoch must be at least 1, got {n}");
            }
        });
        return option;
    }
}
