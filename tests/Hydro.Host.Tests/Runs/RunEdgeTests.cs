using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>Issue 19, group 6: user mistakes around a run that used to exit 1 or print raw messages.</summary>
public sealed class RunEdgeTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void MissingCudaDeviceIsOneLineAndExitTwo()
    {
        var run = Train(device: "cuda:7");

        Assert.True(run.Exit == 2, run.ToString());
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("hydro: device 'cuda:7': this ", line, StringComparison.Ordinal);
        Assert.Contains("CUDA device", line, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputDirBelowARegularFileNamesTheFile()
    {
        var blocker = dir.Combine("blocker");
        File.WriteAllText(blocker, "not a folder");

        var run = Train(outputDir: Path.Combine(blocker, "runs"));

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains($"{blocker} is a regular file", run.Err, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(blocker, "runs"), run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedCheckpointIsExitTwoNamingTheFile()
    {
        var trained = Train();
        Assert.True(trained.Exit == 0, trained.ToString());
        var runDir = Directory.GetDirectories(dir.Combine("runs")).Single();
        var checkpoint = Directory.GetFiles(Path.Combine(runDir, "checkpoints"), "epoch_*.safetensors").Single();
        var bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes[..(bytes.Length / 2)]);

        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "evaluate", runDir);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains(checkpoint, run.Err, StringComparison.Ordinal);
        Assert.Contains("the checkpoint is damaged", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("crash-", run.Err, StringComparison.Ordinal);
    }

    private CliRun Train(string device = "cpu", string? outputDir = null) =>
        HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "train", TinySyntheticExperiment.Write(dir, "tiny", device: device, outputDir: outputDir), "--no-evaluate");
}
