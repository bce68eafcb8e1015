namespace Hydro.Core.Runs;

/// <summary>
/// Creates folders so that readers see nothing, or the old folder, or the whole new one: a temporary sibling is
/// filled and then renamed into place. A failure leaves no partial folder behind.
/// </summary>
public static class AtomicDirectory
{
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
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        var retired = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.old");
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
}
