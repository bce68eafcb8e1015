using System.Globalization;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>A small EA-LSTM on three real CAMELS basins, trained once for the analysis verb tests.</summary>
public sealed class SmallEaLstmRun : IDisposable
{
    private readonly TempDirectory dir = new();

    public SmallEaLstmRun()
    {
        var file = dir.Combine("experiment.yaml");
        File.WriteAllText(file, $$"""
            experiment_name: camels3_ealstm
            seed: 1
            output_dir: {{dir.Combine("runs")}}
            dataset:
              type: camels_us
              data_dir: {{TestData.CamelsUs}}
              forcing: daymet
              basins: ["01022500", "01030500", "01057000"]
            periods:
              train: {start: 1999-10-01, end: 2001-09-30}
              test: {start: 2002-10-01, end: 2003-09-30}
            inputs:
              dynamic: [prcp, srad, tmax, tmin, vp]
              static: [elev_mean, area_gages2, p_mean, frac_snow]
            targets: [streamflow]
            model:
              backbone:
                type: ealstm
                hidden_size: 8
                dropout: 0
            loss:
              type: nse_star
            training:
              epochs: 1
              batch_size: 64
              sequence_length: 60
              predict_last_n: 30
              samples_per_epoch: 256
            evaluation:
              metrics: [nse]
              period: test
            """);
        var trained = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(5), "train", file);
        Assert.True(trained.Exit == 0, trained.ToString());
        Run = trained.Out.Split('\n').Single(l => l.StartsWith("run: ", StringComparison.Ordinal))[5..].Trim();
        var evaluated = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(5), "evaluate", Run, "--period", "train");
        Assert.True(evaluated.Exit == 0, evaluated.ToString());
    }

    /// <summary>The run directory (with results for train and test).</summary>
    public string Run { get; }

    public string Combine(params string[] parts) => dir.Combine(parts);

    public void Dispose() => dir.Dispose();
}

