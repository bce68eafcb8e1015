using Hydro.Core.Analysis.Runs;
using Hydro.Core.Evaluation;
using Hydro.Core.Experiments;
using Hydro.Core.Plugins;
using Hydro.Core.Runs;
using Hydro.Core.Training;

namespace Hydro.Plugins.Tests.Hbv;

/// <summary>hbv with each learner through the training service and the evaluator, on a few synthetic basins.</summary>
public sealed class HbvTrainingTests : IDisposable
{
    private const string Yaml = """
        experiment_name: dhbv_smoke
        seed: 3
        dataset: {type: synthetic, basins: 3, start: 1980-01-01, end: 1984-12-31}
        periods:
          train: {start: 1980-06-01, end: 1982-12-31}
          validation: {start: 1983-01-01, end: 1983-12-31}
          test: {start: 1984-01-01, end: 1984-12-31}
        inputs:
          dynamic: [prcp, tmean, pet]
          static: [area, elev_mean, aridity]
        targets: [streamflow]
        model:
          backbone:
            type: hbv
            nmul: 2
            dynamic_parameters: [BETA]
          learner:
            type: lstm
            hidden_size: 16
            dropout: 0
        loss: {type: rmse}
        optimizer: {type: adam, lr: 0.05}
        training:
          epochs: 3
          batch_size: 6
          samples_per_epoch: 24
          sequence_length: 150
          warmup: 90
          predict_last_n: 60
          normalize_targets: false
        evaluation: {metrics: [nse], period: test}
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), $"hydro-hbv-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Experiment Load(string yaml)
    {
        var result = new ExperimentLoader(HbvExperimentTests.Catalog()).LoadText(yaml);
        Assert.True(result.Succeeded, result.ToString());
        return result.Experiment!;
    }

    private TrainingResult Train(string yaml, string name) =>
        new TrainingService(HbvExperimentTests.Catalog()).Train(Load(yaml), new TrainOptions
        {
            RunDirectory = Path.Combine(root, name),
            ExperimentText = yaml,
            PluginLock = new PluginLock([new PluginLockEntry("Hydro.Plugins.Hbv", "1.0.0", "tests", new string('a', 64))]),
        });

    [Fact]
    public void TheLstmLearnerTrainsHbvWithAWarmUpAndTheRunEvaluatesWithEveryFluxAndParameter()
    {
        var result = Train(Yaml, "lstm");
        Assert.Equal(TrainingStatus.Completed, result.Status);
        var log = TrainingLog.Read(Path.Combine(result.RunDirectory, RunLayout.TrainingLog));
        Assert.Equal([1, 2, 3], log.Select(r => r.Epoch));
        Assert.All(log, r => Assert.True(double.IsFinite(r.TrainLoss) && double.IsFinite(r.ValidationLoss), $"epoch {r.Epoch}: {r.TrainLoss} / {r.ValidationLoss}"));
        Assert.True(log[^1].TrainLoss < log[0].TrainLoss, $"training loss {string.Join(" → ", log.Select(r => r.TrainLoss))}");

        // The checkpoint reloads into a model built from the saved config, and evaluation writes the HBV outputs.
        var evaluation = new Evaluator(HbvExperimentTests.Catalog()).Evaluate(result.RunDirectory);
        Assert.Equal(3, evaluation.Basins);
        var csv = Directory.GetFiles(Path.Combine(evaluation.OutputDirectory, ResultFiles.PredictionsFolder)).Order(StringComparer.Ordinal).First();
        var header = File.ReadLines(csv).First().Split(',');
        Assert.Equal(["date", "streamflow_obs", "streamflow_sim", "BALANCE_ERROR", "ET", "LZ", "MELT", "Q0", "Q1", "Q2", "SM", "SNOW", "UZ", "param_BETA"], header);
        var parameters = File.ReadAllLines(Path.Combine(evaluation.OutputDirectory, ResultFiles.ParametersCsv));
        Assert.StartsWith("basin,BETA,FC,K0,K1,K2,LP,PERC,UZL,TT,CFMAX,CFR,CWH,BETAET,ROUTE_A,ROUTE_THETA", parameters[0], StringComparison.Ordinal);
        Assert.Equal(4, parameters.Length);
    }

    [Fact]
    public void TheFreeLearnerCalibratesOneBasinAndRefusesToPredictAnother()
    {
        var yaml = Yaml.Replace("basins: 3,", "basins: 1,", StringComparison.Ordinal)
            .Replace("dynamic_parameters: [BETA]", "dynamic_parameters: []", StringComparison.Ordinal)
            .Replace("type: lstm\n    hidden_size: 16\n    dropout: 0", "type: free", StringComparison.Ordinal)
            .Replace("epochs: 3", "epochs: 4", StringComparison.Ordinal);
        Assert.Contains("type: free", yaml, StringComparison.Ordinal);
        var result = Train(yaml, "free");
        Assert.Equal(TrainingStatus.Completed, result.Status);
        var log = TrainingLog.Read(Path.Combine(result.RunDirectory, RunLayout.TrainingLog));
        Assert.True(log[^1].TrainLoss < log[0].TrainLoss, $"training loss {string.Join(" → ", log.Select(r => r.TrainLoss))}");

        var evaluator = new Evaluator(HbvExperimentTests.Catalog());
        Assert.Equal(1, evaluator.Evaluate(result.RunDirectory).Basins);
        var e = Assert.ThrowsAny<Exception>(() => evaluator.Predict(result.RunDirectory, new PredictRequest { Basins = ["syn_001"], OutputDirectory = Path.Combine(root, "other") }));
        Assert.Contains("basin 'syn_001' has no parameters; it holds the 1 training basins (syn_000)", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RecoveryPairsEachLearnedParameterWithTheTruthThatGeneratedTheBasin()
    {
        var yaml = Yaml.Replace("nmul: 2\n    dynamic_parameters: [BETA]", "nmul: 1\n    variant: original\n    routing: false", StringComparison.Ordinal)
            .Replace("type: lstm\n    hidden_size: 16\n    dropout: 0", "type: mlp\n    hidden_size: 8", StringComparison.Ordinal);
        Assert.Contains("type: mlp", yaml, StringComparison.Ordinal);
        var result = Train(yaml, "recovery");
        var run = TrainedRun.Open(result.RunDirectory, HbvExperimentTests.Catalog());
        var missing = Assert.Throws<RunException>(() => RecoveryAnalysis.Run(run, new RecoveryRequest()));
        Assert.Contains("evaluate the period first (hydro evaluate", missing.Message, StringComparison.Ordinal);

        var evaluation = new Evaluator(HbvExperimentTests.Catalog()).Evaluate(result.RunDirectory);
        var report = RecoveryAnalysis.Run(run, new RecoveryRequest());
        Assert.Equal(["BETA", "FC", "K0", "K1", "K2", "LP", "PERC", "UZL", "TT", "CFMAX", "CFR", "CWH"], report.Parameters.Select(p => p.Parameter));
        Assert.All(report.Parameters, p => Assert.Equal(3, p.Basins));
        Assert.True(double.IsNaN(report.Parameters.Single(p => p.Parameter == "CFR").R2), "CFR is the same in every synthetic basin");

        // pairs.csv: the learned value is parameters.csv's, the true one the synthetic truth's.
        var learned = File.ReadAllLines(Path.Combine(evaluation.OutputDirectory, ResultFiles.ParametersCsv));
        var pairs = File.ReadAllLines(Path.Combine(report.Directory, "pairs.csv"));
        var header = pairs[0].Split(',');
        Assert.Equal(["basin", "BETA", "true_BETA", "FC", "true_FC"], header[..5]);
        for (var b = 0; b < 3; b++)
        {
            var row = pairs[b + 1].Split(',');
            var truth = Hydro.Plugins.Data.Synthetic.BasinSimulation.Run(0, b, new DateOnly(1980, 1, 1), 1827, 0.05).Profile.Parameters;
            Assert.Equal($"syn_{b:000}", row[0]);
            Assert.Equal((float)truth.FC, float.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(learned[b + 1].Split(',')[2], row[3]);
        }
    }
}

