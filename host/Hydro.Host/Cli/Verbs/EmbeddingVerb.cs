using System.CommandLine;
using Hydro.Core.Analysis.Runs;
using Hydro.Host.Runs;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro embedding RUN</c>: k-means of the learned catchment embedding and of the raw attributes (Kratzert et al. 2019, Sect. 3.4).</summary>
internal static class EmbeddingVerb
{
    public static Command Create(IServiceProvider services)
    {
        var run = AnalysisOptions.RunArgument();
        var period = EvaluateVerb.PeriodOption("The period whose last window feeds the embedding (default: train).");
        var epoch = EvaluateVerb.EpochOption();
        var seed = AnalysisOptions.SeedOption("The ensemble member whose embedding is clustered (default: the first; embeddings of different seeds are not comparable).");
        var minK = AnalysisOptions.AtLeast("--k-min", 2, "Fewest clusters (default 2).", "K");
        var maxK = AnalysisOptions.AtLeast("--k-max", 2, "Most clusters (default 15, cut to basins - 1).", "K");
        var restarts = AnalysisOptions.AtLeast("--restarts", 1, "k-means restarts per k, the lowest inertia kept (default 10).");
        var randomSeed = new Option<int?>("--random-seed") { Description = "Seed of the k-means seedings (default 0).", HelpName = "N" };
        var signatures = new Option<string?>("--signatures")
        {
            Description = "Comma-separated static variables whose variance the clusterings explain (default: the 13 CAMELS signatures of camels_hydro.txt the dataset has).",
            HelpName = "A,B,...",
        };
        var device = AnalysisOptions.DeviceOption();
        var output = EvaluateVerb.OutputOption("Results folder (default: RUN/analysis/embedding, with _seed_N and _epoch_NNN when chosen); replaced if it exists.");
        var command = new Command("embedding", "Cluster the basins by the model's learned embedding (the EA-LSTM input gate) and by the "
            + "standardised static attributes: k-means for k = 2..15 with mean and minimum silhouettes, the labels of the k with the highest "
            + "mean silhouette, and the share of variance of hydrological signatures each clustering explains. A backbone without an "
            + "embedding (lstm) gets the attribute clustering and a warning.")
        {
            run, period, epoch, seed, minK, maxK, restarts, randomSeed, signatures, device, output,
        };
        command.SetAction((parse, ct) =>
        {
            // Writes into RUN/analysis unless --output points elsewhere: one writer per run, as evaluate and predict.
            using var runLock = RunWork.LockIfWritingInto(parse.GetValue(run)!, parse.GetValue(output));
            var (work, opened) = AnalysisOptions.Open(services, parse.GetValue(run)!, parse.GetValue(epoch), parse.GetValue(seed));
            var defaults = new EmbeddingRequest();
            var report = EmbeddingAnalysis.Run(opened, new EmbeddingRequest
            {
                Period = parse.GetValue(period),
                MinK = parse.GetValue(minK) ?? defaults.MinK,
                MaxK = parse.GetValue(maxK) ?? defaults.MaxK,
                Restarts = parse.GetValue(restarts) ?? defaults.Restarts,
                RandomSeed = parse.GetValue(randomSeed) ?? defaults.RandomSeed,
                Signatures = AnalysisOptions.List(parse.GetValue(signatures)),
                Device = parse.GetValue(device),
                OutputDirectory = parse.GetValue(output),
                CancellationToken = ct,
            });
            return Task.FromResult(work.Show(report));
        });
        return command;
    }
}
