using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Analysis.Runs;
using Hydro.Core.Data;
using Hydro.Core.Runs;
using Hydro.Torch;

namespace Hydro.Core.Tests.Analysis.Runs;

/// <summary><c>hydro probe</c>'s runner: planted targets, a dataset variable on a basin subset, and every misuse.</summary>
public sealed class ProbeAnalysisTests(TrainedRuns runs) : IClassFixture<TrainedRuns>
{
    /// <summary>α = 0: each day's cell state depends on that day's inputs alone, whatever window it is computed in.</summary>
    private string MemorylessRun() => runs.Train("memoryless", AnalysisCatalog.Yaml(backbone: "type: toy_rnn\n    memory: 0"));

    [Fact]
    public void APlantedLinearFunctionOfTheCellStateIsRecoveredAndNoiseIsNot()
    {
        var run = TrainedRuns.Open(MemorylessRun());
        var other = Path.Combine(runs.Root, "other_run");
        var random = new Random(5);
        foreach (var period in new[] { "train", "test" })
        {
            foreach (var (basin, dates, cell) in CellStates(run, period))
            {
                var text = new StringBuilder("date,planted,noise,zero\n");
                for (var d = 0; d < dates.Count; d++)
                {
                    var value = (1.5 * cell[d][3]) - (2 * cell[d][1]) + 0.7;
                    text.Append(CultureInfo.InvariantCulture, $"{dates[d]:yyyy-MM-dd},{value:R},{random.NextDouble():R},0\n");
                }

                var folder = Path.Combine(other, "results", period, "predictions");
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, basin + ".csv"), text.ToString());
            }
        }

        var planted = ProbeAnalysis.Run(run, new ProbeRequest { Target = ProbeTarget.RunOutput(other, "planted") });
        Assert.Equal(Path.Combine(run.Directory, "analysis", "probe_planted_from_other_run"), planted.OutputDirectory);
        Assert.True(planted.Fit.TestR2 > 0.9999, $"planted R² {planted.Fit.TestR2}");
        Assert.Equal(6, planted.Scores.Count);
        Assert.All(planted.Scores, s => Assert.True(s.R2 > 0.999, $"{s.Basin}: {s.R2}"));
        Assert.All(planted.Scores, s => Assert.Equal(214, s.Rows)); // 2001-05-01..2001-11-30
        // The data start on the training period's first day: a window of 10 days scoring its last 4 first scores day 7.
        Assert.Equal((366 - 6) * 6, planted.Fit.TrainRows);
        // The cells it was planted in carry all of it: |r| of c[1] and c[3] lead the list (their other parts cancel only by chance).
        Assert.Contains(planted.TopCell.Take(2), c => c.Cell is 1 or 3);

        var noise = ProbeAnalysis.Run(run, new ProbeRequest { Target = ProbeTarget.RunOutput(other, "noise"), States = ProbeStates.Both });
        Assert.EndsWith("probe_noise_from_other_run_both", noise.OutputDirectory, StringComparison.Ordinal);
        Assert.InRange(noise.Fit.TestR2, -0.05, 0.02);
        Assert.Equal(12, noise.Fit.Coefficients.Count);

        // A column of zeros (as Daymet swe in the CAMELS files) is an error that says so, not a NaN R².
        var zero = Assert.Throws<RunException>(() => ProbeAnalysis.Run(run, new ProbeRequest { Target = ProbeTarget.RunOutput(other, "zero") }));
        Assert.Contains("is 0 on every one of its 2160 days in the train period over 6 basins: a constant has nothing to recover", zero.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADatasetVariableOnTheBasinsOfACondition()
    {
        var run = TrainedRuns.Open(runs.Train("memory", AnalysisCatalog.Yaml()));
        Assert.True(BasinCondition.TryParse("frac > 0.5", out var condition, out _));
        var report = ProbeAnalysis.Run(run, new ProbeRequest { Target = ProbeTarget.Dataset("store"), Where = [condition!], TopCells = 2 });
        var dir = report.OutputDirectory;
        Assert.Equal(Path.Combine(run.Directory, "analysis", "probe_store_frac_gt_0.5"), dir);
        Assert.Equal(["b3", "b4", "b5"], report.Basins); // frac = basin / 5
        var r2 = File.ReadAllLines(Path.Combine(dir, "r2.csv"));
        Assert.Equal("basin,r2,days", r2[0]);
        Assert.Equal(["b3", "b4", "b5"], r2.Skip(1).Select(l => l.Split(',')[0]));

        // The per-basin R² is that of the written probe predictions; the target is the dataset's store on each date.
        using var data = run.OpenData(Device.CPU);
        var store = data.Load("test", new DateTime(2001, 5, 1), new DateTime(2001, 11, 30), new DataVariables(["store"], [], []), ["b4"], observations: false);
        var b4 = store.Basins.Single();
        var rows = File.ReadAllLines(Path.Combine(dir, "predictions", "b4.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(214, rows.Count);
        Assert.Equal("2001-05-01", rows[0][0]);
        var y = rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
        var p = rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(b4.Dynamic[b4.PeriodStartIndex], y[0], 1e-6);
        Assert.Equal(b4.Dynamic[^1], y[^1], 1e-6);
        var mean = y.Average();
        var expected = 1 - (y.Zip(p, (a, b) => (a - b) * (a - b)).Sum() / y.Sum(v => (v - mean) * (v - mean)));
        Assert.Equal(expected, double.Parse(r2[2].Split(',')[1], CultureInfo.InvariantCulture), 1e-9);

        var cells = File.ReadAllLines(Path.Combine(dir, "cells.csv"));
        Assert.Equal(["state,rank,cell,r", "cell,1", "cell,2", "hidden,1", "hidden,2"], cells.Select((l, i) => i == 0 ? l : string.Join(',', l.Split(',')[..2])));
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!;
        Assert.Equal(ProbeAnalysis.Format, summary["format"]!.GetValue<string>());
        Assert.Equal("dataset", summary["target"]!["source"]!.GetValue<string>());
        Assert.Equal(report.Fit.TestR2, summary["test_r2"]!.GetValue<double>());
        Assert.Equal(report.Fit.Penalty, summary["penalty"]!.GetValue<double>());
        Assert.Equal(3, summary["basins"]!.GetValue<int>());
        Assert.True(report.Fit.TestR2 > 0.5, $"the store is an EMA of an input; R² {report.Fit.TestR2}");
    }

    [Fact]
    public void MisuseIsARunExceptionThatSaysWhatToDo()
    {
        var run = TrainedRuns.Open(MemorylessRun());
        string Error(ProbeRequest request) => Assert.Throws<RunException>(() => ProbeAnalysis.Run(run, request)).Message;
        static ProbeRequest For(string variable) => new() { Target = ProbeTarget.Dataset(variable) };

        Assert.Contains("the model was trained on 'y'", Error(For("y")), StringComparison.Ordinal);
        Assert.Contains("'x1' is an input of the model", Error(For("x1")), StringComparison.Ordinal);
        Assert.Contains("'a' is a static attribute", Error(For("a")), StringComparison.Ordinal);
        Assert.Contains("unknown variable of dataset 'analysis_toy' 'stor' — did you mean 'store'?", Error(For("stor")), StringComparison.Ordinal);
        Assert.Contains("both are 'test'", Error(For("store") with { FitPeriod = "test" }), StringComparison.Ordinal);
        Assert.Contains("unknown period 'spring'", Error(For("store") with { TestPeriod = "spring" }), StringComparison.Ordinal);
        Assert.True(BasinCondition.TryParse("fracc>0.2", out var typo, out _));
        Assert.Contains("unknown attribute 'fracc' — did you mean 'frac'?", Error(For("store") with { Where = [typo!] }), StringComparison.Ordinal);
        Assert.True(BasinCondition.TryParse("frac>=2", out var none, out _));
        Assert.Contains("no basin of 6 satisfies frac>=2 (frac ranges over 0..1)", Error(For("store") with { Where = [none!] }), StringComparison.Ordinal);
        Assert.False(BasinCondition.TryParse("frac ~ 2", out _, out var parseError));
        Assert.Contains("is not a condition", parseError, StringComparison.Ordinal);

        var other = Path.Combine(runs.Root, "half_run");
        Assert.Contains("no such run directory", Error(new ProbeRequest { Target = ProbeTarget.RunOutput(other, "SM") }), StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(other, "results", "train", "predictions"));
        File.WriteAllText(Path.Combine(other, "results", "train", "predictions", "b0.csv"), "date,SM,SUZ\n2000-01-01,1,2\n");
        Assert.Contains($"run 'hydro evaluate {other} --period test' first", Error(new ProbeRequest { Target = ProbeTarget.RunOutput(other, "SM") }), StringComparison.Ordinal);
        Assert.Contains("unknown column 'sm' — did you mean 'SM'?", Error(new ProbeRequest { Target = ProbeTarget.RunOutput(other, "sm") }), StringComparison.Ordinal);

        var linear = TrainedRuns.Open(runs.Train("linear", AnalysisCatalog.Yaml(backbone: "type: linear")));
        var e = Assert.Throws<RunException>(() => ProbeAnalysis.Run(linear, For("store")));
        Assert.StartsWith("backbone 'linear' does not expose recurrent states (IRecurrentBackbone)", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(run.Directory, "analysis")));
    }

    /// <summary>c[t] of every day of a period per basin, from one pass over the whole loaded period (valid because α = 0).</summary>
    private static List<(string Basin, List<DateTime> Dates, List<double[]> Cell)> CellStates(TrainedRun run, string period)
    {
        var (start, end) = run.PeriodOf(period);
        using var data = run.OpenData(Device.CPU);
        var store = data.Load(period, start, end, observations: false);
        var models = run.LoadModels(Device.CPU);
        using var model = models[0];
        var backbone = (IRecurrentBackbone)model.Backbone;
        var result = new List<(string, List<DateTime>, List<double[]>)>();
        for (var i = 0; i < store.Basins.Count; i++)
        {
            using var scope = torch.NewDisposeScope();
            var basin = store.Basins[i];
            var batcher = new Batcher(store, run.Normalizer, basin.Steps, 1);
            using var batch = batcher.Build([new WindowRef(i, basin.Steps - 1)]);
            using var noGrad = torch.no_grad();
            using var states = backbone.ForwardStates(batch, null);
            var h = (int)backbone.HiddenSize;
            var cells = states.Cell.to(ScalarType.Float64).data<double>();
            var dates = new List<DateTime>();
            var rows = new List<double[]>();
            for (var r = basin.PeriodStartIndex; r < basin.Steps; r++)
            {
                dates.Add(basin.TimeAt(r));
                rows.Add(cells[(r * h)..((r + 1) * h)]);
            }

            result.Add((basin.Basin, dates, rows));
        }

        return result;
    }
}
