using Hydro.Core.Experiments;
using Hydro.Core.Runs;

namespace Hydro.Core.Training;

/// <summary>
/// Resolves the folders that <c>training.init_from</c> and <c>simulated_targets.from</c> name: relative to the
/// experiment file's folder (like <c>plugins:</c>), with an optional trailing <c>*</c> that picks the newest match.
/// </summary>
internal static class StartingPointPaths
{
    /// <summary>The experiment file's folder (the working folder for text loaded without a file).</summary>
    public static string BaseFolder(Experiment experiment) => Path.GetDirectoryName(Path.GetFullPath(experiment.File))!;

    /// <summary>
    /// The full path of <paramref name="path"/>. A last segment with <c>*</c> (e.g. <c>runs/pretrain_*</c>) picks the
    /// last matching folder in ordinal name order — for run folders <c>&lt;name&gt;_&lt;yyyyMMdd_HHmmss&gt;</c> the newest —
    /// that satisfies <paramref name="accept"/>; null when none does.
    /// </summary>
    public static string? Resolve(string baseFolder, string path, Func<string, bool>? accept = null)
    {
        var full = Path.GetFullPath(Path.Combine(baseFolder, path));
        var name = Path.GetFileName(full);
        if (!name.Contains('*', StringComparison.Ordinal))
        {
            return full;
        }

        var parent = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(parent))
        {
            return null;
        }

        return Directory.GetDirectories(parent, name)
            .Where(d => accept?.Invoke(d) ?? true)
            .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal)
            .LastOrDefault();
    }

    /// <summary>Whether <paramref name="folder"/> is a run directory (it has <c>config.yaml</c> and <c>normalization.json</c>).</summary>
    public static bool IsRun(string folder) =>
        File.Exists(Path.Combine(folder, RunLayout.ConfigYaml)) && File.Exists(Path.Combine(folder, Data.Normalizer.FileName));
}
