using System.Text.Json.Nodes;
using Hydro.Core.Runs;

namespace Hydro.Core.Analysis.Runs;

/// <summary>The files of an embedding analysis folder (<see cref="EmbeddingAnalysis"/>).</summary>
internal static class EmbeddingFiles
{
    public static void Write(string dir, TrainedRun run, RunMember member, EmbeddingReport report, IReadOnlyList<string> attributeNames,
        double[,] statics, double[,]? embedding, IReadOnlyList<string> signatures)
    {
        var basins = report.Basins;
        if (embedding is not null)
        {
            Matrix(Path.Combine(dir, "embedding.csv"), basins, [.. Enumerable.Range(0, embedding.GetLength(1)).Select(i => $"e{i}")], embedding);
        }

        Matrix(Path.Combine(dir, "attributes.csv"), basins, attributeNames, statics);
        var spaces = new[] { report.Embedding, report.Attributes }.Where(s => s is not null).Select(s => s!).ToList();
        AnalysisFiles.WriteCsv(Path.Combine(dir, "k_sweep.csv"), ["space", "k", "mean_silhouette", "min_silhouette", "min_cluster_mean", "inertia"],
            spaces.SelectMany(s => s.Sweep.Select(c => (IEnumerable<string>)[s.Name, AnalysisFiles.Invariant(c.K), AnalysisFiles.Number(c.Silhouette.Mean),
                AnalysisFiles.Number(c.Silhouette.Min), AnalysisFiles.Number(c.Silhouette.MinClusterMean), AnalysisFiles.Number(c.Clustering.Inertia)])));
        AnalysisFiles.WriteCsv(Path.Combine(dir, "labels.csv"), ["basin", .. spaces.Select(s => $"{s.Name}_k{s.ChosenK}")],
            basins.Select((b, i) => (IEnumerable<string>)[b, .. spaces.Select(s => AnalysisFiles.Invariant(s.Chosen.Clustering.Labels[i]))]));
        if (signatures.Count > 0)
        {
            AnalysisFiles.WriteCsv(Path.Combine(dir, "signatures.csv"), ["signature", "k", "embedding", "attributes"],
                report.Signatures.Select(v => (IEnumerable<string>)[v.Signature, AnalysisFiles.Invariant(v.K), AnalysisFiles.Number(v.Embedding), AnalysisFiles.Number(v.Attributes)]));
        }

        var summary = AnalysisFiles.Summary(EmbeddingAnalysis.Format, run, [member]);
        summary["seed"] = report.Seed;
        summary["basins"] = basins.Count;
        foreach (var s in new[] { report.Embedding, report.Attributes })
        {
            if (s is null)
            {
                summary["embedding"] = null;
                continue;
            }

            var chosen = s.Chosen;
            summary[s.Name] = new JsonObject
            {
                ["dimensions"] = s.Dimensions,
                ["chosen_k"] = s.ChosenK,
                ["mean_silhouette"] = AnalysisFiles.Json(chosen.Silhouette.Mean),
                ["min_silhouette"] = AnalysisFiles.Json(chosen.Silhouette.Min),
                ["min_cluster_mean"] = AnalysisFiles.Json(chosen.Silhouette.MinClusterMean),
                ["cluster_sizes"] = new JsonArray([.. Enumerable.Range(0, s.ChosenK).Select(k => (JsonNode)chosen.Clustering.Labels.Count(l => l == k))]),
            };
        }

        var chosenKs = new[] { report.Embedding?.ChosenK, report.Attributes.ChosenK }.Where(k => k is not null).Select(k => k!.Value).Distinct().Order().ToList();
        summary["signatures"] = new JsonArray([.. report.Signatures.Where(v => chosenKs.Contains(v.K)).Select(v => (JsonNode)new JsonObject
        {
            ["signature"] = v.Signature,
            ["k"] = v.K,
            ["embedding"] = AnalysisFiles.Json(v.Embedding),
            ["attributes"] = AnalysisFiles.Json(v.Attributes),
        })]);
        summary["warnings"] = AnalysisFiles.Strings(report.Warnings);
        AnalysisFiles.WriteJson(Path.Combine(dir, AnalysisFiles.SummaryJson), summary);
    }

    private static void Matrix(string path, IReadOnlyList<string> basins, IReadOnlyList<string> columns, double[,] values) =>
        AnalysisFiles.WriteCsv(path, ["basin", .. columns],
            basins.Select((b, i) => (IEnumerable<string>)[b, .. Enumerable.Range(0, columns.Count).Select(j => AnalysisFiles.Number(values[i, j]))]));
}
