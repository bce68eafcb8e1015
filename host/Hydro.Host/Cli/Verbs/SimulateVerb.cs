using System.CommandLine;
using Hydro.Core.Evaluation;
using Hydro.Host.Experiments;
using Hydro.Host.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hydro.Host.Cli.Verbs;

/// <summary>
/// <c>hydro simulate SOURCE</c>: runs a model forward for chosen basins and dates and writes every flux and state:
/// SOURCE is an experiment file whose parameters are given (the <c>fixed</c> learner) or a trained run directory.
/// </summary>
internal static class SimulateVerb
{
    public static Command Create(IServiceProvider services)
    {
        var source = new Argument<string>("SOURCE")
        {
            Description = "An experiment YAML file with given parameters (learner type: fixed), or a run directory written by hydro train.",
        };
        var basins = new Option<string?>("--basins")
        {
            Description = "File with one basin id per line (blank lines and # comments ignored); default: the experiment's basins.",
            HelpName = "FILE",
        };
        var start = PredictVerb.DateOption("--start", "First step, YYYY-MM-DD or YYYY-MM-DDTHH:MM (with --end; default: the dates of --period).");
        var end = PredictVerb.DateOption("--end", "Last step, YYYY-MM-DD (the day's last step) or YYYY-MM-DDTHH:MM (with --start).");
        var period = EvaluateVerb.PeriodOption("Take the dates of this period of the experiment (default: evaluation.period).");
        var output = EvaluateVerb.OutputOption("Output folder (default: <output_dir>/simulations/<experiment>_<start>_<end> for a file, RUN/predictions/<start>_<end> for a run); replaced if it exists.");
        var command = new Command("simulate", "Run a model forward without training, for basins and dates of your choice: writes "
            + "predictions/<basin>.csv with every flux and state the backbone reports, parameters.csv and summary.json "
            + "(with the water-balance closure when the backbone reports it). Observations are not needed.")
        {
            source,
            basins,
            start,
            end,
            period,
            output,
        };
        command.SetAction((parse, ct) =>
        {
            var path = parse.GetValue(source)!;
            var ids = parse.GetValue(basins) is { } file ? PredictVerb.ReadBasins(file) : null;
            var work = services.GetRequiredService<RunWork>();
            var progress = work.NewConsole();
            var request = new PredictRequest
            {
                Basins = ids,
                Start = parse.GetValue(start),
                End = parse.GetValue(end),
                Period = parse.GetValue(period),
                OutputDirectory = parse.GetValue(output),
                Progress = progress,
                CancellationToken = ct,
            };
            if (Directory.Exists(path))
            {
                var directory = Path.GetFullPath(path);
                var catalog = work.RunCatalog(directory);
                using var runLock = RunWork.LockIfWritingInto(directory, request.OutputDirectory);
                return Task.FromResult(work.Show(new Evaluator(catalog.Catalog).Predict(directory, request), progress));
            }

            var loaded = services.GetRequiredService<ExperimentFileLoader>().Load(path);
            return Task.FromResult(!loaded.Succeeded ? work.Refused(loaded) : work.Show(new Simulator(loaded.Catalog.Catalog).Simulate(loaded.Experiment!, request), progress));
        });
        return command;
    }
}
