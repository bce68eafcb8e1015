using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Metrics;
using Hydro.Core.Runs;
using Hydro.Core.Tests.Training;
using Hydro.Core.Training;
using Hydro.Torch;
using Hydro.Torch.Serialization;

namespace Hydro.Core.Tests.Evaluation;

/// <summary>
/// Evaluation of runs trained on the toy dataset (y = 2·x1 − x2 + 0.3·a + 1) with the linear backbone: predictions
/// are checked against the linear map recomputed from each checkpoint by hand, metrics against the prediction files.
/// </summary>
public sealed class EvaluatorTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"hydro-eval-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private string Train(string yaml, string name)
    {
        var result = new TrainingService(TrainingCatalog.Create()).Train(TrainingCatalog.Load(yaml), new TrainOptions
        {
            RunDirectory = Path.Combine(root, name),
            ExperimentText = yaml,
        });
        Assert.Equal(TrainingStatus.Completed, result.Status);
        return result.RunDirectory;
    }

    private static Evaluator Evaluator() => new(TrainingCatalog.Create());

    private static string With(string yaml, string from, string to)
    {
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        return yaml.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictionsAreTheModelAppliedToEachDayAndMetricsAgreeWithThem()
    {
        var run = Train(TrainingCatalog.BaseYaml, "one");
        var result = Evaluator().Evaluate(run);

        Assert.Equal("validation", result.Period);
        Assert.Equal(Path.Combine(run, "results", "validation"), result.OutputDirectory);
        Assert.Equal(3, result.Basins);
        var days = new DateTime(2001, 2, 3).DayNumber - new DateTime(2000, 10, 1).DayNumber + 1;
        var norm = Normalizer.Load(Path.Combine(run, Normalizer.FileName));
        var (w, b) = LinearWeights(Path.Combine(run, RunLayout.Checkpoints, RunLayout.BestCheckpoint));
        var metrics = Csv(Path.Combine(result.OutputDirectory, ResultFiles.MetricsCsv));
        Assert.Equal(["basin", "nse", "kge"], metrics[0]);
        for (var basin = 0; basin < 3; basin++)
        {
            var rows = Csv(Path.Combine(result.OutputDirectory, ResultFiles.PredictionsFolder, $"b{basin}.csv"));
            Assert.Equal(["date", "y_obs", "y_sim"], rows[0]);
            Assert.Equal(days, rows.Count - 1);
            var obs = new double[days];
            var sim = new double[days];
            for (var d = 0; d < days; d++)
            {
                var date = DateTime.ParseExact(rows[d + 1][0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                Assert.Equal(new DateTime(2000, 10, 1).AddDays(d), date);
                var (x1, x2) = ToyDataset.Inputs(basin, date.DayNumber - new DateTime(2000, 1, 1).DayNumber);
                obs[d] = double.Parse(rows[d + 1][1], CultureInfo.InvariantCulture);
                sim[d] = double.Parse(rows[d + 1][2], CultureInfo.InvariantCulture);
                Assert.Equal(ToyDataset.Truth(x1, x2, basin), obs[d], 1e-4);

                // The linear map in normalised space, de-normalised: what every day's window must have produced.
                var z = (w[0] * norm.Dynamic[0].Normalize((float)x1)) + (w[1] * norm.Dynamic[1].Normalize((float)x2))
                    + (w[2] * norm.Static[0].Normalize(basin)) + b;
                Assert.Equal(norm.Targets[0].Denormalize(z), sim[d], 1e-4);
            }

            var row = metrics.Single(r => r[0] == $"b{basin}");
            Assert.Equal(HydroMetrics.Nse(sim, obs).Value, double.Parse(row[1], CultureInfo.InvariantCulture), 1e-6);
            Assert.Equal(HydroMetrics.Kge(sim, obs).Value, double.Parse(row[2], CultureInfo.InvariantCulture), 1e-6);
        }

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(result.OutputDirectory, ResultFiles.SummaryJson)))!;
        var nse = metrics.Skip(1).Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(nse[1], summary["metrics"]!["nse"]!["median"]!.GetValue<double>(), 1e-6);
        Assert.Equal(nse.Average(), summary["metrics"]!["nse"]!["mean"]!.GetValue<double>(), 1e-6);
        Assert.Equal(nse.Count(v => v <= 0), summary["metrics"]!["nse"]!["at_or_below_zero"]!.GetValue<int>());
        Assert.Equal(Path.Combine(RunLayout.Checkpoints, RunLayout.BestCheckpoint), summary["checkpoints"]![0]!["file"]!.GetValue<string>());
        Assert.True(result.Summaries[0].Median > 0.95, $"median NSE {result.Summaries[0].Median}: the toy model did not learn");
        Assert.False(File.Exists(Path.Combine(result.OutputDirectory, ResultFiles.ParametersCsv)), "no learner, no parameters.csv");
    }

    [Fact]
    public void AnEnsemblePredictsTheMeanOfItsMembers()
    {
        var yaml = With(TrainingCatalog.BaseYaml, "epochs: 4", "epochs: 2\n  ensemble_seeds: [3, 4]");
        var run = Train(yaml, "ensemble");
        var result = Evaluator().Evaluate(run, new EvaluateRequest { Period = "train" });

        var norm = Normalizer.Load(Path.Combine(run, Normalizer.FileName));
        var members = new[] { 3, 4 }.Select(s => LinearWeights(Path.Combine(run, $"seed_{s}", RunLayout.Checkpoints, RunLayout.BestCheckpoint))).ToArray();
        Assert.NotEqual(members[0].W[0], members[1].W[0]);
        var rows = Csv(Path.Combine(result.OutputDirectory, ResultFiles.PredictionsFolder, "b2.csv"));
        // The training period starts on the data's first day: its first sequence_length − 1 days have no full window.
        Assert.Equal("NaN", rows[1][2]);
        foreach (var row in rows.Skip(1 + 4).Take(50))
        {
            var date = DateTime.ParseExact(row[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (x1, x2) = ToyDataset.Inputs(2, date.DayNumber - new DateTime(2000, 1, 1).DayNumber);
            var mean = members.Average(m => (m.W[0] * norm.Dynamic[0].Normalize((float)x1)) + (m.W[1] * norm.Dynamic[1].Normalize((float)x2))
                + (m.W[2] * norm.Static[0].Normalize(2)) + m.B);
            Assert.Equal(norm.Targets[0].Denormalize(mean), double.Parse(row[2], CultureInfo.InvariantCulture), 1e-4);
        }

        // One member alone: its own linear map, in its own folder.
        var single = Evaluator().Evaluate(run, new EvaluateRequest { Period = "train", Seed = 4 });
        Assert.Equal(Path.Combine(run, "results", "train_seed_4"), single.OutputDirectory);
        var row10 = Csv(Path.Combine(single.OutputDirectory, ResultFiles.PredictionsFolder, "b2.csv"))[10];
        var day = DateTime.ParseExact(row10[0], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - new DateTime(2000, 1, 1).DayNumber;
        var (u1, u2) = ToyDataset.Inputs(2, day);
        var m = members[1];
        var z = (m.W[0] * norm.Dynamic[0].Normalize((float)u1)) + (m.W[1] * norm.Dynamic[1].Normalize((float)u2)) + (m.W[2] * norm.Static[0].Normalize(2)) + m.B;
        Assert.Equal(norm.Targets[0].Denormalize(z), double.Parse(row10[2], CultureInfo.InvariantCulture), 1e-4);
        var e = Assert.Throws<RunException>(() => Evaluator().Evaluate(run, new EvaluateRequest { Seed = 5 }));
        Assert.Equal("seed 5 is not a model of this run; its seeds: 3, 4", e.Message);
    }

    [Fact]
    public void EpochChoosesTheCheckpointAndItsOwnFolder()
    {
        var run = Train(TrainingCatalog.BaseYaml, "epochs");
        var result = Evaluator().Evaluate(run, new EvaluateRequest { Epoch = 1 });
        Assert.Equal(Path.Combine(run, "results", "validation_epoch_001"), result.OutputDirectory);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(result.OutputDirectory, ResultFiles.SummaryJson)))!;
        Assert.Equal(Path.Combine(RunLayout.Checkpoints, RunLayout.EpochCheckpoint(1)), summary["checkpoints"]![0]!["file"]!.GetValue<string>());

        var e = Assert.Throws<RunException>(() => Evaluator().Evaluate(run, new EvaluateRequest { Epoch = 9 }));
        Assert.Contains("no checkpoint for epoch 9", e.Message, StringComparison.Ordinal);
        Assert.Contains("available: 1, 2, 3, 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictRunsOnBasinsAndDatesWithoutObservations()
    {
        var run = Train(TrainingCatalog.BaseYaml, "predict");

        // b7 was never in the experiment (the dataset has 3 basins); the toy dataset generates it from its index.
        var result = Evaluator().Predict(run, new PredictRequest { Basins = ["b7"], Start = new DateOnly(2000, 6, 1), End = new DateOnly(2000, 6, 30) });
        Assert.Equal(Path.Combine(run, "predictions", "20000601_20000630"), result.OutputDirectory);
        Assert.Empty(result.Summaries);
        var rows = Csv(Path.Combine(result.OutputDirectory, ResultFiles.PredictionsFolder, "b7.csv"));
        Assert.Equal(["date", "y_sim"], rows[0]);
        Assert.Equal(30, rows.Count - 1);
        var norm = Normalizer.Load(Path.Combine(run, Normalizer.FileName));
        var (w, b) = LinearWeights(Path.Combine(run, RunLayout.Checkpoints, RunLayout.BestCheckpoint));
        var (x1, x2) = ToyDataset.Inputs(7, new DateTime(2000, 6, 1).DayNumber - new DateTime(2000, 1, 1).DayNumber);
        var z = (w[0] * norm.Dynamic[0].Normalize((float)x1)) + (w[1] * norm.Dynamic[1].Normalize((float)x2)) + (w[2] * norm.Static[0].Normalize(7)) + b;
        Assert.Equal(norm.Targets[0].Denormalize(z), double.Parse(rows[1][1], CultureInfo.InvariantCulture), 1e-4);

        Assert.Throws<RunException>(() => Evaluator().Predict(run, new PredictRequest { Basins = ["b1"], Start = new DateOnly(2000, 6, 1) }));
        Assert.Throws<RunException>(() => Evaluator().Predict(run, new PredictRequest { Basins = ["b1"], Start = new DateOnly(2000, 6, 30), End = new DateOnly(2000, 6, 1) }));
    }

    [Fact]
    public void AFailedOrCancelledEvaluationLeavesThePreviousResultsAndNothingHalfWritten()
    {
        var run = Train(TrainingCatalog.BaseYaml, "atomic");
        var first = Evaluator().Evaluate(run);
        var before = File.ReadAllText(Path.Combine(first.OutputDirectory, ResultFiles.MetricsCsv));

        var unknown = Assert.Throws<RunException>(() => Evaluator().Evaluate(run, new EvaluateRequest { Metrics = ["nse", "kgee"] }));
        Assert.Contains("did you mean 'kge'", unknown.Message, StringComparison.Ordinal);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Evaluator().Evaluate(run, new EvaluateRequest { Metrics = ["rmse"], CancellationToken = cts.Token }));

        Assert.Equal(before, File.ReadAllText(Path.Combine(first.OutputDirectory, ResultFiles.MetricsCsv)));
        Assert.Equal(["validation"], Directory.GetDirectories(Path.Combine(run, "results")).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(run, "results"), ".*"));
    }

    [Fact]
    public void PeriodsAndRunDirectoriesAreCheckedWithMessages()
    {
        var run = Train(TrainingCatalog.BaseYaml, "periods");
        var e = Assert.Throws<RunException>(() => Evaluator().Evaluate(run, new EvaluateRequest { Period = "test" }));
        Assert.Equal("the experiment defines no test period (periods.test)", e.Message);
        e = Assert.Throws<RunException>(() => Evaluator().Evaluate(root));
        Assert.Contains("is not a run directory", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<RunException>(() => Evaluator().Evaluate(Path.Combine(root, "nowhere")));
        Assert.Contains("no such run directory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PerBasinPeriodsGiveABasinItsOwnDatesInTrainingAndEvaluation()
    {
        Directory.CreateDirectory(root);
        var periods = Path.Combine(root, "periods.csv");
        File.WriteAllText(periods, "basin,period,start,end\nb1,validation,2000-11-01,2000-12-31\nb2,train,2000-03-01,2000-09-30\n");
        var yaml = With(TrainingCatalog.BaseYaml, "  validation: {start: 2000-10-01, end: 2001-02-03}",
            $"  validation: {{start: 2000-10-01, end: 2001-02-03}}\n  per_basin_file: {periods}");
        var run = Train(yaml, "per-basin");
        var result = Evaluator().Evaluate(run);

        var b0 = Csv(Path.Combine(result.OutputDirectory, ResultFiles.PredictionsFolder, "b0.csv"));
        var b1 = Csv(Path.Combine(result.OutputDirectory, ResultFiles.PredictionsFolder, "b1.csv"));
        Assert.Equal(["2000-10-01", "2001-02-03"], new[] { b0[1][0], b0[^1][0] });
        Assert.Equal(["2000-11-01", "2000-12-31"], new[] { b1[1][0], b1[^1][0] });
        var train = Evaluator().Evaluate(run, new EvaluateRequest { Period = "train" });
        Assert.Equal("2000-03-01", Csv(Path.Combine(train.OutputDirectory, ResultFiles.PredictionsFolder, "b2.csv"))[1][0]);
        Assert.Equal("2000-01-01", Csv(Path.Combine(train.OutputDirectory, ResultFiles.PredictionsFolder, "b0.csv"))[1][0]);
    }

    [Fact]
    public void ARunIsReopenedWithTheEnvironmentValuesItWasTrainedWith()
    {
        const string name = "HYDRO_EVALUATOR_TEST_DROPOUT";
        var yaml = With(TrainingCatalog.BaseYaml, "type: linear", $"type: linear\n    dropout: ${{{name}}}");
        Environment.SetEnvironmentVariable(name, "0.25");
        string run;
        try
        {
            run = Train(yaml, "environment");
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Assert.Contains($"\"{name}\": \"0.25\"", File.ReadAllText(Path.Combine(run, RunLayout.EnvironmentJson)), StringComparison.Ordinal);

        // The variable is unset now: without the record the config would not even load.
        var opened = TrainedRun.Open(run, TrainingCatalog.Create());
        Assert.Equal(0.25, opened.Experiment.Backbone.OptionsAs<LinearBackboneOptions>().Dropout);
        Assert.Equal(3, Evaluator().Evaluate(run).Basins);
    }

    private static (float[] W, float B) LinearWeights(string checkpoint)
    {
        using var scope = torch.NewDisposeScope();
        var (tensors, _) = SafeTensors.Load(checkpoint);
        return (tensors["backbone.linear.weight"].data<float>(), tensors["backbone.linear.bias"].data<float>()[0]);
    }

    private static List<string[]> Csv(string path) => [.. File.ReadAllLines(path).Select(l => l.Split(','))];
}
