using Hydro.Core.Experiments;
using Hydro.Core.Plugins;
using Hydro.Host.Cli;
using Hydro.Host.Plugins;

namespace Hydro.Host.Experiments;

/// <summary>
/// Loads an experiment file the way every verb does: the built-in plugins plus the file's <c>plugins:</c> (paths
/// relative to the file's folder), then <see cref="ExperimentLoader"/> over that catalog. Reads only; writes nothing.
/// </summary>
internal sealed class ExperimentFileLoader(PluginCatalogService plugins)
{
    /// <summary>The loaded experiment, or every error as one line each.</summary>
    /// <exception cref="BadInputException">The file does not exist or is a folder.</exception>
    public ExperimentFileResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new BadInputException($"{path} is a folder: give the experiment's .yaml file");
        }

        if (!File.Exists(full))
        {
            throw new BadInputException($"{path}: the experiment file does not exist (looked for {full})");
        }

        var folder = Path.GetDirectoryName(full)!;
        var declared = ExperimentPluginReader.Read(full);
        var references = declared
            .Select(p => new PluginReference(Path.GetFullPath(Path.Combine(folder, p.Path)), p.Sha256))
            .ToList();
        var catalog = plugins.Load(references);
        if (!catalog.Result.Succeeded)
        {
            return new ExperimentFileResult(null, catalog, [.. catalog.Result.Errors.Select(e => Locate(path, e, declared, references))]);
        }

        var result = new ExperimentLoader(catalog.Catalog, new ExperimentLoaderOptions { CheckStartingPoints = true, CheckData = true }).Load(path);
        return new ExperimentFileResult(result.Experiment, catalog, [.. result.Errors.Select(e => e.ToString())]);
    }

    /// <summary>
    /// <c>file:line:column: plugins[i]: message</c> when the error names the folder of an entry under <c>plugins:</c>;
    /// else <c>file: message</c> (e.g. a duplicate key between two plugins, or a broken built-in plugin).
    /// </summary>
    private static string Locate(string file, PluginLoadException error, IReadOnlyList<DeclaredPlugin> declared, List<PluginReference> references)
    {
        for (var i = 0; i < declared.Count; i++)
        {
            if (error.Message.Contains(Path.TrimEndingDirectorySeparator(references[i].Path), StringComparison.Ordinal))
            {
                return $"{file}:{declared[i].Line}:{declared[i].Column}: plugins[{i}]: {error.Message}";
            }
        }

        return $"{file}: {error.Message}";
    }
}

/// <summary>What <see cref="ExperimentFileLoader.Load"/> found.</summary>
/// <param name="Experiment">The experiment; null when there are errors.</param>
/// <param name="Catalog">The catalog the file was loaded against.</param>
/// <param name="Errors">One line per error (<c>file:line:column: path: message</c> for file errors).</param>
internal sealed record ExperimentFileResult(Experiment? Experiment, CatalogLoad Catalog, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Experiment is not null;
}
