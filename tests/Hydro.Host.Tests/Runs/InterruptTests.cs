using System.Diagnostics;
using System.Runtime.InteropServices;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>Ctrl+C (SIGINT) during <c>hydro train</c>: a checkpoint after the current batch, exit 1, then <c>hydro resume</c> finishes the run.</summary>
public sealed class InterruptTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task SigintLeavesAResumableCheckpointAndResumeFinishes()
    {
        var yaml = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "examples", "quickstart.yaml"))
            .Replace("epochs: 20", "epochs: 3", StringComparison.Ordinal);
        var file = dir.Combine("quick.yaml");
        File.WriteAllText(file, yaml);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(TestPaths.HostOutput, "hydro.dll"), "train", file })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var err = new System.Text.StringBuilder();
        var firstEpoch = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (err)
            {
                err.AppendLine(e.Data);
            }

            if (e.Data?.Contains("epoch 1: train loss", StringComparison.Ordinal) == true)
            {
                firstEpoch.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        await firstEpoch.Task.WaitAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(0, Kill(process.Id, 2)); // SIGINT, as Ctrl+C in a terminal
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "hydro did not stop after SIGINT");
        process.WaitForExit();

        var stdout = await output;
        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}\n{stdout}\n{err}");
        Assert.Contains("cancelled; a checkpoint was written", err.ToString(), StringComparison.Ordinal);
        var run = Directory.GetDirectories(dir.Combine("runs")).Single();
        var checkpoints = Directory.GetFiles(Path.Combine(run, "checkpoints")).Select(Path.GetFileName).ToList();
        Assert.Contains("epoch_001.safetensors", checkpoints);
        Assert.DoesNotContain("epoch_003.safetensors", checkpoints);
        Assert.False(Directory.Exists(Path.Combine(run, "results")), "a cancelled training is not evaluated");

        var resumed = HydroRunner.Process(dir.Path, TimeSpan.FromMinutes(10), "resume", run);
        Assert.True(resumed.Exit == 0, resumed.ToString());
        Assert.True(File.Exists(Path.Combine(run, "checkpoints", "epoch_003.safetensors")));
        Assert.Contains("test 1997-01-01..1999-12-31: 10 basins", resumed.Out, StringComparison.Ordinal);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
