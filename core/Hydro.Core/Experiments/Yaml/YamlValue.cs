namespace Hydro.Core.Experiments.Yaml;

/// <summary>
/// A node of the parsed document with its position. Aliases share the anchored node, so a node may occur
/// under several paths; <see cref="Size"/> and <see cref="Depth"/> count the expanded tree.
/// </summary>
internal abstract class YamlValue(int line, int column)
{
    /// <summary>1-based line of the node's first character.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the node's first character.</summary>
    public int Column { get; } = column;

    /// <summary>Nodes in the expanded subtree, this one included.</summary>
    public int Size { get; set; } = 1;

    /// <summary>Levels in the expanded subtree, this one included.</summary>
    public int Depth { get; set; } = 1;

    /// <summary>How the node reads in a message: the scalar's text, or "a mapping" / "a list".</summary>
    public abstract string Display { get; }
}

/// <summary>A scalar; <see cref="IsPlain"/> scalars are typed (null, bool, numbers), quoted ones are strings.</summary>
internal sealed class YamlScalarValue(int line, int column, string text, bool isPlain) : YamlValue(line, column)
{
    public string Text { get; } = text;

    public bool IsPlain { get; } = isPlain;

    public override string Display => Text;
}

/// <summary>A mapping; keys are scalars, unique.</summary>
internal sealed class YamlMappingValue(int line, int column) : YamlValue(line, column)
{
    private readonly List<KeyValuePair<YamlScalarValue, YamlValue>> entries = [];
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

    /// <summary>The entries in document order.</summary>
    public IReadOnlyList<KeyValuePair<YamlScalarValue, YamlValue>> Entries => entries;

    public override string Display => "a mapping";

    /// <summary>Adds an entry; false (and nothing added) when the key is present.</summary>
    public bool TryAdd(YamlScalarValue key, YamlValue value)
    {
        if (!index.TryAdd(key.Text, entries.Count))
        {
            return false;
        }

        entries.Add(new(key, value));
        return true;
    }

    public YamlValue? Get(string key) => index.TryGetValue(key, out var i) ? entries[i].Value : null;

    public YamlScalarValue? KeyNode(string key) => index.TryGetValue(key, out var i) ? entries[i].Key : null;
}

/// <summary>A sequence.</summary>
internal sealed class YamlSequenceValue(int line, int column) : YamlValue(line, column)
{
    public List<YamlValue> Items { get; } = [];

    public override string Display => "a list";
}
