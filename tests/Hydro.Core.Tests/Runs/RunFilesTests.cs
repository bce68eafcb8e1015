using Hydro.Core.Runs;
using Hydro.Core.Training;

namespace Hydro.Core.Tests.Runs;

public sealed class RunFilesTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hydro-runs-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void AtomicWriteKeepsTheOldFileWhenTheWriterFails()
    {
        var path = Path.Combine(dir, "a.txt");
        AtomicFile.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, tmp =>
        {
            File.WriteAllText(tmp, "half");
            throw new InvalidOperationException("disk full");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["a.txt"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void TrainingLogAppendsReadsAndTruncatesAfterTheResumedEpoch()
    {
        var path = Path.Combine(dir, RunLayout.TrainingLog);
        TrainingLog.Append(path, new TrainingLogRow(1, 0.5, double.NaN, double.NaN, 1e-3, 1.25));
        TrainingLog.Append(path, new TrainingLogRow(2, 0.25, 0.3, 0.71, 1e-3, 1));
        TrainingLog.Append(path, new TrainingLogRow(3, 0.125, 0.2, 0.75, 1e-4, 1));
        Assert.Equal(TrainingLog.Header + "\n1,0.5,,,0.001,1.25\n2,0.25,0.3,0.71,0.001,1\n3,0.125,0.2,0.75,0.0001,1\n", File.ReadAllText(path));
        TrainingLog.TruncateAfter(path, 2);
        Assert.Equal([1, 2], TrainingLog.Read(path).Select(r => r.Epoch));
        Assert.True(double.IsNaN(TrainingLog.Read(path)[0].ValidationLoss));
    }

    [Fact]
    public void LatestCheckpointOrdersEpochsAndMidEpochCheckpoints()
    {
        Assert.Null(ModelTrainer.LatestCheckpoint(Path.Combine(dir, "none")));
        foreach (var name in new[] { RunLayout.EpochCheckpoint(2), RunLayout.BatchCheckpoint(3, 17), RunLayout.EpochCheckpoint(1), RunLayout.BestCheckpoint })
        {
            File.WriteAllText(Path.Combine(dir, name), "");
        }

        Assert.Equal("epoch_003_batch_000017.safetensors", Path.GetFileName(ModelTrainer.LatestCheckpoint(dir)));
        File.WriteAllText(Path.Combine(dir, RunLayout.EpochCheckpoint(3)), "");
        Assert.Equal("epoch_003.safetensors", Path.GetFileName(ModelTrainer.LatestCheckpoint(dir)));
    }
}
