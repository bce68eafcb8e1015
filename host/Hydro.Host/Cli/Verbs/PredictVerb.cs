using System.CommandLine;
using Hydro.Core.Evaluation;
using Hydro.Core.Experiments.Model;
using Hydro.Host.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro predict RUN --basins FILE</c>: runs a trained model on basins without observations.</summary>
internal static class PredictVerb
{
    public static Command Create(IServiceProvider services)
    {
        var run = new Argument<string>("RUN") { Description = "The run directory (written by hydro train)." };
        var basins = new Option<string>("--basins")
        {
            Description = "File with one basin id per line (blank lines and # comments ignored); the basins need inputs, not observations.",
            HelpName = "FILE",
            Required = true,
        };
        var start = DateOption("--start", "First step, YYYY-MM-DD or YYYY-MM-DDTHH:MM (with --end; default: the dates of --period).");
        var end = DateOption("--end", "Last step, YYYY-MM-DD (the day's last step) or YYYY-MM-DDTHH:MM (with --start).");
        var period = EvaluateVerb.PeriodOption("Take the dates of this period of the run's experiment (default: evaluation.period).");
        var epoch = EvaluateVerb.EpochOption();
        var output = EvaluateVerb.OutputOption("Output folder (default: RUN/predictions/<start>_<end>); replaced if it exists.");
        var command = new Command("predict", "Run a trained model on basins and dates of your choice, without observations "
            + "(e.g. ungauged basins): writes predictions/<basin>.csv, parameters.csv (models with a learner) and summary.json.")
        {
            run,
            basins,
            start,
            end,
            period,
            epoch,
            output,
        };
        command.SetAction((parse, ct) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(run)!);
            var ids = ReadBasins(parse.GetValue(basins)!);
            var work = services.GetRequiredService<RunWork>();
            var catalog = work.RunCatalog(directory);
            using var runLock = RunWork.LockIfWritingInto(directory, parse.GetValue(output));
            var progress = work.NewConsole();
            var result = new Evaluator(catalog.Catalog).Predict(directory, new PredictRequest
            {
                Basins = ids,
                Start = parse.GetValue(start),
                End = parse.GetValue(end),
                Period = parse.GetValue(period),
                Epoch = parse.GetValue(epoch),
                OutputDirectory = parse.GetValue(output),
                Progress = progress,
                CancellationToken = ct,
            });
            return Task.FromResult(work.Show(result, progress));
        });
        return command;
    }

    /// <summary>A date <c>YYYY-MM-DD</c> or date and time <c>YYYY-MM-DDTHH:MM</c>; an end given as a date is the day's last step.</summary>
    internal static Option<PeriodDate?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD[THH:MM]",
        CustomParser = r =>
        {
            var token = r.Tokens.Single().Value;
            if (PeriodDate.TryParse(token, out var d))
            {
                return d;
            }

            r.AddError($"{name} must be a date YYYY-MM-DD or a date and time YYYY-MM-DDTHH:MM, got '{token}'");
            return null;
        },
    };

    /// <summary>The ids of a basin file, one per line; <c>#</c> starts a comment.</summary>
    internal static List<string> ReadBasins(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--basins {path}: {e.Message}", e);
        }

        var ids = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var id = lines[i].Split('#')[0].Trim();
            if (id.Length == 0)
            {
                continue;
            }

            if (!seen.TryAdd(id, i + 1))
            {
                throw new BadInputException($"{path}:{i + 1}: basin '{id}' is listed twice (also on line {seen[id]})");
            }

            ids.Add(id);
        }

        return ids.Count > 0 ? ids : throw new BadInputException($"--basins {path}: the file lists no basin");
    }
}
