using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>Issue 19, group 4: a checkpoint changed after it was written is refused (evaluate) or skipped (resume), never used.</summary>
public sealed class CheckpointChecksumTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void AFlippedWeightByteIsRefusedByEvaluateWithExitTwo()
    {
        var runDir = Train();
        var checkpoint = Path.Combine(runDir, "checkpoints", "epoch_002.safetensors");
        Assert.True(File.Exists(checkpoint + ".sha256"), "no sidecar written");
        FlipByteIn(checkpoint, name => !name.StartsWith("state.", StringComparison.Ordinal) && !name.StartsWith("rng.", StringComparison.Ordinal));

        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "evaluate", runDir);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains($"{checkpoint}: the checkpoint is damaged (SHA-256 mismatch", run.Err.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("restore it from a backup, or train the run again", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void AFlippedRandomStateByteMakesResumeFallBackToThePreviousEpoch()
    {
        var runDir = Train();
        var checkpoint = Path.Combine(runDir, "checkpoints", "epoch_002.safetensors");
        var good = File.ReadAllBytes(checkpoint);
        FlipByteIn(checkpoint, name => name == "rng.generator");

        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "resume", runDir, "--no-evaluate");

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("checkpoints/epoch_002.safetensors is damaged (SHA-256 mismatch); resuming from epoch_001", run.Err + run.Out, StringComparison.Ordinal);
        // Epoch 2 was trained again from epoch 1: the same bytes as before the damage (resume is deterministic).
        Assert.Equal(good, File.ReadAllBytes(checkpoint));
        var evaluated = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "evaluate", runDir);
        Assert.True(evaluated.Exit == 0, evaluated.ToString());
    }

    [Fact]
    public void ResumeWithEveryCheckpointDamagedIsExitTwo()
    {
        var runDir = Train();
        foreach (var epoch in new[] { "epoch_001", "epoch_002" })
        {
            FlipByteIn(Path.Combine(runDir, "checkpoints", epoch + ".safetensors"), name => name.StartsWith("state.", StringComparison.Ordinal));
        }

        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "resume", runDir, "--no-evaluate");

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains($"{Path.Combine(runDir, "checkpoints")}: every checkpoint is damaged", run.Err, StringComparison.Ordinal);
        Assert.Contains("delete the checkpoints folder to train from the start", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ADamagedInitFromSourceIsRefusedWithTheYamlPosition()
    {
        var source = Train();
        var checkpoint = Path.Combine(source, "checkpoints", "epoch_002.safetensors");
        FlipByteIn(checkpoint, name => name.StartsWith("backbone.", StringComparison.Ordinal));

        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "validate", Write("child", $"\n  init_from: {source}"));

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains("training.init_from: ", run.Err, StringComparison.Ordinal);
        Assert.Contains($"{checkpoint}: the checkpoint is damaged (SHA-256 mismatch", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunWithoutSidecarsStillEvaluates()
    {
        var runDir = Train();
        foreach (var sidecar in Directory.GetFiles(Path.Combine(runDir, "checkpoints"), "*.sha256"))
        {
            File.Delete(sidecar);
        }

        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "evaluate", runDir);

        Assert.True(run.Exit == 0, run.ToString());
    }

    /// <summary>Flips one bit in the middle of the first tensor whose name matches, found through the safetensors header.</summary>
    private static void FlipByteIn(string file, Func<string, bool> tensor)
    {
        var bytes = File.ReadAllBytes(file);
        var headerLength = (int)BinaryPrimitives.ReadInt64LittleEndian(bytes);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, headerLength));
        var entry = header.RootElement.EnumerateObject().First(p => p.Name != "__metadata__" && tensor(p.Name));
        var offsets = entry.Value.GetProperty("data_offsets");
        var (start, end) = (offsets[0].GetInt64(), offsets[1].GetInt64());
        Assert.True(end > start, $"{entry.Name} is empty");
        var at = 8 + headerLength + ((start + end) / 2);
        bytes[at] ^= 0x10;
        File.WriteAllBytes(file, bytes);
    }

    private string Train()
    {
        var trained = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "train", Write("tiny", ""), "--no-evaluate");
        Assert.True(trained.Exit == 0, trained.ToString());
        return Directory.GetDirectories(Path.Combine(dir.Path, "runs")).Single();
    }

    private string Write(string name, string trainingExtra) => TinySyntheticExperiment.Write(dir, name, epochs: 2, trainingExtra: trainingExtra);
}
