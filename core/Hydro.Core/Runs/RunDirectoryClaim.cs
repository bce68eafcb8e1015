namespace Hydro.Core.Runs;

/// <summary>
/// Creates a new run directory under a name no other run holds: two <c>train</c>s of one experiment started in the
/// same second both pick <c>&lt;name&gt;_&lt;yyyyMMdd_HHmmss&gt;</c>, and the one that renames its filled folder into
/// place second takes <c>_2</c> (then <c>_3</c> …) instead of failing.
/// </summary>
public static class RunDirectoryClaim
{
    private const int MaxSuffix = 1000;

    /// <summary>
    /// Fills a temporary folder with <paramref name="fill"/> (<see cref="AtomicDirectory"/>) and renames it to
    /// <paramref name="preferred"/>, or to <c>preferred_N</c> with the smallest N ≥ 2 still free at the rename.
    /// </summary>
    /// <returns>The full path of the created directory.</returns>
    /// <remarks>
    /// The rename is the claim: it fails when the target exists (the other run's folder is never empty), so no two
    /// processes get one name. <paramref name="fill"/> runs again for each name tried.
    /// </remarks>
    /// <exception cref="IOException">No free name up to <c>_1000</c>, or the folder could not be written.</exception>
    public static string Create(string preferred, Action<string> fill)
    {
        ArgumentException.ThrowIfNullOrEmpty(preferred);
        ArgumentNullException.ThrowIfNull(fill);
        var baseName = Path.GetFullPath(preferred);
        for (var i = 1; i <= MaxSuffix; i++)
        {
            var candidate = i == 1 ? baseName : $"{baseName}_{i}";
            if (Directory.Exists(candidate) || File.Exists(candidate))
            {
                continue;
            }

            try
            {
                AtomicDirectory.Create(candidate, fill);
                return candidate;
            }
            catch (IOException) when (Directory.Exists(candidate))
            {
                // Another process renamed its run into this name between the check and our rename: try the next one.
            }
        }

        throw new IOException($"{baseName} and its suffixes _2 to _{MaxSuffix} are all taken: choose another experiment_name or output_dir");
    }
}
