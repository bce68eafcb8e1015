using Hydro.Core.Runs;

namespace Hydro.Core.Tests.Runs;

/// <summary>
/// The hidden <c>.partial</c>/<c>.old</c> folders a writer killed with SIGKILL leaves beside its target are removed by
/// the next write into the same parent, when their process is gone and their run lock is free (issue 19, group 7).
/// </summary>
public sealed class AtomicDirectoryLeftoverTests : IDisposable
{
    /// <summary>Above Linux's largest pid (2^22), so never a running process.</summary>
    private const string DeadPid = "999999999";
    private readonly string dir = Directory.CreateTempSubdirectory("hydro-leftovers-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void StaleLeftoversGoAndLiveOrLockedOnesStay()
    {
        string Leftover(string name, string? pid, string suffix, bool withLock = false)
        {
            var folder = Path.Combine(dir, $".{name}.{(pid is null ? "" : pid + "-")}{Guid.NewGuid():N}.{suffix}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "metrics.csv"), "half written");
            if (withLock)
            {
                File.WriteAllText(Path.Combine(folder, RunLock.FileName), "");
            }

            return folder;
        }

        var deadResults = Leftover("test", DeadPid, "partial");
        var deadRetired = Leftover("test", DeadPid, "old");
        var deadRunFreeLock = Leftover("exp_20240101_000000", DeadPid, "partial", withLock: true);
        var oldUnnamed = Leftover("validation", null, "partial");
        Directory.SetLastWriteTimeUtc(oldUnnamed, DateTime.UtcNow.AddDays(-2));

        var heldRun = Leftover("exp_20240101_000001", DeadPid, "partial");
        using var held = RunLock.Acquire(heldRun); // a live lock: someone still fills this run
        var livePid = Leftover("train", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "partial");
        var recentUnnamed = Leftover("train", null, "old");
        var notOurs = Path.Combine(dir, ".git");
        Directory.CreateDirectory(notOurs);

        var lines = new List<string>();
        using (AtomicDirectory.ReportTo(lines.Add))
        {
            AtomicDirectory.Create(Path.Combine(dir, "test"), d => File.WriteAllText(Path.Combine(d, "metrics.csv"), "new"), replace: true);
        }

        foreach (var gone in new[] { deadResults, deadRetired, deadRunFreeLock, oldUnnamed })
        {
            Assert.False(Directory.Exists(gone), $"{gone} should have been removed");
        }

        foreach (var kept in new[] { heldRun, livePid, recentUnnamed, notOurs })
        {
            Assert.True(Directory.Exists(kept), $"{kept} should have been kept");
        }

        Assert.Equal("new", File.ReadAllText(Path.Combine(dir, "test", "metrics.csv")));
        var line = Assert.Single(lines);
        Assert.StartsWith($"removed 4 leftover folder(s) of interrupted writes (killed process) in {dir}: ", line, StringComparison.Ordinal);
        foreach (var gone in new[] { deadResults, deadRetired, deadRunFreeLock, oldUnnamed })
        {
            Assert.Contains(Path.GetFileName(gone), line, StringComparison.Ordinal);
        }

        // Nothing stale is left: the next write says nothing.
        lines.Clear();
        using (AtomicDirectory.ReportTo(lines.Add))
        {
            AtomicDirectory.Create(Path.Combine(dir, "test"), d => File.WriteAllText(Path.Combine(d, "metrics.csv"), "newer"), replace: true);
        }

        Assert.Empty(lines);
    }
}
