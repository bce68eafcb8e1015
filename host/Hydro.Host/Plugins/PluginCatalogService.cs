using Hydro.Core.Components;
using Hydro.Core.Plugins;
using Hydro.Core.Runs;
using Hydro.Host.Cli;
using Microsoft.Extensions.Logging;

namespace Hydro.Host.Plugins;

/// <summary>
/// Fills component catalogs: the built-in plugins (each sub-folder of <see cref="HydroCliSettings.BuiltInPluginRoot"/>,
/// loaded once per process) plus the plugins a command or an experiment file names (loaded per catalog).
/// </summary>
internal sealed partial class PluginCatalogService(HydroCliSettings settings, ILogger<PluginCatalogService> logger)
{
    private CatalogLoad? builtIn;

    /// <summary>The built-in plugin folders, in name order.</summary>
    public IReadOnlyList<PluginReference> BuiltInReferences()
    {
        var root = Path.GetFullPath(settings.BuiltInPluginRoot);
        if (!Directory.Exists(root))
        {
            throw new PluginLoadException("built-in plugins", $"folder {root} does not exist: the Hydro installation is "
                + "incomplete; rebuild the host (dotnet build host/Hydro.Host) or reinstall the hydro tool");
        }

        return [.. Directory.GetDirectories(root).Order(StringComparer.Ordinal).Select(d => new PluginReference(d, BuiltIn: true))];
    }

    /// <summary>
    /// A new catalog with the built-in components and those of <paramref name="extra"/>. Check
    /// <see cref="LoadResult.Succeeded"/>: with errors the catalog must not be used for a run.
    /// </summary>
    public CatalogLoad Load(IReadOnlyList<PluginReference> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var defaults = BuiltIn();
        var catalog = new ComponentCatalog();
        foreach (var component in defaults.Catalog.Components)
        {
            catalog.Add(component);
        }

        if (extra.Count == 0)
        {
            return defaults with { Catalog = catalog };
        }

        var more = new PluginLoader().Load(extra, catalog);
        Report(more);
        return new CatalogLoad(catalog, defaults.Result.Concat(more));
    }

    /// <summary>
    /// The catalog a trained run needs: the built-in plugins plus every other plugin its <c>plugins.lock</c> records,
    /// loaded from the recorded path and pinned to the recorded SHA-256, so a run is evaluated with the code it was
    /// trained with (a changed plugin is refused).
    /// </summary>
    /// <exception cref="BadInputException">The folder has no readable plugins.lock.</exception>
    public CatalogLoad LoadForRun(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        var path = Path.Combine(runDirectory, PluginLock.FileName);
        if (!File.Exists(path))
        {
            throw new BadInputException(Directory.Exists(runDirectory)
                ? $"{runDirectory} is not a run directory: it has no {PluginLock.FileName} (run directories are written by hydro train)"
                : $"{runDirectory}: no such run directory");
        }

        PluginLock recorded;
        try
        {
            recorded = PluginLock.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException(e.Message, e);
        }

        var builtIns = BuiltIn().Result.Plugins.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var load = Load([.. recorded.Plugins.Where(p => !builtIns.ContainsKey(p.Name)).Select(p => new PluginReference(p.Path, p.Sha256))]);
        var changed = recorded.Plugins
            .Where(p => builtIns.ContainsKey(p.Name))
            .Select(p => BuiltInChange(p, builtIns[p.Name], path, runDirectory))
            .OfType<PluginLoadException>()
            .ToList();
        return changed.Count == 0 ? load : load with { Result = load.Result.Concat(new LoadResult([], changed)) };
    }

    /// <summary>
    /// Why a built-in plugin no longer is the build the run was trained with (its lock entry's SHA-256 differs), or
    /// null: built-ins are pinned as external plugins are, since a rebuilt model changes results as silently.
    /// </summary>
    private static PluginLoadException? BuiltInChange(PluginLockEntry recorded, LoadedPlugin current, string lockFile, string runDirectory)
    {
        // A built-in without a file (the host's own assembly) has no hash to compare.
        if (recorded.Sha256.Length == 0 || current.Sha256.Length == 0
            || string.Equals(recorded.Sha256, current.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new PluginLoadException(recorded.Name, $"built-in plugin {current.Path} has SHA-256 {current.Sha256}, but "
            + $"{lockFile} records {recorded.Sha256.ToLowerInvariant()} (version {recorded.Version}): Hydro's built-in plugins "
            + $"changed since this run was trained, so its model would not be the one trained; retrain it with "
            + $"'hydro train' on its experiment file (kept as {Path.Combine(runDirectory, RunLayout.ConfigYaml)}), or use the Hydro "
            + "build it was trained with");
    }

    private CatalogLoad BuiltIn()
    {
        if (builtIn is null)
        {
            var catalog = new ComponentCatalog();
            var result = new PluginLoader().Load(BuiltInReferences(), catalog);
            Report(result);
            builtIn = new CatalogLoad(catalog, result);
        }

        return builtIn;
    }

    private void Report(LoadResult result)
    {
        foreach (var plugin in result.Plugins)
        {
            LogLoaded(plugin.Name, plugin.Version, plugin.Components.Count, plugin.Path);
        }
    }

    [LoggerMessage(LogLevel.Debug, "plugin {Name} {Version}: {Count} components, from {Path}")]
    private partial void LogLoaded(string name, string version, int count, string path);
}