/// <summary><c>hydro sensitivity</c>, <c>embedding</c> and <c>probe</c> through the command line on a small real run.</summary>
public sealed class AnalysisVerbTests(SmallEaLstmRun fixture) : IClassFixture<SmallEaLstmRun>
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
    private static readonly string[] Basins = ["01022500", "01030500", "01057000"];

    private static CliRun Hydro(params string[] args) => HydroRunner.Run(HydroRunner.WithBuiltIns, Bound, args);

    [Fact]
    public void SensitivityWritesPerBasinValuesAndARanking()
    {
        var run = Hydro("sensitivity", fixture.Run, "--scored-steps", "60", "--out", fixture.Combine("sensitivity"));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("sensitivity of streamflow to the static inputs, test 2002-10-01..2003-09-30: 3 basins", run.Out, StringComparison.Ordinal);
        Assert.Contains("rank  attribute", run.Out, StringComparison.Ordinal);
        var rows = File.ReadAllLines(fixture.Combine("sensitivity", "sensitivity.csv"));
        Assert.Equal("basin,steps,elev_mean,area_gages2,p_mean,frac_snow,most_sensitive", rows[0]);
        Assert.Equal(Basins, rows.Skip(1).Select(r => r.Split(',')[0]));
        Assert.All(rows.Skip(1), r => Assert.Equal("365", r.Split(',')[1]));
        Assert.All(rows.Skip(1).SelectMany(r => r.Split(',')[2..6]), v => Assert.True(double.Parse(v, CultureInfo.InvariantCulture) > 0, v));
        var ranking = File.ReadAllLines(fixture.Combine("sensitivity", "ranking.csv"));
        Assert.Equal(5, ranking.Length);
        Assert.True(File.Exists(fixture.Combine("sensitivity", "summary.json")));

        var typo = Hydro("sensitivity", fixture.Run, "--target", "streamflw");
        Assert.True(typo.Exit == 2, typo.ToString());
        Assert.Contains("unknown target 'streamflw' — did you mean 'streamflow'?", typo.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbeddingClustersTheInputGateAndTheAttributes()
    {
        var run = Hydro("embedding", fixture.Run);
        Assert.True(run.Exit == 0, run.ToString());
        var dir = Path.Combine(fixture.Run, "analysis", "embedding");
        Assert.Contains($"embedding of seed 1: 3 basins; results in {dir}", run.Out, StringComparison.Ordinal);
        Assert.Contains("<- chosen", run.Out, StringComparison.Ordinal);
        var embedding = File.ReadAllLines(Path.Combine(dir, "embedding.csv"));
        Assert.Equal(9, embedding[0].Split(',').Length); // basin + the 8 input-gate values
        Assert.Equal(Basins, embedding.Skip(1).Select(r => r.Split(',')[0]));
        Assert.Equal("basin,embedding_k2,attributes_k2", File.ReadLines(Path.Combine(dir, "labels.csv")).First());
        var signatures = File.ReadAllLines(Path.Combine(dir, "signatures.csv"));
        Assert.Equal(1 + 13, signatures.Length); // the 13 camels_hydro signatures at k = 2

        var typo = Hydro("embedding", fixture.Run, "--signatures", "q_mean,baseflow_idx");
        Assert.True(typo.Exit == 2, typo.ToString());
        Assert.Contains("unknown signature 'baseflow_idx' — did you mean 'baseflow_index'?", typo.Err, StringComparison.Ordinal);
        var k = Hydro("embedding", fixture.Run, "--k-min", "1");
        Assert.True(k.Exit == 2, k.ToString());
        Assert.Contains("--k-min must be at least 2, got 1", k.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ProbeRecoversADatasetVariableOnSnowyBasinsAndItsOwnOutputFromTheHiddenState()
    {
        // Day length is not an input of the run (prcp, srad, tmax, tmin, vp): the memory of the season holds it.
        var run = Hydro("probe", fixture.Run, "--target", "dayl", "--where", "frac_snow>0.25");
        Assert.True(run.Exit == 0, run.ToString());
        var dir = Path.Combine(fixture.Run, "analysis", "probe_dayl_frac_snow_gt_0.25");
        Assert.Contains("probe of dayl from c[t] of seed 1: fitted on train, scored on test 2002-10-01..2003-09-30, 2 basins", run.Out, StringComparison.Ordinal);
        var r2 = File.ReadAllLines(Path.Combine(dir, "r2.csv"));
        Assert.Equal(["01030500", "01057000"], r2.Skip(1).Select(r => r.Split(',')[0])); // frac_snow 0.277 and 0.251; 01022500 has 0.245
        Assert.Equal(365, File.ReadAllLines(Path.Combine(dir, "predictions", "01030500.csv")).Length - 1);

        // The prediction is a linear head on h[t]: a probe from h to the run's own simulated streamflow is exact.
        var own = Hydro("probe", fixture.Run, "--from-run", fixture.Run, "--column", "streamflow_sim", "--states", "hidden");
        Assert.True(own.Exit == 0, own.ToString());
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Run, "analysis", $"probe_streamflow_sim_from_{Path.GetFileName(fixture.Run)}_hidden", "summary.json")))!;
        Assert.True(summary["test_r2"]!.GetValue<double>() > 0.9999, summary.ToJsonString());

        foreach (var (args, message) in new[]
        {
            (new[] { "--target", "streamflow" }, "the model was trained on 'streamflow'"),
            (["--target", "swe"], "probe target swe is 0 on every one of its"), // the CAMELS Daymet files carry swe = 0
            (["--target", "swee"], "did you mean 'swe'?"),
            (["--target", "swe", "--where", "frac_snow~0.2"], "'frac_snow~0.2' is not a condition"),
            (["--target", "swe", "--where", "frac_snw>0.2"], "unknown attribute 'frac_snw' — did you mean 'frac_snow'?"),
            (["--from-run", fixture.Run], "--from-run needs --column NAME"),
            ([], "probe needs a target"),
            (["--target", "swe", "--states", "memory"], "memory"),
        })
        {
            var bad = Hydro(["probe", fixture.Run, .. args]);
            Assert.True(bad.Exit == 2, bad.ToString());
            Assert.Contains(message, bad.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", bad.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SimulateRunsATrainedRunOnChosenDatesLikePredict()
    {
        var run = Hydro("simulate", fixture.Run, "--start", "2002-10-01", "--end", "2002-12-31", "--out", fixture.Combine("simulated"));
        Assert.True(run.Exit == 0, run.ToString());
        var files = Directory.GetFiles(fixture.Combine("simulated", "predictions")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Basins.Select(b => b + ".csv"), files);
        var lines = File.ReadAllLines(fixture.Combine("simulated", "predictions", "01022500.csv"));
        Assert.Equal(1 + 92, lines.Length);
        Assert.Equal("date,streamflow_sim", lines[0]);
    }

    [Fact]
    public void RecoveryOfAModelWithoutAParameterLearnerSaysWhy()
    {
        var run = Hydro("recovery", fixture.Run);
        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains("parameters.csv does not exist: evaluate the period first", run.Err, StringComparison.Ordinal);
        Assert.Contains("parameters.csv is written for models with a parameter learner", run.Err, StringComparison.Ordinal);
    }
}

