using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Data;
using Hydro.Core.Plugins;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Torch;
using Hydro.Torch.Serialization;

namespace Hydro.Core.Tests.Training;

public sealed class TrainingServiceTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"hydro-train-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static TrainingService Service() => new(TrainingCatalog.Create());

    private TrainingResult Train(string yaml, string name, int? stopAfter = null, IProgress<TrainingProgress>? progress = null, CancellationToken ct = default) =>
        Service().Train(TrainingCatalog.Load(yaml), new TrainOptions
        {
            RunDirectory = Path.Combine(root, name),
            ExperimentText = yaml,
            StopAfterEpoch = stopAfter,
            Progress = progress,
            CancellationToken = ct,
            PluginLock = new PluginLock([new PluginLockEntry("Hydro.Tests", "1.0.0", "tests", new string('a', 64))]),
        });

    private static string With(string yaml, string from, string to)
    {
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        return yaml.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void LinearModelLearnsTheKnownFunctionAndTheRunDirectoryHoldsEverything()
    {
        var yaml = With(TrainingCatalog.BaseYaml, "epochs: 4", "epochs: 12");
        var result = Train(yaml, "fit");
        Assert.Equal(TrainingStatus.Completed, result.Status);
        var dir = result.RunDirectory;

        var log = TrainingLog.Read(Path.Combine(dir, RunLayout.TrainingLog));
        Assert.Equal(Enumerable.Range(1, 12), log.Select(r => r.Epoch));
        Assert.True(log[^1].TrainLoss < log[0].TrainLoss / 20, $"loss {log[0].TrainLoss} → {log[^1].TrainLoss}");
        Assert.True(log[^1].ValidationMedianNse > 0.99, $"validation median NSE {log[^1].ValidationMedianNse}");

        // Truth in normalised space: y_n = Σ w_j x_nj + c with w_j = β_j σ_j / σ_y.
        var norm = Normalizer.Load(Path.Combine(dir, Normalizer.FileName));
        double[] beta = [2, -1, 0.3];
        double[] sigma = [norm.Dynamic[0].Std, norm.Dynamic[1].Std, norm.Static[0].Std];
        using var scope = torch.NewDisposeScope();
        var (tensors, metadata) = SafeTensors.Load(Path.Combine(dir, RunLayout.Checkpoints, RunLayout.EpochCheckpoint(12)));
        var w = tensors["backbone.linear.weight"].data<float>();
        for (var j = 0; j < 3; j++)
        {
            var truth = beta[j] * sigma[j] / norm.Targets[0].Std;
            Assert.True(Math.Abs(w[j] - truth) < 0.03, $"weight {j}: {w[j]} vs truth {truth}");
        }

        Assert.Equal("12", metadata["epoch"]);
        Assert.Contains("backbone.linear.bias", tensors.Keys);
        Assert.Contains("rng.generator", tensors.Keys);
        Assert.Contains(tensors.Keys, k => k.StartsWith("state.0.", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(dir, RunLayout.Checkpoints, RunLayout.BestCheckpoint)));
        Assert.Equal(yaml, File.ReadAllText(Path.Combine(dir, RunLayout.ConfigYaml)));
        var json = File.ReadAllText(Path.Combine(dir, RunLayout.ConfigJson));
        Assert.Contains("\"experiment_name\": \"toy\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"linear\"", json, StringComparison.Ordinal);
        Assert.Contains("\"checkpoint_every\": 1", json, StringComparison.Ordinal);
        Assert.Equal("Hydro.Tests", PluginLock.Read(Path.Combine(dir, PluginLock.FileName)).Plugins.Single().Name);
        Assert.Equal(12, Directory.GetFiles(Path.Combine(dir, RunLayout.Checkpoints), "epoch_*.safetensors").Length);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void ResumeFromAnEpochBoundaryGivesBitIdenticalParameters()
    {
        var yaml = With(TrainingCatalog.BaseYaml, "type: linear", "type: linear\n    dropout: 0.2");
        yaml = With(yaml, "lr: 0.05", "lr: 0.05\nscheduler:\n  type: step\n  step_size: 1\n  gamma: 0.7");
        var full = Train(yaml, "full");
        Assert.Equal(TrainingStatus.Completed, full.Status);

        var part = Train(yaml, "part", stopAfter: 2);
        Assert.Equal(TrainingStatus.Paused, part.Status);
        Assert.True(part.Resumable);
        Assert.Equal(2, part.Members.Single().Epochs);
        var resumed = Service().Resume(part.RunDirectory);
        Assert.Equal(TrainingStatus.Completed, resumed.Status);

        AssertSameTensors(Final(full), Final(resumed));
        Assert.Equal(
            TrainingLog.Read(Path.Combine(full.RunDirectory, RunLayout.TrainingLog)).Select(r => (r.Epoch, r.TrainLoss, r.ValidationLoss, r.LearningRate)),
            TrainingLog.Read(Path.Combine(resumed.RunDirectory, RunLayout.TrainingLog)).Select(r => (r.Epoch, r.TrainLoss, r.ValidationLoss, r.LearningRate)));
    }

    [Fact]
    public void CancellationMidEpochLeavesAResumableCheckpointAndResumeMatchesAnUninterruptedRun()
    {
        var yaml = With(TrainingCatalog.BaseYaml, "type: linear", "type: linear\n    dropout: 0.3");
        var full = Train(yaml, "full");

        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Epoch == 2 && p.Batch == 3)
            {
                cts.Cancel();
            }
        });
        var cancelled = Train(yaml, "cancelled", progress: progress, ct: cts.Token);
        Assert.Equal(TrainingStatus.Cancelled, cancelled.Status);
        Assert.True(cancelled.Resumable);
        var checkpoint = Path.Combine(cancelled.RunDirectory, RunLayout.Checkpoints, RunLayout.BatchCheckpoint(2, 3));
        Assert.True(File.Exists(checkpoint), string.Join(", ", Directory.GetFiles(Path.GetDirectoryName(checkpoint)!)));
        using (torch.NewDisposeScope())
        {
            var (_, metadata) = SafeTensors.Load(checkpoint);
            Assert.Equal("1", metadata["epoch"]);
            Assert.Equal("3", metadata["batch"]);
        }

        var resumed = Service().Resume(cancelled.RunDirectory);
        Assert.Equal(TrainingStatus.Completed, resumed.Status);
        AssertSameTensors(Final(full), Final(resumed));
        Assert.Equal(4, TrainingLog.Read(Path.Combine(resumed.RunDirectory, RunLayout.TrainingLog)).Count);
    }

    [Fact]
    public void NonFiniteLossNamesTheBasinsAndDatesOfTheBatch()
    {
        var yaml = With(TrainingCatalog.BaseYaml, "type: linear", "type: linear\n    emit_nan: true");
        var e = Assert.Throws<TrainingException>(() => Train(yaml, "nan"));
        Assert.Contains("the loss is NaN at epoch 1, batch 1 (seed 7)", e.Message, StringComparison.Ordinal);
        Assert.Matches(@"b[0-2] ending 2000-\d\d-\d\d", e.Message);
        Assert.Contains("clip_grad_norm", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type: toy", "type: toy\n  fail: true", "dataset 'toy' (plugin Hydro.Tests): the toy dataset was told to fail")]
    [InlineData("static: [a]", "static: [elevation]", "inputs.static 'elevation' is not a variable of dataset 'toy'")]
    [InlineData("sequence_length: 5", "sequence_length: 300", "no valid window")]
    public void SetupFailureLeavesNoRunDirectory(string from, string to, string message)
    {
        var yaml = With(TrainingCatalog.BaseYaml, from, to);
        var e = Assert.ThrowsAny<Exception>(() => Train(yaml, "broken"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.True(e is ComponentCreationException or DataException or TrainingException, e.GetType().Name);
        Assert.False(Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any(), "nothing may remain after a failed setup");
    }

    [Fact]
    public void EarlyStoppingEnsemblesAndDefaultRunDirectoryNames()
    {
        var yaml = With(TrainingCatalog.BaseYaml, "epochs: 4", $"epochs: 30\n  early_stopping_patience: 1\n  ensemble_seeds: [1, 2]");
        yaml = With(yaml, "seed: 7", $"seed: 7\noutput_dir: {root}");
        yaml = With(yaml, "lr: 0.05", "lr: 0.5");
        var result = Service().Train(TrainingCatalog.Load(yaml), new TrainOptions { ExperimentText = yaml, Now = () => new DateTime(2024, 5, 6, 7, 8, 9) });
        Assert.Equal(Path.Combine(root, "toy_20240506_070809"), result.RunDirectory);
        Assert.Equal([1, 2], result.Members.Select(m => m.Seed));
        foreach (var m in result.Members)
        {
            Assert.Equal(Path.Combine(result.RunDirectory, $"seed_{m.Seed}"), m.Directory);
            Assert.True(File.Exists(Path.Combine(m.Directory, RunLayout.TrainingLog)));
            Assert.True(File.Exists(Path.Combine(m.Directory, RunLayout.Checkpoints, RunLayout.BestCheckpoint)));
            Assert.NotNull(m.BestEpoch);
        }

        Assert.Equal(TrainingStatus.EarlyStopped, result.Status);
        Assert.Contains(result.Members, m => m.Epochs < 30);

        // A resumed finished run has nothing left to do.
        var again = Service().Resume(result.RunDirectory);
        Assert.Equal(result.Members.Select(m => m.Epochs), again.Members.Select(m => m.Epochs));

        // The same second gives a fresh name, not an overwrite.
        var second = RunLayout.NewRunDirectory(root, "toy", new DateTime(2024, 5, 6, 7, 8, 9));
        Assert.Equal(Path.Combine(root, "toy_20240506_070809_2"), second);
    }

    [Fact]
    public void BasinsWithoutObservationsAreReportedNotFatal()
    {
        var yaml = With(TrainingCatalog.BaseYaml, "days: 400", "days: 400\n  empty_basin: b1");
        yaml = With(yaml, "epochs: 4", "epochs: 1");
        var result = Train(yaml, "empty");
        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Contains(result.Warnings, w => w.StartsWith("basin b1: no observed y in the train period", StringComparison.Ordinal));
        var norm = Normalizer.Load(Path.Combine(result.RunDirectory, Normalizer.FileName));
        Assert.Null(norm.ForBasin("b1"));
        Assert.NotNull(norm.ForBasin("b2"));
    }

    private static Dictionary<string, float[]> Final(TrainingResult result)
    {
        using var scope = torch.NewDisposeScope();
        var (tensors, _) = SafeTensors.Load(Path.Combine(result.RunDirectory, RunLayout.Checkpoints, RunLayout.EpochCheckpoint(4)));
        return tensors.Where(kv => kv.Value.dtype == ScalarType.Float32).ToDictionary(kv => kv.Key, kv => kv.Value.data<float>());
    }

    private static void AssertSameTensors(Dictionary<string, float[]> expected, Dictionary<string, float[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.Contains("backbone.linear.weight", expected.Keys);
        foreach (var (key, value) in expected)
        {
            var a = actual[key];
            Assert.True(value.Length == a.Length && value.Zip(a).All(p => BitConverter.SingleToInt32Bits(p.First) == BitConverter.SingleToInt32Bits(p.Second)),
                $"{key}: [{string.Join(", ", value)}] vs [{string.Join(", ", a)}]");
        }
    }

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
