using Hydro.Core.Runs;

namespace Hydro.Core.Tests.Runs;

/// <summary>The run directory lock and the claim of a new run directory's name (issue 19, group 3).</summary>
public sealed class RunLockTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hydro-lock-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void ASecondHolderIsRefusedWithTheFirstsPidUntilTheFirstReleases()
    {
        using (var first = RunLock.Acquire(dir))
        {
            Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(Path.Combine(dir, RunLock.OwnerFileName)));
            var refused = Assert.Throws<RunException>(() => RunLock.Acquire(dir));
            Assert.StartsWith($"run directory {dir} is in use by another hydro process (pid {Environment.ProcessId})", refused.Message, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(dir, RunLock.OwnerFileName)), "the owner file goes with the lock");
        Assert.True(File.Exists(Path.Combine(dir, RunLock.FileName)), "the lock file stays, so every holder locks the same file");
        using var again = RunLock.Acquire(dir);
    }

    [Fact]
    public void TheLockFollowsARenamedDirectory()
    {
        var staging = Path.Combine(dir, ".staging");
        var run = Path.Combine(dir, "run");
        Directory.CreateDirectory(staging);
        using var held = RunLock.Acquire(staging);
        Directory.Move(staging, run);
        held.Moved(run);
        Assert.Throws<RunException>(() => RunLock.Acquire(run));
        held.Dispose();
        Assert.False(File.Exists(Path.Combine(run, RunLock.OwnerFileName)));
    }

    [Fact]
    public void ANameTakenWhileTheRunIsFilledGoesToTheNextSuffix()
    {
        var preferred = Path.Combine(dir, "exp_20240101_120000");
        var fills = 0;
        var created = RunDirectoryClaim.Create(preferred, staging =>
        {
            fills++;
            File.WriteAllText(Path.Combine(staging, "config.yaml"), "mine");
            if (fills == 1)
            {
                // Another train of the same experiment in the same second renames its run into place first.
                Directory.CreateDirectory(preferred);
                File.WriteAllText(Path.Combine(preferred, "config.yaml"), "theirs");
            }
        });

        Assert.Equal(preferred + "_2", created);
        Assert.Equal(2, fills);
        Assert.Equal("theirs", File.ReadAllText(Path.Combine(preferred, "config.yaml")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(created, "config.yaml")));
        Assert.Equal(["exp_20240101_120000", "exp_20240101_120000_2"], Directory.GetDirectories(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TakenNamesAreSkippedBeforeFilling()
    {
        var preferred = Path.Combine(dir, "exp");
        Directory.CreateDirectory(preferred);
        Directory.CreateDirectory(preferred + "_2");
        Assert.Equal(preferred + "_3", RunDirectoryClaim.Create(preferred, _ => { }));
    }
}
