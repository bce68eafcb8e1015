using Hydro.Core.Experiments.Schema;
using Hydro.Core.Experiments.Yaml;

namespace Hydro.Core.Experiments;

/// <summary>
/// Finds a key of a loaded experiment in its file, for errors found after loading (e.g. a variable the dataset lacks,
/// which only the dataset itself can tell).
/// </summary>
internal static class YamlLocator
{
    /// <summary>
    /// <c>file:line:col: path</c> for <paramref name="path"/> (dotted keys, optionally ending in <c>[i]</c>) in
    /// <paramref name="experiment"/>'s file; the enclosing key's position when the item is not found; just the path when
    /// the file cannot be read again (an experiment loaded from text).
    /// </summary>
    public static string Where(Experiment experiment, string path)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (!File.Exists(experiment.File))
            {
                return path;
            }

            var errors = new ErrorSink(experiment.File, ExperimentLoadStage.Parse);
            var root = new YamlTreeReader(errors, new ParseLimits(long.MaxValue, int.MaxValue, 1000), name => experiment.Environment.GetValueOrDefault(name) ?? "").Read(File.ReadAllText(experiment.File));
            if (root is null)
            {
                return path;
            }

            var bracket = path.LastIndexOf('[');
            YamlValue? node = null;
            if (bracket > 0 && path.EndsWith(']') && int.TryParse(path.AsSpan(bracket + 1, path.Length - bracket - 2), out var index))
            {
                var parent = SchemaValidator.Locate(root, path[..bracket]);
                node = parent is YamlSequenceValue seq && index >= 0 && index < seq.Items.Count ? seq.Items[index] : parent;
            }

            node ??= SchemaValidator.Locate(root, path);
            return node is null ? path : $"{experiment.File}:{node.Line}:{node.Column}: {path}";
        }
        catch (IOException)
        {
            return path;
        }
    }
}
