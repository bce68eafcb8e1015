using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Core.Evaluation;
using Hydro.Core.Experiments;
using Hydro.Core.Metrics;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Torch;

namespace Hydro.Core.Tests.Forecast;

/// <summary>
/// A forecast experiment end to end on the toy dataset (training service, then evaluator), with the mixing backbone,
/// which throws if it is ever given the targets; and the options a forecast rejects.
/// </summary>
public sealed class ForecastRunTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"hydro-forecast-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static List<string[]> Csv(string path) => [.. File.ReadAllLines(path).Select(l => l.Split(','))];

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void TrainsAndEvaluatesPerLeadTimeWithPersistence()
    {
        var experiment = ForecastCatalog.Load(ForecastCatalog.Yaml);
        var trained = new TrainingService(ForecastCatalog.Create()).Train(experiment, new TrainOptions
        {
            RunDirectory = Path.Combine(root, "run"),
            ExperimentText = ForecastCatalog.Yaml,
        });
        Assert.Equal(TrainingStatus.Completed, trained.Status);
        var log = TrainingLog.Read(Path.Combine(trained.RunDirectory, RunLayout.TrainingLog));
        Assert.All(log, r => Assert.True(double.IsFinite(r.ValidationMedianNse), $"epoch {r.Epoch}: validation NSE {r.ValidationMedianNse}"));

        var result = new Evaluator(ForecastCatalog.Create()).Evaluate(trained.RunDirectory);
        var dir = result.OutputDirectory;
        Assert.Equal(3, result.Basins);
        Assert.Equal([1, 2, 3], result.LeadTimes.Select(l => l.Lead));
        Assert.Equal(["nse", "rmse"], result.Summaries.Select(s => s.Metric));

        // lead_times.csv: one row per basin and lead, the model's metrics then persistence's.
        var leads = Csv(Path.Combine(dir, ForecastFiles.LeadTimesCsv));
        Assert.Equal(["basin", "lead", "nse", "rmse", "persistence_nse", "persistence_rmse"], leads[0]);
        Assert.Equal(9, leads.Count - 1);
        Assert.Equal(["1", "2", "3"], leads.Skip(1).Where(r => r[0] == "b1").Select(r => r[1]));

        // metrics.csv holds lead 1.
        var metrics = Csv(Path.Combine(dir, ResultFiles.MetricsCsv));
        Assert.Equal(["basin", "nse", "rmse"], metrics[0]);
        foreach (var row in metrics.Skip(1))
        {
            Assert.Equal(row[1..], leads.Single(r => r[0] == row[0] && r[1] == "1")[2..4]);
        }

        // forecasts/b1.csv, read back: every issue day of the validation period whose 3 lead times fit, 3 rows each.
        var rows = Csv(Path.Combine(dir, ForecastFiles.ForecastsFolder, "b1.csv"));
        Assert.Equal(["issue_time", "lead", "time", "observed", "simulated", "persistence"], rows[0]);
        var issues = new DateTime(2001, 2, 3).DayNumber - new DateTime(2000, 10, 1).DayNumber + 1 - 3;
        Assert.Equal(issues * 3, rows.Count - 1);
        var byIssue = rows.Skip(1).ToLookup(r => r[0]);
        foreach (var r in rows.Skip(1))
        {
            var issue = DateTime.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var lead = int.Parse(r[1], CultureInfo.InvariantCulture);
            Assert.Equal(issue.AddDays(lead), DateTime.ParseExact(r[2], "yyyy-MM-dd", CultureInfo.InvariantCulture));

            // Persistence is the observation on the issue day: the lead-1 observation of the previous issue day.
            var previous = byIssue[issue.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].FirstOrDefault(p => p[1] == "1");
            if (previous is not null)
            {
                Assert.Equal(previous[3], r[5]);
            }
        }

        // The lead-2 NSE of b1, recomputed from the file, is the one in lead_times.csv.
        var lead2 = rows.Skip(1).Where(r => r[1] == "2").ToList();
        Assert.Equal(
            HydroMetrics.Nse([.. lead2.Select(r => Number(r[4]))], [.. lead2.Select(r => Number(r[3]))]).Value,
            Number(leads.Single(r => r[0] == "b1" && r[1] == "2")[2]), 6);
        Assert.Equal(
            HydroMetrics.Nse([.. lead2.Select(r => Number(r[5]))], [.. lead2.Select(r => Number(r[3]))]).Value,
            Number(leads.Single(r => r[0] == "b1" && r[1] == "2")[4]), 6);

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, ResultFiles.SummaryJson)))!;
        Assert.Equal(3, summary["lead_times"]!["horizon"]!.GetValue<int>());
        Assert.Equal(1, summary["lead_times"]!["metrics_lead"]!.GetValue<int>());
        var json = summary["lead_times"]!["leads"]!.AsArray();
        Assert.Equal(3, json.Count);
        Assert.Equal(result.LeadTimes[2].Persistence[0].Median, json[2]!["persistence"]!["nse"]!["median"]!.GetValue<double>(), 12);
        Assert.Equal(result.LeadTimes[2].Model[1].Mean, json[2]!["model"]!["rmse"]!["mean"]!.GetValue<double>(), 12);
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(dir)!, ".*"));
    }

    [Fact]
    public void TheModelContextListsTheObservedInputsAfterTheForcings()
    {
        var experiment = ForecastCatalog.Load(ForecastCatalog.Yaml);
        var context = TrainingSetup.ModelContext(experiment, Device.CPU, null, null, ["b0"], Hydro.Core.Data.TimeSteps.Day);
        Assert.Equal(["x1", "x2", "y_obs", "y_obs_flag"], context.DynamicInputs);
        Assert.Equal(["y_obs", "y_obs_flag"], context.ObservedInputs);
        Assert.Equal(3, context.Horizon);

        var hindcast = TrainingSetup.ModelContext(Training.TrainingCatalog.Load(Training.TrainingCatalog.BaseYaml), Device.CPU, null, null, ["b0"], Hydro.Core.Data.TimeSteps.Day);
        Assert.Equal(["x1", "x2"], hindcast.DynamicInputs);
        Assert.Equal(0, hindcast.Horizon);
        Assert.Empty(hindcast.ObservedInputs);
    }

    [Theory]
    [InlineData("horizon: 3", "horizon: 0", "forecast.horizon")]
    [InlineData("sequence_length: 4", "sequence_length: 4\n  predict_last_n: 2", "training.predict_last_n")]
    [InlineData("sequence_length: 4", "sequence_length: 4\n  warmup: 4", "training.warmup")]
    public void BadForecastOptionsAreRejectedAtTheirLine(string from, string to, string path)
    {
        var yaml = ForecastCatalog.Yaml.Replace(from, to, StringComparison.Ordinal);
        var result = new ExperimentLoader(ForecastCatalog.Create()).LoadText(yaml);
        Assert.False(result.Succeeded);
        var error = result.Errors.First(e => e.Path == path);
        var key = path[(path.LastIndexOf('.') + 1)..] + ":";
        var line = yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.TrimStart().StartsWith(key, StringComparison.Ordinal)).i + 1;
        Assert.Equal(line, error.Line);
        if (path == "training.predict_last_n")
        {
            Assert.Contains("a forecast scores the 3 lead times", error.Message, StringComparison.Ordinal);
        }
    }
}
