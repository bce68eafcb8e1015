using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>
/// <c>hydro train</c> then <c>evaluate</c> and <c>predict</c> on three real basins of ../shared/data, for CAMELS-US and
/// Caravan: small models and two epochs, so the test checks the pipeline, not the skill.
/// </summary>
public sealed class RealDataRunTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void CamelsUsTrainsEvaluatesAndPredictsAnUngaugedBasin()
    {
        var yaml = Experiment("camels3", $"""
            dataset:
              type: camels_us
              data_dir: {TestData.CamelsUs}
              forcing: daymet
              basins: ["01022500", "01030500", "01057000"]
            """, "[prcp, srad, tmax, tmin, vp, pet_hargreaves]", "[elev_mean, area_gages2, p_mean, frac_snow]");
        var run = TrainAndCheck(yaml, ["01022500", "01030500", "01057000"]);

        // 05120500 has Daymet forcing but no streamflow file: predict needs inputs only.
        File.WriteAllText(dir.Combine("ungauged.txt"), "# a basin without observations\n05120500\n");
        var predicted = HydroRunner.Run(HydroRunner.WithBuiltIns, Bound, "predict", run, "--basins", dir.Combine("ungauged.txt"), "--start", "2003-01-01", "--end", "2003-03-31");
        Assert.True(predicted.Exit == 0, predicted.ToString());
        var rows = File.ReadAllLines(Path.Combine(run, "predictions", "20030101_20030331", "predictions", "05120500.csv"));
        Assert.Equal("date,streamflow_sim", rows[0]);
        Assert.Equal(90, rows.Length - 1);
        Assert.All(rows.Skip(1), r => Assert.True(double.IsFinite(double.Parse(r.Split(',')[1], CultureInfo.InvariantCulture)), r));

        var unknown = HydroRunner.Run(HydroRunner.WithBuiltIns, Bound, "predict", run, "--basins", Write("bad.txt", "01022500\n99999999\n"));
        Assert.True(unknown.Exit == 2, unknown.ToString());
        Assert.Contains("99999999", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void CaravanTrainsAndEvaluatesEveryPeriod()
    {
        var yaml = Experiment("caravan3", $"""
            dataset:
              type: caravan
              data_dir: {TestData.Caravan}
              basins: [camels_01022500, camels_01078000, camels_01137500]
            """, "[total_precipitation_sum, temperature_2m_mean, potential_evaporation_sum]", "[p_mean, aridity, frac_snow]");
        var run = TrainAndCheck(yaml, ["camels_01022500", "camels_01078000", "camels_01137500"]);

        var validation = HydroRunner.Run(HydroRunner.WithBuiltIns, Bound, "evaluate", run, "--period", "validation", "--epoch", "1");
        Assert.True(validation.Exit == 0, validation.ToString());
        Assert.Contains("validation 2001-10-01..2002-09-30: 3 basins", validation.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run, "results", "validation_epoch_001", "metrics.csv")));
    }

    private string TrainAndCheck(string yaml, string[] basins)
    {
        var file = Write("experiment.yaml", yaml);
        var trained = HydroRunner.Run(HydroRunner.WithBuiltIns, Bound, "train", file);
        Assert.True(trained.Exit == 0, trained.ToString());
        var run = trained.Out.Split('\n').Single(l => l.StartsWith("run: ", StringComparison.Ordinal))[5..].Trim();
        Assert.StartsWith(dir.Combine("runs"), run, StringComparison.Ordinal);
        Assert.Contains("epoch 2: train loss", trained.Err, StringComparison.Ordinal);
        Assert.Contains("test 2002-10-01..2003-09-30: 3 basins", trained.Out, StringComparison.Ordinal);
        foreach (var f in new[] { "config.yaml", "config.json", "plugins.lock", "normalization.json", "training_log.csv", "checkpoints/epoch_002.safetensors" })
        {
            Assert.True(File.Exists(Path.Combine(run, f)), $"{f} missing in {run}");
        }

        var results = Path.Combine(run, "results", "test");
        var metrics = File.ReadAllLines(Path.Combine(results, "metrics.csv"));
        Assert.Equal("basin,nse,kge", metrics[0]);
        Assert.Equal(basins, metrics.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(metrics.Skip(1), l => Assert.True(double.IsFinite(double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)), l));
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(results, "summary.json")))!;
        Assert.Equal(3, summary["basins"]!.GetValue<int>());
        Assert.Equal(3, summary["metrics"]!["nse"]!["evaluated"]!.GetValue<int>());
        foreach (var b in basins)
        {
            var rows = File.ReadAllLines(Path.Combine(results, "predictions", b + ".csv"));
            Assert.Equal("date,streamflow_obs,streamflow_sim", rows[0]);
            Assert.Equal(365, rows.Length - 1);
            Assert.StartsWith("2002-10-01,", rows[1], StringComparison.Ordinal);
            Assert.StartsWith("2003-09-30,", rows[^1], StringComparison.Ordinal);
        }

        return run;
    }

    private string Experiment(string name, string dataset, string dynamic, string statics) => $"""
        experiment_name: {name}
        seed: 1
        output_dir: {dir.Combine("runs")}
        {dataset}
        periods:
          train: {"{"}start: 1999-10-01, end: 2001-09-30{"}"}
          validation: {"{"}start: 2001-10-01, end: 2002-09-30{"}"}
          test: {"{"}start: 2002-10-01, end: 2003-09-30{"}"}
        inputs:
          dynamic: {dynamic}
          static: {statics}
        targets: [streamflow]
        model:
          backbone:
            type: lstm
            hidden_size: 16
            dropout: 0
        loss:
          type: nse_star
        training:
          epochs: 2
          batch_size: 64
          sequence_length: 90
          samples_per_epoch: 512
        evaluation:
          metrics: [nse, kge]
          period: test
        """;

    private string Write(string name, string text)
    {
        var path = dir.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }
}
