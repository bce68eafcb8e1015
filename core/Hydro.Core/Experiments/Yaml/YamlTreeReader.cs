using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hydro.Core.Experiments.Yaml;

/// <summary>
/// Stage (a): builds the <see cref="YamlValue"/> tree from parser events, without recursion, rejecting
/// duplicate keys, undefined aliases, alias expansion beyond <see cref="ParseLimits.MaxNodes"/>, nesting beyond
/// <see cref="ParseLimits.MaxDepth"/> and unset environment variables. Merge keys (<c>&lt;&lt;: *base</c>) are honoured.
/// </summary>
internal sealed class YamlTreeReader(ErrorSink errors, ParseLimits limits, Func<string, string?> environment)
{
    private const string MergeKey = "<<";

    private readonly Stack<Frame> stack = new();
    private readonly Dictionary<string, YamlValue> anchors = new(StringComparer.Ordinal);
    private long expandedNodes;
    private YamlValue? root;

    /// <summary>The root node, or null when the document is empty or an error stopped parsing.</summary>
    public YamlValue? Read(string text)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var parser = new Parser(scanner);
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                var (line, column) = ((int)ev.Start.Line, (int)ev.Start.Column);
                switch (ev)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            errors.Add(line, column, "", "one document", null,
                                "the file holds more than one YAML document ('---'); an experiment is one document");
                            return null;
                        }

                        break;
                    case Scalar scalar:
                        if (!Count(1, line, column) || !Attach(MakeScalar(scalar, line, column), scalar.Anchor))
                        {
                            return null;
                        }

                        break;
                    case MappingStart start:
                        if (!Count(1, line, column) || !CheckDepth(stack.Count + 1, line, column))
                        {
                            return null;
                        }

                        stack.Push(new Frame(new YamlMappingValue(line, column), start.Anchor) { IsFlow = start.Style == MappingStyle.Flow });
                        break;
                    case SequenceStart start:
                        if (!Count(1, line, column) || !CheckDepth(stack.Count + 1, line, column))
                        {
                            return null;
                        }

                        stack.Push(new Frame(new YamlSequenceValue(line, column), start.Anchor) { IsFlow = start.Style == SequenceStyle.Flow });
                        break;
                    case MappingEnd or SequenceEnd:
                        var frame = stack.Pop();
                        if (frame.Node is YamlMappingValue map)
                        {
                            ApplyMerges(map, frame);
                        }

                        if (!Attach(frame.Node, frame.Anchor))
                        {
                            return null;
                        }

                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            errors.Add(line, column, "", "defined anchor", "*" + alias.Value.Value,
                                $"alias '*{alias.Value.Value}' refers to no anchor defined before it ('&{alias.Value.Value}')");
                            return null;
                        }

                        if (!Count(target.Size, line, column) || !CheckDepth(stack.Count + target.Depth, line, column)
                            || !Attach(target, AnchorName.Empty))
                        {
                            return null;
                        }

                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            errors.Add((int)ex.Start.Line, (int)ex.Start.Column, "", "YAML syntax", null, "YAML syntax error: " + Describe(ex));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or FormatException or OverflowException)
        {
            // YamlDotNet occasionally fails on malformed input with a general exception and no position.
            var at = scanner.CurrentPosition;
            var open = stack.FirstOrDefault(f => f.IsFlow);
            var hint = open is null
                ? "an unclosed quote or bracket?"
                : $"the '{(open.Node is YamlSequenceValue ? '[' : '{')}' opened at line {open.Node.Line}, column {open.Node.Column} is not closed?";
            errors.Add((int)at.Line, (int)at.Column, "", "YAML syntax", null, $"YAML syntax error: the parser cannot continue here ({hint})");
            return null;
        }

        return root;
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the position is reported separately.
        var message = ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        message = cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
        message = message.TrimEnd('.');
        if (message.Contains("could not find expected ':'", StringComparison.Ordinal))
        {
            message += " (a key without ':' or a line indented inconsistently?)";
        }
        else if (message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
        {
            message += " (inconsistent indentation, or a value containing ': ' that needs quotes?)";
        }

        return message;
    }

    private YamlScalarValue MakeScalar(Scalar scalar, int line, int column)
    {
        var isPlain = scalar.Style == ScalarStyle.Plain && !scalar.Tag.Equals(new TagName("tag:yaml.org,2002:str"));
        var isKey = stack.TryPeek(out var top) && top.Node is YamlMappingValue && top.PendingKey is null && !top.SkipValue;
        var text = scalar.Value;
        if (!isKey && scalar.Style != ScalarStyle.SingleQuoted)
        {
            var substituted = EnvironmentSubstitution.Substitute(text, environment, out var problem);
            if (substituted is null)
            {
                errors.Add(line, column, "", "environment variable", text, problem!);
            }
            else
            {
                text = substituted;
            }
        }

        return new YamlScalarValue(line, column, text, isPlain);
    }

    private bool Count(int nodes, int line, int column)
    {
        expandedNodes += nodes;
        if (expandedNodes <= limits.MaxNodes)
        {
            return true;
        }

        errors.Add(line, column, "", $"at most {limits.MaxNodes} nodes", null,
            $"the document expands to more than {limits.MaxNodes} nodes (aliases repeating aliases?); experiment files are small");
        return false;
    }

    private bool CheckDepth(int depth, int line, int column)
    {
        if (depth <= limits.MaxDepth)
        {
            return true;
        }

        errors.Add(line, column, "", $"at most {limits.MaxDepth} levels", null,
            $"the document nests deeper than {limits.MaxDepth} levels; experiment files are shallow");
        return false;
    }

    /// <summary>Adds a finished node to its parent; false when parsing must stop.</summary>
    private bool Attach(YamlValue node, AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        if (!stack.TryPeek(out var parent))
        {
            root = node;
            return true;
        }

        if (parent.Node is YamlSequenceValue seq)
        {
            seq.Items.Add(node);
            Grow(parent.Node, node);
            return true;
        }

        var map = (YamlMappingValue)parent.Node;
        if (parent.SkipValue)
        {
            parent.SkipValue = false;
            return true;
        }

        if (parent.PendingKey is null)
        {
            if (node is not YamlScalarValue key)
            {
                errors.Add(node.Line, node.Column, "", "scalar key", node.Display,
                    "a key must be a plain name, not a list or mapping (a '?' or '[' where a key belongs?)");
                parent.SkipValue = true;
                return true;
            }

            if (key.IsPlain && key.Text == MergeKey)
            {
                parent.PendingKey = key;
                return true;
            }

            var first = map.KeyNode(key.Text);
            if (first is not null)
            {
                errors.Add(key.Line, key.Column, "", "duplicate key", key.Text,
                    $"duplicate key '{key.Text}' (first defined at line {first.Line}, column {first.Column}); a key may appear once per mapping");
                parent.SkipValue = true;
                return true;
            }

            parent.PendingKey = key;
            return true;
        }

        if (parent.PendingKey.IsPlain && parent.PendingKey.Text == MergeKey)
        {
            parent.Merges.Add((parent.PendingKey, node));
        }
        else if (map.TryAdd(parent.PendingKey, node))
        {
            Grow(map, node);
        }

        parent.PendingKey = null;
        return true;
    }

    private static void Grow(YamlValue container, YamlValue child)
    {
        container.Size += child.Size;
        container.Depth = Math.Max(container.Depth, child.Depth + 1);
    }

    private void ApplyMerges(YamlMappingValue map, Frame frame)
    {
        foreach (var (key, source) in frame.Merges)
        {
            IEnumerable<YamlValue> sources = source is YamlSequenceValue seq ? seq.Items : [source];
            foreach (var item in sources)
            {
                if (item is not YamlMappingValue from)
                {
                    errors.Add(key.Line, key.Column, "", "merge a mapping", item.Display,
                        "'<<' merges mappings only: write '<<: *anchor' where the anchor names a mapping");
                    continue;
                }

                foreach (var entry in from.Entries)
                {
                    if (map.TryAdd(entry.Key, entry.Value))
                    {
                        Grow(map, entry.Value);
                    }
                }
            }
        }
    }

    private sealed class Frame(YamlValue node, AnchorName anchor)
    {
        public YamlValue Node { get; } = node;

        public AnchorName Anchor { get; } = anchor;

        public bool IsFlow { get; init; }

        public YamlScalarValue? PendingKey { get; set; }

        /// <summary>The next node is the value of a rejected key and is dropped.</summary>
        public bool SkipValue { get; set; }

        public List<(YamlScalarValue Key, YamlValue Value)> Merges { get; } = [];
    }
}
