using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hydro.Core.Components;

namespace Hydro.Core.Experiments.Schema;

/// <summary>
/// Writes the JSON Schemas generated from the options classes: <c>experiment.schema.json</c> and
/// <c>components/&lt;kind&gt;/&lt;key&gt;.schema.json</c> for every component of <paramref name="catalog"/>.
/// The output depends only on the catalog, so a test can regenerate it and compare with the checked-in files.
/// </summary>
/// <param name="catalog">The components whose schemas are written.</param>
public sealed class SchemaWriter(ComponentCatalog catalog)
{
    private static readonly JsonSerializerOptions Format = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every schema file: its path relative to the schema folder (with '/') and its text.</summary>
    public IReadOnlyList<(string RelativePath, string Text)> Generate()
    {
        var files = new List<(string, string)> { ("experiment.schema.json", ToText(ExperimentSchemas.ForFile(catalog))) };
        foreach (var component in catalog.Components.OrderBy(c => c.Kind).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            files.Add((ExperimentSchemas.ComponentPath(component), ToText(ExperimentSchemas.ForComponent(component, withHeader: true))));
        }

        return files;
    }

    /// <summary>Writes every schema under <paramref name="directory"/> and returns the full paths written.</summary>
    public IReadOnlyList<string> Write(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var written = new List<string>();
        foreach (var (relative, text) in Generate())
        {
            var path = Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + ".tmp";
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
            written.Add(path);
        }

        return written;
    }

    internal static string ToText(JsonObject schema) => schema.ToJsonString(Format).ReplaceLineEndings("\n") + "\n";
}
