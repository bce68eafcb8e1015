using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Analysis;
using Hydro.Core.Analysis.Runs;
using Hydro.Core.Runs;
using Hydro.Torch;

namespace Hydro.Core.Tests.Analysis.Runs;

/// <summary><c>hydro embedding</c>'s runner on small trained models with and without a per-basin embedding.</summary>
public sealed class EmbeddingAnalysisTests(TrainedRuns runs) : IClassFixture<TrainedRuns>
{
    private static readonly EmbeddingRequest Request = new() { MaxK = 4, Restarts = 3, Signatures = ["sig", "frac"] };

    [Fact]
    public void ClustersTheEmbeddingAndTheAttributesOfEveryBasin()
    {
        var run = TrainedRuns.Open(runs.Train("embedding", AnalysisCatalog.Yaml()));
        var report = EmbeddingAnalysis.Run(run, Request);
        var dir = report.OutputDirectory;
        Assert.Equal(Path.Combine(run.Directory, "analysis", "embedding"), dir);
        Assert.Empty(report.Warnings);
        string[] basins = ["b0", "b1", "b2", "b3", "b4", "b5"];
        Assert.Equal(basins, report.Basins);

        // One row per basin: the model's σ(E·s) of the basin's standardised attributes.
        var embedding = Csv(Path.Combine(dir, "embedding.csv"));
        Assert.Equal(["basin", "e0", "e1", "e2", "e3", "e4", "e5"], embedding[0]);
        Assert.Equal(basins, embedding.Skip(1).Select(r => r[0]));
        var expected = ModelEmbedding(run);
        for (var b = 0; b < 6; b++)
        {
            for (var e = 0; e < 6; e++)
            {
                Assert.Equal(expected[(b * 6) + e], double.Parse(embedding[b + 1][e + 1], CultureInfo.InvariantCulture), 1e-6);
            }
        }

        var attributes = Csv(Path.Combine(dir, "attributes.csv"));
        Assert.Equal(["basin", "a", "b"], attributes[0]);
        Assert.Equal(run.Normalizer.Static[1].Normalize(2), double.Parse(attributes[2][2], CultureInfo.InvariantCulture), 1e-6); // basin b1 has b = 7 mod 5 = 2

        // The sweep: k = 2..4 for both spaces; the chosen k has the highest mean silhouette.
        var sweep = Csv(Path.Combine(dir, "k_sweep.csv"));
        Assert.Equal(["space", "k", "mean_silhouette", "min_silhouette", "min_cluster_mean", "inertia"], sweep[0]);
        Assert.Equal(["embedding", "embedding", "embedding", "attributes", "attributes", "attributes"], sweep.Skip(1).Select(r => r[0]));
        foreach (var space in new[] { report.Embedding!, report.Attributes })
        {
            var rows = sweep.Skip(1).Where(r => r[0] == space.Name).ToList();
            var best = rows.MaxBy(r => double.Parse(r[2], CultureInfo.InvariantCulture))!;
            Assert.Equal(space.ChosenK.ToString(CultureInfo.InvariantCulture), best[1]);
        }

        // The chosen k's labels for both, and η² of the signatures recomputed from them.
        var labels = Csv(Path.Combine(dir, "labels.csv"));
        Assert.Equal(["basin", $"embedding_k{report.Embedding!.ChosenK}", $"attributes_k{report.Attributes.ChosenK}"], labels[0]);
        Assert.Equal(basins, labels.Skip(1).Select(r => r[0]));
        var attributeLabels = labels.Skip(1).Select(r => int.Parse(r[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.All(attributeLabels, l => Assert.InRange(l, 0, report.Attributes.ChosenK - 1));
        Assert.Equal(report.Attributes.ChosenK, attributeLabels.Distinct().Count());
        var sig = Enumerable.Range(0, 6).Select(b => AnalysisDataset.Attributes(b, 6)[3]).ToArray();
        var signatures = Csv(Path.Combine(dir, "signatures.csv"));
        Assert.Equal(["signature", "k", "embedding", "attributes"], signatures[0]);
        Assert.Equal(2 * 3, signatures.Count - 1);
        var row = signatures.Single(r => r[0] == "sig" && r[1] == report.Attributes.ChosenK.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(VarianceExplained.ByClusters(sig, attributeLabels), double.Parse(row[3], CultureInfo.InvariantCulture), 1e-12);

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!;
        Assert.Equal(EmbeddingAnalysis.Format, summary["format"]!.GetValue<string>());
        Assert.Equal(report.Embedding.ChosenK, summary["embedding"]!["chosen_k"]!.GetValue<int>());
        Assert.Equal(6, summary["embedding"]!["cluster_sizes"]!.AsArray().Sum(n => n!.GetValue<int>()));

        // The same k-means seed gives the same clusters.
        var again = EmbeddingAnalysis.Run(run, Request with { OutputDirectory = Path.Combine(runs.Root, "again") });
        Assert.Equal(report.Embedding.Chosen.Clustering.Labels, again.Embedding!.Chosen.Clustering.Labels);
    }

    [Fact]
    public void ABackboneWithoutAnEmbeddingStillClustersTheAttributes()
    {
        var run = TrainedRuns.Open(runs.Train("no-embedding", AnalysisCatalog.Yaml(backbone: "type: toy_rnn\n    embedding: false")));
        var report = EmbeddingAnalysis.Run(run, Request);
        Assert.Null(report.Embedding);
        Assert.Contains(report.Warnings, w => w.Contains("backbone 'toy_rnn' has no per-basin embedding", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(report.OutputDirectory, "embedding.csv")));
        Assert.Equal($"basin,attributes_k{report.Attributes.ChosenK}", File.ReadLines(Path.Combine(report.OutputDirectory, "labels.csv")).First());
        Assert.All(Csv(Path.Combine(report.OutputDirectory, "signatures.csv")).Skip(1), r => Assert.Equal("NaN", r[2]));

        var linear = TrainedRuns.Open(runs.Train("linear", AnalysisCatalog.Yaml(backbone: "type: linear")));
        var plain = EmbeddingAnalysis.Run(linear, Request);
        Assert.Null(plain.Embedding);
        Assert.Contains(plain.Warnings, w => w.Contains("backbone 'linear' does not expose recurrent states (IRecurrentBackbone)", StringComparison.Ordinal));
    }

    [Fact]
    public void MisuseIsARunExceptionThatSaysWhatToDo()
    {
        var run = TrainedRuns.Open(runs.Train("embedding", AnalysisCatalog.Yaml()));
        var e = Assert.Throws<RunException>(() => EmbeddingAnalysis.Run(run, Request with { Signatures = ["sgi"] }));
        Assert.Contains("unknown signature 'sgi' — did you mean 'sig'?", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<RunException>(() => EmbeddingAnalysis.Run(run, Request with { Signatures = ["x1"] }));
        Assert.Contains("signature 'x1' is a time series", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<RunException>(() => EmbeddingAnalysis.Run(run, Request with { MinK = 6, MaxK = 8 }));
        Assert.Contains("min k 6 is more than basins − 1 = 5", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<RunException>(() => EmbeddingAnalysis.Run(run, Request with { Restarts = 0 }));
        Assert.Contains("restarts must be at least 1", e.Message, StringComparison.Ordinal);
        var noStatics = TrainedRuns.Open(runs.Train("no-statics", AnalysisCatalog.Yaml(statics: "[]")));
        e = Assert.Throws<RunException>(() => EmbeddingAnalysis.Run(noStatics, Request));
        Assert.Contains("embedding needs a model with static inputs", e.Message, StringComparison.Ordinal);
    }

    /// <summary>σ(E·s) of each basin [6 × 6], from the checkpoint through the backbone's own <see cref="IRecurrentBackbone.Embedding"/>.</summary>
    private static double[] ModelEmbedding(TrainedRun run)
    {
        using var scope = torch.NewDisposeScope();
        var statics = Enumerable.Range(0, 6).SelectMany(b => AnalysisDataset.Attributes(b, 6).Take(2).Select((v, j) => run.Normalizer.Static[j].Normalize((float)v))).ToArray();
        var models = run.LoadModels(Device.CPU);
        using var model = models[0];
        using var batch = new Batch { Dynamic = torch.zeros([6, 1, 2]), Static = torch.tensor(statics, [6, 2]), Basins = ["b0", "b1", "b2", "b3", "b4", "b5"], DynamicNames = ["x1", "x2"] };
        using var noGrad = torch.no_grad();
        return ((IRecurrentBackbone)model.Backbone).Embedding(batch)!.to(ScalarType.Float64).data<double>();
    }

    private static List<string[]> Csv(string path) => [.. File.ReadAllLines(path).Select(l => l.Split(','))];
}
