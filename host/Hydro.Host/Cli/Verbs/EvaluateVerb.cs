using System.CommandLine;
using Hydro.Core.Evaluation;
using Hydro.Host.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro evaluate RUN [--period P] [--epoch N]</c>: per-basin metrics, predictions and a summary for a period.</summary>
internal static class EvaluateVerb
{
    public static Command Create(IServiceProvider services)
    {
        var run = new Argument<string>("RUN") { Description = "The run directory (written by hydro train)." };
        var period = PeriodOption("The period to evaluate: train, validation or test (default: the experiment's evaluation.period).");
        var epoch = EpochOption();
        var seed = new Option<int?>("--seed")
        {
            Description = "Evaluate one member of an ensemble (default: the mean of all its models).",
            HelpName = "N",
        };
        var output = OutputOption("Results folder (default: RUN/results/<period>, with _seed_N and _epoch_NNN when chosen); replaced if it exists.");
        var command = new Command("evaluate", "Evaluate a trained run on a period: writes metrics.csv (one row per basin), "
            + "predictions/<basin>.csv (observed, simulated and every model output per day), parameters.csv (models with a "
            + "learner) and summary.json (median, mean and count of basins with NSE <= 0 per metric).")
        {
            run,
            period,
            epoch,
            seed,
            output,
        };
        command.SetAction((parse, ct) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(run)!);
            var work = services.GetRequiredService<RunWork>();
            var catalog = work.RunCatalog(directory);
            using var runLock = RunWork.LockIfWritingInto(directory, parse.GetValue(output));
            var progress = work.NewConsole();
            var result = new Evaluator(catalog.Catalog).Evaluate(directory, new EvaluateRequest
            {
                Period = parse.GetValue(period),
                Epoch = parse.GetValue(epoch),
                Seed = parse.GetValue(seed),
                OutputDirectory = parse.GetValue(output),
                Progress = progress,
                CancellationToken = ct,
            });
            return Task.FromResult(work.Show(result, progress));
        });
        return command;
    }

    public static Option<string?> PeriodOption(string description)
    {
        var option = new Option<string?>("--period") { Description = description, HelpName = "PERIOD" };
        option.AcceptOnlyFromAmong("train", "validation", "test");
        return option;
    }

    public static Option<int?> EpochOption()
    {
        var option = new Option<int?>("--epoch")
        {
            Description = "Use each model's checkpoint of this epoch (default: best validation, else the last).",
            HelpName = "N",
        };
        option.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 1)
            {
                r.AddError($"--epoch must be at least 1, got {n}");
            }
        });
        return option;
    }

    public static Option<string?> OutputOption(string description) => new("--out", "-o") { Description = description, HelpName = "DIR" };
}
