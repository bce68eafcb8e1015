using System.Globalization;

namespace Hydro.Core.Runs;

/// <summary>
/// An exclusive lock on a run directory, held by the one process that writes into it (<c>train</c>, <c>resume</c>,
/// an evaluation that writes its results into the run): a second writer is refused instead of interleaving its
/// checkpoints and <c>training_log.csv</c> with the first's.
/// </summary>
/// <remarks>
/// <para>The lock is the operating system's: <see cref="FileName"/> opened with <see cref="FileShare.None"/>, which
/// .NET takes as <c>flock(LOCK_EX)</c> on Unix and a share-exclusive open on Windows. The kernel drops it when the
/// process ends, however it ends (<c>kill -9</c> included), so a dead writer never leaves a lock that blocks the next.
/// The file itself stays: deleting it on release would let two later writers lock two different files.</para>
/// <para>The holder's process id is written beside it (<see cref="OwnerFileName"/>) for the refusal message: the lock
/// file cannot be read while it is locked.</para>
/// <para>The lock belongs to an open file, not to a process: a second <see cref="Acquire"/> of the same directory in
/// the same process is refused too, so take it once per command and pass it on.</para>
/// </remarks>
public sealed class RunLock : IDisposable
{
    /// <summary>The locked file in the run directory.</summary>
    public const string FileName = ".lock";

    /// <summary>The holder's process id, as text.</summary>
    public const string OwnerFileName = ".lock.pid";

    private readonly FileStream stream;
    private string directory;

    private RunLock(string directory, FileStream stream)
    {
        this.directory = directory;
        this.stream = stream;
    }

    /// <summary>The locked run directory.</summary>
    public string Directory => directory;

    /// <summary>Locks <paramref name="runDirectory"/> (which must exist) for this process until <see cref="Dispose"/>.</summary>
    /// <exception cref="RunException">Another process (or another command of this one) holds the lock.</exception>
    public static RunLock Acquire(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        var full = Path.GetFullPath(runDirectory);
        var path = Path.Combine(full, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (File.Exists(path) && e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new RunException($"run directory {full} is in use by another hydro process ({Owner(full)}): wait until it "
                + $"ends or stop it, then try again (the lock is {path}; it goes away with the process that holds it)", e);
        }

        var held = new RunLock(full, stream);
        try
        {
            File.WriteAllText(Path.Combine(full, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            return held;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether a live process (this one included) holds the lock of <paramref name="runDirectory"/>; changes nothing
    /// in the folder (no lock file is created, no owner file written), so listing runs stays read-only.
    /// </summary>
    public static bool IsHeld(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        var path = Path.Combine(Path.GetFullPath(runDirectory), FileName);
        try
        {
            // The same kind of open as Acquire: refused exactly while a holder's exclusive open is alive.
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>
    /// Follows the directory when it is renamed while locked (a new run is filled under a temporary name and renamed
    /// into place; the open file, and so the lock, moves with it).
    /// </summary>
    public void Moved(string newDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(newDirectory);
        directory = Path.GetFullPath(newDirectory);
    }

    /// <summary>Releases the lock; the owner file goes first, while the lock still keeps the next holder out.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path.Combine(directory, OwnerFileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only the message of a later refusal reads it; the lock itself is released below either way.
        }

        stream.Dispose();
    }

    private static string Owner(string directory)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(directory, OwnerFileName)).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? $"pid {pid}" : "pid unknown";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "pid unknown";
        }
    }
}
