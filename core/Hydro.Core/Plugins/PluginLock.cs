using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hydro.Core.Plugins;

/// <summary>One loaded plugin in <c>plugins.lock</c>.</summary>
/// <param name="Name">The main assembly's simple name.</param>
/// <param name="Version">Its informational (else assembly) version.</param>
/// <param name="Path">Where it was loaded from.</param>
/// <param name="Sha256">The main assembly's SHA-256 (lower-case hexadecimal): the value to pin under <c>plugins:</c>.</param>
public sealed record PluginLockEntry(string Name, string Version, string Path, string Sha256);

/// <summary>
/// The plugins a run loaded (<c>plugins.lock</c> in the run directory): name, version, path and SHA-256 of each, as
/// indented JSON sorted by name so that two runs' files diff cleanly.
/// </summary>
public sealed class PluginLock
{
    /// <summary>The file name in a run directory.</summary>
    public const string FileName = "plugins.lock";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>A lock of these entries (sorted by name, then path).</summary>
    public PluginLock(IEnumerable<PluginLockEntry> plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        Plugins = plugins.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Path, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The entries, sorted by name, then path.</summary>
    public IReadOnlyList<PluginLockEntry> Plugins { get; }

    /// <summary>The entry of the plugin with this name, or null.</summary>
    public PluginLockEntry? Find(string name) => Plugins.FirstOrDefault(p => p.Name == name);

    /// <summary>Writes the lock to <paramref name="path"/> atomically: readers see the old file or the whole new one.</summary>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // no-op once moved
        }
    }

    /// <summary>The file's text: <c>{ "plugins": [ { "name", "version", "path", "sha256" } ] }</c> and a final newline.</summary>
    public string ToJson() => JsonSerializer.Serialize(new LockFile(Plugins), Json) + "\n";

    /// <summary>Reads a lock written by <see cref="Write"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a plugins.lock (the message names the file and the problem).</exception>
    public static PluginLock Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            var file = JsonSerializer.Deserialize<LockFile>(File.ReadAllText(path), Json)
                ?? throw new JsonException("the file holds null");
            return new PluginLock(file.Plugins);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{path} is not a valid {FileName}: {e.Message} Delete it or restore it from the run directory it came from.", e);
        }
    }

    private sealed record LockFile(IReadOnlyList<PluginLockEntry> Plugins);
}
