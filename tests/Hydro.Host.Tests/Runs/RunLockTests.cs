using System.Diagnostics;
using System.Runtime.InteropServices;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>
/// One writer per run directory: a <c>resume</c> while the run's <c>train</c> or another <c>resume</c> runs is refused
/// (exit 2, naming the holder's pid), a writer killed with SIGKILL leaves no lock behind, and two <c>train</c>s of one
/// experiment started together both get a run directory of their own.
/// </summary>
public sealed class RunLockTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task ASecondWriterIsRefusedAndAKilledWriterLeavesNoLock()
    {
        var file = Experiment("locked", epochs: 500);

        // train holds the run: resume, evaluate and the analysis verbs (writing into RUN/analysis) are refused, naming train's pid.
        using (var train = Start("train", file, "--no-evaluate"))
        {
            var run = await HeldRun(dir.Combine("runs"), train);
            foreach (var args in new[] { new[] { "resume", run }, ["evaluate", run], ["sensitivity", run], ["attention", run], ["embedding", run], ["probe", run, "--target", "swe"], ["recovery", run] })
            {
                Refused(HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), args), run, train.Id);
            }

            Assert.Equal(0, Kill(train.Id, 9));
            Assert.True(train.WaitForExit(TimeSpan.FromMinutes(1)), "train did not die on SIGKILL");
            Assert.True(File.Exists(Path.Combine(run, ".lock")), "the killed train leaves its lock file");

            // The dead train's lock file does not block: a resume takes the run, and a second resume is refused.
            using var resume = Start("resume", run, "--no-evaluate");
            Assert.Equal(run, await HeldRun(dir.Combine("runs"), resume));
            var second = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "resume", run);
            Refused(second, run, resume.Id);
            Assert.DoesNotContain("epoch", second.Err, StringComparison.Ordinal); // it stopped before training anything

            Assert.Equal(0, Kill(resume.Id, 9));
            Assert.True(resume.WaitForExit(TimeSpan.FromMinutes(1)), "resume did not die on SIGKILL");
            var after = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(3), "resume", run, "--stop-after-epoch", "1", "--no-evaluate");
            Assert.True(after.Exit == 0, after.ToString());
            Assert.Contains("stopped as asked", after.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TwoTrainsOfOneExperimentStartedTogetherBothSucceedInTheirOwnFolders()
    {
        var file = Experiment("twins", epochs: 1);
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            HydroRunner.Process(dir.Path, TimeSpan.FromMinutes(3), "train", file, "--no-evaluate"))));
        foreach (var run in runs)
        {
            Assert.True(run.Exit == 0, run.ToString());
        }

        var folders = runs.Select(r => r.Out.Split('\n').Single(l => l.StartsWith("run: ", StringComparison.Ordinal))[5..].Trim()).ToList();
        Assert.NotEqual(folders[0], folders[1]);
        Assert.Equal(folders.Order(StringComparer.Ordinal), Directory.GetDirectories(dir.Combine("runs")).Order(StringComparer.Ordinal));
        foreach (var folder in folders)
        {
            Assert.True(File.Exists(Path.Combine(folder, "checkpoints", "epoch_001.safetensors")), folder);
            Assert.False(File.Exists(Path.Combine(folder, ".lock.pid")), "a finished train releases its lock");
        }
    }

    private static void Refused(CliRun run, string directory, int pid)
    {
        Assert.True(run.Exit == 2, run.ToString());
        Assert.True(run.Err.Contains($"hydro: run directory {directory} is in use by another hydro process (pid {pid})", StringComparison.Ordinal), run.ToString());
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    /// <summary>The run directory once <paramref name="process"/> holds its lock (its pid in <c>.lock.pid</c>).</summary>
    private static async Task<string> HeldRun(string runs, Process process)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                Assert.Fail($"hydro exited ({process.ExitCode}) before it held the run");
            }

            // Hidden folders are runs still being filled under a temporary name.
            foreach (var run in (Directory.Exists(runs) ? Directory.GetDirectories(runs) : []).Where(d => !Path.GetFileName(d).StartsWith('.')))
            {
                var owner = Path.Combine(run, ".lock.pid");
                if (File.Exists(owner) && ReadOwner(owner) == $"{process.Id}")
                {
                    return run;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("hydro did not lock a run directory within 2 minutes");
    }

    private static string ReadOwner(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return ""; // being written or deleted
        }
    }

    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TestPaths.HostOutput, "hydro.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private string Experiment(string name, int epochs) => OneBasinExperiment.Write(dir, name, TestData.CamelsUs, epochs, samples: 64);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
