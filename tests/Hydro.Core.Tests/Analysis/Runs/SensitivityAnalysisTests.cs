using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Core.Analysis.Runs;
using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Runs;
using Hydro.Torch;

namespace Hydro.Core.Tests.Analysis.Runs;

/// <summary><c>hydro sensitivity</c>'s runner on a small trained recurrent model.</summary>
public sealed class SensitivityAnalysisTests(TrainedRuns runs) : IClassFixture<TrainedRuns>
{
    private string Run() => runs.Train("sensitivity", AnalysisCatalog.Yaml(training: "  ensemble_seeds: [3, 4]"));

    [Fact]
    public void EqualsAFiniteDifferenceOfTheEvaluatedPredictionForOneBasin()
    {
        var run = TrainedRuns.Open(Run());
        var report = SensitivityAnalysis.Run(run, new SensitivityRequest { Period = "validation" });
        Assert.Equal(Path.Combine(run.Directory, "analysis", "sensitivity_validation"), report.OutputDirectory);
        Assert.Equal([3, 4], report.Seeds);
        Assert.Equal(6, report.Sensitivity.Basins.Count);

        // The ensemble's evaluated prediction, in mm/day, with statics shifted by ±h standard deviations: the normaliser's
        // mean moved by ∓h·σ is the same as x_s + h. Richardson's extrapolation of two central differences (error O(h⁴)).
        var days = new DateTime(2001, 4, 30).DayNumber - new DateTime(2001, 1, 1).DayNumber + 1;
        var fd = new double[2];
        for (var i = 0; i < 2; i++)
        {
            const double h = 0.05;
            var d1 = Derivative(run, i, h);
            var d2 = Derivative(run, i, h / 2);
            fd[i] = d1.Zip(d2, (a, b) => Math.Abs(((4 * b) - a) / 3)).Where(double.IsFinite).Average();
            Assert.Equal(days, d1.Count(double.IsFinite));
        }

        var b0 = 0;
        Assert.Equal("b0", report.Sensitivity.Basins[b0]);
        Assert.Equal(days, report.Sensitivity.Steps[b0]);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(fd[i] > 1e-3, $"the model ignores static {i}: {fd[i]}");
            Assert.Equal(fd[i], report.Sensitivity.Values[b0, i], fd[i] * 2e-4);
        }

        var csv = File.ReadAllLines(Path.Combine(report.OutputDirectory, SensitivityAnalysis.SensitivityCsv));
        Assert.Equal("basin,steps,a,b,most_sensitive", csv[0]);
        var row = csv[1].Split(',');
        Assert.Equal(["b0", days.ToString(CultureInfo.InvariantCulture)], row[..2]);
        Assert.Equal(report.Sensitivity.Values[b0, 1], double.Parse(row[3], CultureInfo.InvariantCulture));
        Assert.Equal(fd[0] > fd[1] ? "a" : "b", row[4]);
    }

    [Fact]
    public void RanksByTheMeanOfPerBasinNormalisedValuesAndWritesASummary()
    {
        var run = TrainedRuns.Open(Run(), seed: 4);
        var report = SensitivityAnalysis.Run(run, new SensitivityRequest { Period = "validation", ScoredSteps = 10 });
        Assert.Equal(Path.Combine(run.Directory, "analysis", "sensitivity_validation_seed_4"), report.OutputDirectory);
        var values = report.Sensitivity.Values;

        // Two attributes: per basin the larger one normalises to 1 and the smaller to 0, so a score is the share of basins where it is the larger.
        var aFirst = Enumerable.Range(0, 6).Count(b => values[b, 0] > values[b, 1]) / 6.0;
        var ranking = File.ReadAllLines(Path.Combine(report.OutputDirectory, SensitivityAnalysis.RankingCsv));
        Assert.Equal("rank,attribute,score", ranking[0]);
        var rows = ranking.Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[1], r => (Rank: int.Parse(r[0], CultureInfo.InvariantCulture), Score: double.Parse(r[2], CultureInfo.InvariantCulture)));
        Assert.Equal(aFirst, rows["a"].Score, 1e-12);
        Assert.Equal(1 - aFirst, rows["b"].Score, 1e-12);
        Assert.Equal(aFirst >= 0.5 ? 1 : 2, rows["a"].Rank);

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(report.OutputDirectory, "summary.json")))!;
        Assert.Equal(SensitivityAnalysis.Format, summary["format"]!.GetValue<string>());
        Assert.Equal("y", summary["target"]!.GetValue<string>());
        Assert.Equal("mm/day per standard deviation of the input", summary["unit"]!.GetValue<string>());
        Assert.Equal(6, summary["basins"]!.GetValue<int>());
        Assert.Equal(4, summary["checkpoints"]![0]!["seed"]!.GetValue<int>());
        Assert.Single(summary["checkpoints"]!.AsArray());
    }

    [Fact]
    public void MisuseIsARunExceptionThatSaysWhatToDo()
    {
        var run = TrainedRuns.Open(Run());
        var e = Assert.Throws<RunException>(() => SensitivityAnalysis.Run(run, new SensitivityRequest { Target = "yy" }));
        Assert.Contains("unknown target 'yy' — did you mean 'y'?", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<RunException>(() => SensitivityAnalysis.Run(run, new SensitivityRequest { ScoredSteps = 11 }));
        Assert.Contains("scored steps must be in 1..10", e.Message, StringComparison.Ordinal);

        var noStatics = TrainedRuns.Open(runs.Train("no-statics", AnalysisCatalog.Yaml(statics: "[]")));
        e = Assert.Throws<RunException>(() => SensitivityAnalysis.Run(noStatics));
        Assert.Contains("sensitivity needs a model with static inputs", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(noStatics.Directory, "analysis")));
    }

    /// <summary>Per validation day of basin b0: (ŷ(x_s,i + h) − ŷ(x_s,i − h)) / 2h of the evaluated ensemble prediction.</summary>
    private static double[] Derivative(TrainedRun run, int i, double h)
    {
        var o = run.Experiment.Options;
        var (start, end) = run.PeriodOf("validation");
        var store = run.LoadPeriod("validation", start, end, Device.CPU, ["b0"]);
        double[] At(double delta)
        {
            var n = run.Normalizer;
            var shifted = n.Static.Select((v, j) => j == i ? v with { Mean = v.Mean - (delta * v.Scale) } : v).ToList();
            var normalizer = new Normalizer(n.Dynamic, shifted, n.Targets, n.Basins.Values, n.NormalizeTargets);
            var batcher = new Batcher(store, normalizer, o.Training.SequenceLength, o.Training.PredictLastN, o.Training.Warmup);
            var models = run.LoadModels(Device.CPU);
            try
            {
                return [.. new PeriodPredictor(store, batcher, 64).Predict(models).Single().Simulated.Select(v => (double)v)];
            }
            finally
            {
                foreach (var m in models)
                {
                    m.Dispose();
                }
            }
        }

        var plus = At(h);
        var minus = At(-h);
        return [.. plus.Zip(minus, (p, m) => (p - m) / (2 * h))];
    }
}
