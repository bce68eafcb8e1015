using System.CommandLine;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Host.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro resume RUN</c>: continues an interrupted run from its newest checkpoints, then evaluates it.</summary>
internal static class ResumeVerb
{
    public static Command Create(IServiceProvider services)
    {
        var run = new Argument<string>("RUN") { Description = "The run directory (written by hydro train)." };
        var noEvaluate = new Option<bool>("--no-evaluate") { Description = "Do not evaluate evaluation.period after training." };
        var stopAfter = TrainVerb.StopAfterOption();
        var command = new Command("resume", "Continue a run that was cancelled, crashed or stopped with --stop-after-epoch, "
            + "from each model's newest checkpoint, with the plugins recorded in its plugins.lock; on the CPU the result is "
            + "bit-identical to an uninterrupted run. Then evaluate as train does.")
        {
            run,
            noEvaluate,
            stopAfter,
        };
        command.SetAction((parse, ct) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(run)!);
            var work = services.GetRequiredService<RunWork>();
            var catalog = work.RunCatalog(directory);
            using var runLock = RunLock.Acquire(directory);
            var progress = work.NewConsole();
            var options = RunWork.TrainOptions(progress, catalog.Result.Lock, ct, parse.GetValue(stopAfter));
            var result = new TrainingService(catalog.Catalog).Resume(directory, options);
            return Task.FromResult(work.Finish(result, progress, !parse.GetValue(noEvaluate), ct));
        });
        return command;
    }
}
