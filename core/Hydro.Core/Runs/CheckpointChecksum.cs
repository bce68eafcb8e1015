using System.Globalization;
using System.Security.Cryptography;

namespace Hydro.Core.Runs;

/// <summary>What <see cref="CheckpointChecksum.Verify"/> found.</summary>
public enum ChecksumVerdict
{
    /// <summary>The file's SHA-256 matches its sidecar.</summary>
    Intact,

    /// <summary>No sidecar: a checkpoint written before checksums were recorded (or killed between the two writes); accepted unchecked.</summary>
    Unrecorded,

    /// <summary>The file's SHA-256 differs from its sidecar: the file (or the sidecar) was changed after it was written.</summary>
    Mismatch,
}

/// <summary>
/// SHA-256 sidecars of checkpoints: <c>epoch_NNN.safetensors</c> gets <c>epoch_NNN.safetensors.sha256</c>, one line
/// in <c>sha256sum</c> format (<c>HASH  epoch_NNN.safetensors</c>), so <c>sha256sum -c *.sha256</c> checks a folder by hand.
/// </summary>
/// <remarks>
/// A sidecar over the whole file, rather than a hash in the checkpoint's own metadata, covers the header and the
/// metadata (optimiser, scheduler and loop state) as well as the tensor bytes, and needs no change to the safetensors
/// writer. It is written after the checkpoint, atomically (temp file and rename); the old sidecar is deleted before a
/// checkpoint is overwritten, so a kill between the two writes leaves a checkpoint without a sidecar (accepted like the
/// checkpoints of runs written before checksums), never a good checkpoint with a stale sidecar.
/// </remarks>
public static class CheckpointChecksum
{
    /// <summary>The sidecar's suffix.</summary>
    public const string Suffix = ".sha256";

    /// <summary>The sidecar of <paramref name="checkpoint"/>.</summary>
    public static string SidecarOf(string checkpoint) => checkpoint + Suffix;

    /// <summary>Writes a checkpoint with <paramref name="write"/> (which writes <paramref name="checkpoint"/> atomically), then its sidecar.</summary>
    public static void Write(string checkpoint, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(write);
        var sidecar = SidecarOf(checkpoint);
        File.Delete(sidecar);
        write(checkpoint);
        AtomicFile.WriteAllText(sidecar, $"{Sha256(checkpoint)}  {Path.GetFileName(checkpoint)}\n");
    }

    /// <summary>Compares <paramref name="checkpoint"/> with its sidecar.</summary>
    public static ChecksumVerdict Verify(string checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var sidecar = SidecarOf(checkpoint);
        if (!File.Exists(sidecar))
        {
            return ChecksumVerdict.Unrecorded;
        }

        var recorded = File.ReadAllText(sidecar).Split(' ', 2)[0].Trim().ToLowerInvariant();
        return File.Exists(checkpoint) && Sha256(checkpoint) == recorded ? ChecksumVerdict.Intact : ChecksumVerdict.Mismatch;
    }

    /// <summary>Throws when <paramref name="checkpoint"/> does not match its sidecar; a checkpoint without a sidecar passes.</summary>
    /// <param name="checkpoint">The checkpoint file.</param>
    /// <param name="todo">What the user should do, ending the message.</param>
    /// <exception cref="RunException">The SHA-256 differs from the sidecar's.</exception>
    public static void EnsureIntact(string checkpoint, string todo = "restore it from a backup, or train the run again")
    {
        if (Verify(checkpoint) == ChecksumVerdict.Mismatch)
        {
            throw new RunException(string.Create(CultureInfo.InvariantCulture,
                $"{checkpoint}: the checkpoint is damaged (SHA-256 mismatch with {Path.GetFileName(SidecarOf(checkpoint))}: the file changed after it was written); {todo}"));
        }
    }

    /// <summary>The SHA-256 of a file, lower-case hexadecimal.</summary>
    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
