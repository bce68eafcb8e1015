using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Hydro.Core.Runs;

/// <summary>
/// Creates folders so that readers see nothing, or the old folder, or the whole new one: a temporary sibling is
/// filled and then renamed into place. A failure leaves no partial folder behind.
/// </summary>
/// <remarks>
/// The temporary siblings are hidden, <c>.NAME.PID-GUID.partial</c> (being filled) and <c>.NAME.PID-GUID.old</c> (the
/// replaced folder, until the new one is in place), PID being the writer's process id. A writer killed with SIGKILL
/// cannot remove them, so every <see cref="Create"/> first removes the stale ones in its parent folder: those whose
/// writer process is gone and, when they hold a run lock (<c>.lock</c>, taken while a new run is filled), whose lock is
/// free. A live process with the recorded pid keeps its folders (also a new process that reused the pid, until it
/// ends). Folders named before the pid was recorded (<c>.NAME.GUID.partial</c>) are removed once their lock is free
/// and, without a lock, a day after their last change.
/// </remarks>
public static partial class AtomicDirectory
{
    private static readonly AsyncLocal<Action<string>?> Reporter = new();

    /// <summary>
    /// Sends the one-line notes of this asynchronous flow (the leftovers removed) to <paramref name="report"/> until
    /// the result is disposed; the CLI prints them as warnings.
    /// </summary>
    public static IDisposable ReportTo(Action<string> report)
    {
        var previous = Reporter.Value;
        Reporter.Value = report;
        return new Restore(previous);
    }

    /// <summary>Removes the stale leftovers of interrupted writers in <paramref name="parent"/> (see the remarks).</summary>
    /// <returns>The names of the folders removed.</returns>
    public static IReadOnlyList<string> RemoveLeftovers(string parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (!Directory.Exists(parent))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(parent, ".*"))
        {
            var match = LeftoverName().Match(Path.GetFileName(folder));
            if (match.Success && IsStale(folder, match.Groups["pid"]) && TryDelete(folder))
            {
                removed.Add(Path.GetFileName(folder));
            }
        }

        if (removed.Count > 0)
        {
            removed.Sort(StringComparer.Ordinal);
            Reporter.Value?.Invoke($"removed {removed.Count} leftover folder(s) of interrupted writes (killed process) in {parent}: {string.Join(", ", removed)}");
        }

        return removed;
    }

    /// <summary>Fills a temporary sibling of <paramref name="path"/> with <paramref name="fill"/> and renames it to <paramref name="path"/>.</summary>
    /// <param name="path">The folder to create.</param>
    /// <param name="fill">Writes the folder's content into the folder it is given.</param>
    /// <param name="replace">Replace an existing folder (it stays intact if filling fails); otherwise an existing one is an error.</param>
    /// <exception cref="IOException"><paramref name="path"/> exists and <paramref name="replace"/> is false.</exception>
    public static void Create(string path, Action<string> fill, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(fill);
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent);
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.{pid}-{Guid.NewGuid():N}.partial");
        var retired = Path.Combine(parent, $".{Path.GetFileName(full)}.{pid}-{Guid.NewGuid():N}.old");
        try
        {
            Directory.CreateDirectory(staging);
            fill(staging);
            if (Directory.Exists(full))
            {
                if (!replace)
                {
                    throw new IOException($"{full} already exists");
                }

                Directory.Move(full, retired);
            }

            Directory.Move(staging, full);
        }
        catch when (!Directory.Exists(full) && Directory.Exists(retired))
        {
            Directory.Move(retired, full); // the old folder comes back when the new one cannot take its place
            throw;
        }
        finally
        {
            foreach (var leftover in new[] { staging, retired })
            {
                if (Directory.Exists(leftover))
                {
                    Directory.Delete(leftover, recursive: true);
                }
            }
        }
    }

    private static bool IsStale(string folder, Group pid)
    {
        var lockFile = Path.Combine(folder, RunLock.FileName);
        if (pid.Success)
        {
            if (!int.TryParse(pid.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || IsRunning(id))
            {
                return false;
            }
        }
        else if (!File.Exists(lockFile) && DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) < TimeSpan.FromDays(1))
        {
            return false;
        }

        if (!File.Exists(lockFile))
        {
            return true;
        }

        try
        {
            // The lock a new run holds while it fills its folder: taking it proves that no one writes there.
            using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false; // another writer removed it first
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.(?:(?<pid>[0-9]+)-)?[0-9a-f]{32}\.(?:partial|old)$", RegexOptions.CultureInvariant)]
    private static partial Regex LeftoverName();

    private sealed class Restore(Action<string>? previous) : IDisposable
    {
        public void Dispose() => Reporter.Value = previous;
    }
}
