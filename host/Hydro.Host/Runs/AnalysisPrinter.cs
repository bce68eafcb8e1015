using System.Globalization;
using Hydro.Core.Analysis.Runs;

namespace Hydro.Host.Runs;

/// <summary>The short tables the analysis verbs print on stdout: top-10 ranking, the k sweep, probe R², parameter recovery.</summary>
internal static class AnalysisPrinter
{
    public static void Print(TextWriter output, SensitivityReport r)
    {
        var s = r.Sensitivity;
        var models = r.Seeds.Count > 1 ? $"mean of {r.Seeds.Count} models" : $"seed {r.Seeds[0]}";
        output.WriteLine(Invariant($"sensitivity of {r.Target} to the static inputs, {r.Period} {r.Start:yyyy-MM-dd}..{r.End:yyyy-MM-dd}: {s.Basins.Count} basins, {models}; results in {r.OutputDirectory}"));
        var ranking = s.Ranking().Take(10).ToList();
        var width = Math.Max(9, ranking.Select(x => x.Feature.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"  rank  {"attribute".PadRight(width)}  score");
        foreach (var x in ranking)
        {
            output.WriteLine(Invariant($"  {x.Rank,4}  {x.Feature.PadRight(width)}  {x.Score:F3}"));
        }
    }

    public static void Print(TextWriter output, AttentionReport r)
    {
        var models = r.Seeds.Count > 1 ? $"mean of {r.Seeds.Count} models" : $"seed {r.Seeds[0]}";
        output.WriteLine(Invariant($"attention per season, {r.Period} {r.Start:yyyy-MM-dd}..{r.End:yyyy-MM-dd}: {r.Basins.Count} basins, {models}; results in {r.OutputDirectory}"));
        var truth = r.Basins.Any(b => b.Truth is not null);
        output.WriteLine("  basin        steps  top channels (period-mean weight)" + (truth ? "                 region mass/cells  planted first" : ""));
        foreach (var b in r.Basins)
        {
            var w = b.PeriodFeature();
            var top = string.Join(", ", Enumerable.Range(0, r.Channels.Count).OrderByDescending(c => w[c]).Take(3).Select(c => Invariant($"{r.Channels[c]} {w[c]:F3}")));
            var line = Invariant($"  {b.Basin,-12} {b.Steps.Sum(),5}  {top,-48}");
            if (b.Truth is { } t)
            {
                line += Invariant($"  {t.RegionMassShare:F3}/{t.RegionCellShare:F3} = {t.Ratio:F2}  {(t.PlantedRankFirst ? "yes" : "no")}");
            }

            output.WriteLine(line.TrimEnd());
        }
    }

    public static void Print(TextWriter output, EmbeddingReport r)
    {
        output.WriteLine(Invariant($"embedding of seed {r.Seed}: {r.Basins.Count} basins; results in {r.OutputDirectory}"));
        var spaces = new[] { r.Embedding, r.Attributes }.Where(x => x is not null).Select(x => x!).ToList();
        output.WriteLine("  space        k  mean_sil  min_sil  min_cluster");
        foreach (var space in spaces)
        {
            foreach (var c in space.Sweep)
            {
                var mark = c.K == space.ChosenK ? "  <- chosen" : "";
                output.WriteLine(Invariant($"  {space.Name,-10} {c.K,3}  {c.Silhouette.Mean,8:F3}  {c.Silhouette.Min,7:F3}  {c.Silhouette.MinClusterMean,11:F3}{mark}"));
            }
        }

        var ks = spaces.Select(x => x.ChosenK).Distinct().Order().ToList();
        var rows = r.Signatures.Where(v => ks.Contains(v.K)).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        output.WriteLine("  variance of signatures explained (eta²):");
        output.WriteLine("  signature        k  embedding  attributes");
        foreach (var v in rows.OrderBy(v => v.K).ThenBy(v => v.Signature, StringComparer.Ordinal))
        {
            output.WriteLine(Invariant($"  {v.Signature,-15} {v.K,2}  {v.Embedding,9:F3}  {v.Attributes,10:F3}"));
        }
    }

    public static void Print(TextWriter output, ProbeReport r)
    {
        var states = r.States switch { ProbeStates.Hidden => "h[t]", ProbeStates.Both => "c[t] and h[t]", _ => "c[t]" };
        output.WriteLine(Invariant($"probe of {r.Target} from {states} of seed {r.Seed}: fitted on {r.FitPeriod.Name}, scored on {r.TestPeriod.Name} {r.TestPeriod.Start:yyyy-MM-dd}..{r.TestPeriod.End:yyyy-MM-dd}, {r.Scores.Count} basins; results in {r.OutputDirectory}"));
        output.WriteLine(Invariant($"  R² test {r.Fit.TestR2:F3} (pooled), median per basin {r.MedianBasinR2:F3}, train {r.Fit.TrainR2:F3}; penalty {r.Fit.Penalty:G3}"));
        output.WriteLine("  cells most correlated with the target (test period): "
            + string.Join(", ", r.TopCell.Take(3).Select(c => Invariant($"c[{c.Cell}] r={c.R:F2}")).Concat(r.TopHidden.Take(3).Select(c => Invariant($"h[{c.Cell}] r={c.R:F2}")))));
        output.WriteLine("  basin       R²      days");
        foreach (var s in r.Scores)
        {
            output.WriteLine(Invariant($"  {s.Basin,-10} {s.R2,6:F3}  {s.Rows,6}"));
        }
    }

    public static void Print(TextWriter output, RecoveryReport r)
    {
        output.WriteLine(Invariant($"recovery of the learned parameters ({r.Period}): results in {r.Directory}"));
        output.WriteLine("  parameter  basins      R²  corr²        rmse        bias  true range");
        foreach (var p in r.Parameters)
        {
            output.WriteLine(Invariant($"  {p.Parameter,-9} {p.Basins,7} {p.R2,7:F3} {p.Pearson2,6:F3} {p.Rmse,11:G4} {p.Bias,11:G4}  {p.TrueMin:G4}..{p.TrueMax:G4}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
