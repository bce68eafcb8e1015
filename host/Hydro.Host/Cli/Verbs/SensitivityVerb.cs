using System.CommandLine;
using Hydro.Core.Analysis.Runs;
using Hydro.Host.Runs;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro sensitivity RUN</c>: Morris sensitivities of the prediction to each static input (Kratzert et al. 2019, Table 4).</summary>
internal static class SensitivityVerb
{
    public static Command Create(IServiceProvider services)
    {
        var run = AnalysisOptions.RunArgument();
        var period = EvaluateVerb.PeriodOption("The period whose days are differentiated: train, validation or test (default: the experiment's evaluation.period).");
        var epoch = EvaluateVerb.EpochOption();
        var seed = AnalysisOptions.SeedOption("Differentiate one member of an ensemble (default: the ensemble's mean prediction).");
        var target = new Option<string?>("--target") { Description = "The target differentiated (default: the run's first target).", HelpName = "NAME" };
        var scored = AnalysisOptions.AtLeast("--scored-steps", 1, "Days scored per window: windows tile the period this far apart, each costing one backward pass per scored day (default: the run's predict_last_n).");
        var batch = AnalysisOptions.AtLeast("--batch-size", 1, "Windows per forward pass (default: training.batch_size).");
        var device = AnalysisOptions.DeviceOption();
        var output = EvaluateVerb.OutputOption("Results folder (default: RUN/analysis/sensitivity_<period>, with _seed_N and _epoch_NNN when chosen); replaced if it exists.");
        var command = new Command("sensitivity", "Morris sensitivity of the prediction to each standardised static input, as exact "
            + "gradients averaged in absolute value over every day of a period: writes sensitivity.csv (basin x attribute), "
            + "ranking.csv (mean over basins of the per-basin normalised values, Kratzert et al. 2019 Table 4) and summary.json.")
        {
            run, period, epoch, seed, target, scored, batch, device, output,
        };
        command.SetAction((parse, ct) =>
        {
            // Writes into RUN/analysis unless --output points elsewhere: one writer per run, as evaluate and predict.
            using var runLock = RunWork.LockIfWritingInto(parse.GetValue(run)!, parse.GetValue(output));
            var (work, opened) = AnalysisOptions.Open(services, parse.GetValue(run)!, parse.GetValue(epoch), parse.GetValue(seed));
            var progress = work.NewConsole();
            var report = SensitivityAnalysis.Run(opened, new SensitivityRequest
            {
                Period = parse.GetValue(period),
                Target = parse.GetValue(target),
                ScoredSteps = parse.GetValue(scored),
                BatchSize = parse.GetValue(batch),
                Device = parse.GetValue(device),
                OutputDirectory = parse.GetValue(output),
                Progress = progress,
                CancellationToken = ct,
            });
            progress.Finish();
            return Task.FromResult(work.Show(report));
        });
        return command;
    }
}
