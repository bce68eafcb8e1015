using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Evaluation;
using Hydro.Core.Experiments;
using Hydro.Core.Plugins;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Plugins.Hbv.Hbv;
using Hydro.Plugins.Tests.Hbv;

namespace Hydro.Plugins.Tests.TimeSteps;

/// <summary>An hourly dataset trained and evaluated end to end with a tiny LSTM: windows, periods and outputs are in hours.</summary>
public sealed class HourlyRunTests : IDisposable
{
    private const string Yaml = """
        experiment_name: hourly
        seed: 5
        dataset: {type: hourly_test, basins: 2, hours: 288}
        periods:
          train: {start: 2014-09-11, end: 2014-09-17}
          validation: {start: 2014-09-18T00:00, end: 2014-09-20}
        inputs:
          dynamic: [rain]
        targets: [flow]
        model:
          backbone: {type: lstm, hidden_size: 4, dropout: 0}
        loss: {type: mse}
        optimizer: {type: adam, lr: 0.01}
        training:
          epochs: 1
          batch_size: 8
          samples_per_epoch: 16
          sequence_length: 24
          predict_last_n: 1
        evaluation: {metrics: [nse], period: validation}
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), $"hydro-hourly-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal static ComponentCatalog Catalog()
    {
        var catalog = HbvExperimentTests.Catalog();
        catalog.Add(new ComponentDescriptor(ComponentKind.Dataset, "hourly_test", typeof(HourlyDataset), typeof(HourlyDatasetOptions), "Hydro.Plugins.Tests"));
        return catalog;
    }

    private static Experiment Load(string yaml)
    {
        var result = new ExperimentLoader(Catalog()).LoadText(yaml);
        Assert.True(result.Succeeded, result.ToString());
        return result.Experiment!;
    }

    [Fact]
    public void AnHourlyRunTrainsAndEvaluatesInHoursWithoutAggregating()
    {
        lock (HourlyDataset.Requests)
        {
            HourlyDataset.Requests.Clear();
        }

        var result = new TrainingService(Catalog()).Train(Load(Yaml), new TrainOptions
        {
            RunDirectory = Path.Combine(root, "run"),
            ExperimentText = Yaml,
            PluginLock = new PluginLock([]),
        });
        Assert.Equal(TrainingStatus.Completed, result.Status);

        // The train period ends on the last hour of 2014-09-17; its history is 23 hours (sequence_length − 1), not days.
        List<DataRequest> requests;
        lock (HourlyDataset.Requests)
        {
            requests = [.. HourlyDataset.Requests];
        }

        Assert.Contains(requests, r => r.Start == new DateTime(2014, 9, 10, 1, 0, 0) && r.End == new DateTime(2014, 9, 17, 23, 0, 0));
        Assert.Contains(requests, r => r.Start == new DateTime(2014, 9, 17, 1, 0, 0) && r.End == new DateTime(2014, 9, 20, 23, 0, 0));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(result.RunDirectory, RunLayout.ConfigJson)))!;
        Assert.Equal("PT1H", (string?)config["time_step"]);
        Assert.Equal("2014-09-17", (string?)config["periods"]!["train"]!["end"]);
        Assert.Equal("2014-09-18T00:00", (string?)config["periods"]!["validation"]!["start"]);

        var evaluation = new Evaluator(Catalog()).Evaluate(result.RunDirectory);
        Assert.Equal((new DateTime(2014, 9, 18), new DateTime(2014, 9, 20, 23, 0, 0), TimeSpan.FromHours(1)), (evaluation.Start, evaluation.End, evaluation.Step));
        Assert.Equal(2, evaluation.Basins);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(evaluation.OutputDirectory, ResultFiles.SummaryJson)))!;
        Assert.Equal(("2014-09-18T00:00", "2014-09-20T23:00", "PT1H"), ((string?)summary["start"], (string?)summary["end"], (string?)summary["time_step"]));

        // One row per hour (72 = 3 days × 24), stamped yyyy-MM-ddTHH:mm, observed values exactly the dataset's hourly flow.
        var rows = File.ReadAllLines(Path.Combine(evaluation.OutputDirectory, ResultFiles.PredictionsFolder, "h1.csv"));
        Assert.Equal("date,flow_obs,flow_sim", rows[0]);
        Assert.Equal(1 + 72, rows.Length);
        for (var i = 1; i < rows.Length; i++)
        {
            var f = rows[i].Split(',');
            var stamp = DateTime.ParseExact(f[0], "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            Assert.Equal(new DateTime(2014, 9, 18).AddHours(i - 1), stamp);
            var hour = (int)(stamp - HourlyDataset.First).TotalHours;
            Assert.Equal(HourlyDataset.Flow(hour, 1), double.Parse(f[1], CultureInfo.InvariantCulture), 5);
            Assert.True(double.IsFinite(double.Parse(f[2], CultureInfo.InvariantCulture)), rows[i]);
        }

        Assert.Equal("2014-09-20T23:00", rows[^1].Split(',')[0]);
    }

    [Fact]
    public void AnOffGridPeriodIsAnErrorNamingTheYamlPathAndLine()
    {
        var yaml = Yaml.Replace("start: 2014-09-18T00:00", "start: 2014-09-18T00:30", StringComparison.Ordinal);
        Assert.NotEqual(Yaml, yaml);
        var e = Assert.Throws<DataException>(() => new TrainingService(Catalog()).Train(Load(yaml), new TrainOptions
        {
            RunDirectory = Path.Combine(root, "off"),
            ExperimentText = yaml,
            PluginLock = new PluginLock([]),
        }));
        Assert.Contains(":6:", e.Message, StringComparison.Ordinal);
        Assert.Contains("periods.validation.start: 2014-09-18T00:30 is not on the dataset's time grid (a step every 1 hour from 2014-09-10T00:00)", e.Message, StringComparison.Ordinal);
        Assert.Contains("use 2014-09-18T00:00 or 2014-09-18T01:00", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "off")));
    }

    [Fact]
    public void HbvRefusesAnHourlyStep()
    {
        var e = Assert.Throws<ArgumentException>(() => new HbvBackbone(new HbvOptions(), new ComponentContext
        {
            DynamicInputs = ["prcp", "tmean", "pet"],
            Targets = ["streamflow"],
            TimeStep = TimeSpan.FromHours(1),
        }));
        Assert.Contains("hbv runs on daily steps", e.Message, StringComparison.Ordinal);
        Assert.Contains("01:00:00", e.Message, StringComparison.Ordinal);
    }
}
