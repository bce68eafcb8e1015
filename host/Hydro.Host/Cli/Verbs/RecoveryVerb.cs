using System.CommandLine;
using Hydro.Core.Analysis.Runs;
using Hydro.Host.Runs;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro recovery RUN</c>: learned parameters against the true ones the dataset serves (synthetic: <c>true_*</c>).</summary>
internal static class RecoveryVerb
{
    public static Command Create(IServiceProvider services)
    {
        var run = AnalysisOptions.RunArgument();
        var period = EvaluateVerb.PeriodOption("The evaluated period whose results/<period>/parameters.csv is compared (default: evaluation.period).");
        var prefix = new Option<string?>("--prefix") { Description = "Prefix of the static variables holding the true values (default true_, as the synthetic dataset names them).", HelpName = "TEXT" };
        var output = EvaluateVerb.OutputOption("Results folder (default: RUN/analysis/recovery_<period>); replaced if it exists.");
        var command = new Command("recovery", "Compare the parameters a learner produced for each basin (an evaluation's parameters.csv) "
            + "with the true parameters the dataset serves (synthetic: true_FC, true_BETA, ...): R², squared correlation, RMSE and bias "
            + "per parameter across basins; writes recovery.csv, pairs.csv and summary.json.")
        {
            run, period, prefix, output,
        };
        command.SetAction((parse, ct) =>
        {
            // Writes into RUN/analysis unless --output points elsewhere: one writer per run, as evaluate and predict.
            using var runLock = RunWork.LockIfWritingInto(parse.GetValue(run)!, parse.GetValue(output));
            var (work, opened) = AnalysisOptions.Open(services, parse.GetValue(run)!, null, null);
            var report = RecoveryAnalysis.Run(opened, new RecoveryRequest
            {
                Period = parse.GetValue(period),
                Prefix = parse.GetValue(prefix) ?? new RecoveryRequest().Prefix,
                OutputDirectory = parse.GetValue(output),
                CancellationToken = ct,
            });
            return Task.FromResult(work.Show(report));
        });
        return command;
    }
}
