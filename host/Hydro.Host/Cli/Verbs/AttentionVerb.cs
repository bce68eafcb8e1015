using System.CommandLine;
using Hydro.Core.Analysis.Runs;
using Hydro.Host.Runs;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro attention RUN</c>: seasonal spatial and feature attention of an attention backbone (e.g. hydrotrace).</summary>
internal static class AttentionVerb
{
    public static Command Create(IServiceProvider services)
    {
        var run = AnalysisOptions.RunArgument();
        var period = EvaluateVerb.PeriodOption("The period whose steps are aggregated: train, validation or test (default: the experiment's evaluation.period).");
        var epoch = EvaluateVerb.EpochOption();
        var seed = AnalysisOptions.SeedOption("Use one member of an ensemble (default: the mean of the members' attention).");
        var batch = AnalysisOptions.AtLeast("--batch-size", 1, "Windows per forward pass (default: training.batch_size).");
        var device = AnalysisOptions.DeviceOption();
        var output = EvaluateVerb.OutputOption("Results folder (default: RUN/analysis/attention_<period>, with _seed_N and _epoch_NNN when chosen); replaced if it exists.");
        var command = new Command("attention", "Spatial and feature attention of an attention backbone (spatial_attention [B,T,H,W], "
            + "feature_attention [B,T,C], e.g. hydrotrace) averaged per basin and season (DJF, MAM, JJA, SON) over the scored steps of a period: "
            + "writes attention_<basin>.nc (CF-1.8), spatial_<basin>_<season>.png, features_<basin>.png, feature_contributions.csv and "
            + "summary.json (with the planted truth's region and channels when the dataset has one, e.g. synthetic_grid).")
        {
            run, period, epoch, seed, batch, device, output,
        };
        command.SetAction((parse, ct) =>
        {
            // Writes into RUN/analysis unless --output points elsewhere: one writer per run, as evaluate and predict.
            using var runLock = RunWork.LockIfWritingInto(parse.GetValue(run)!, parse.GetValue(output));
            var (work, opened) = AnalysisOptions.Open(services, parse.GetValue(run)!, parse.GetValue(epoch), parse.GetValue(seed));
            var progress = work.NewConsole();
            var report = AttentionAnalysis.Run(opened, new AttentionRequest
            {
                Period = parse.GetValue(period),
                BatchSize = parse.GetValue(batch),
                Device = parse.GetValue(device),
                OutputDirectory = parse.GetValue(output),
                Draw = AttentionPictures.Draw,
                Progress = progress,
                CancellationToken = ct,
            });
            progress.Finish();
            return Task.FromResult(work.Show(report));
        });
        return command;
    }
}
