using Hydro.Core.Experiments.Yaml;
using Newtonsoft.Json.Linq;

namespace Hydro.Core.Experiments.Schema;

/// <summary>
/// Converts the YAML tree into a JSON token tree for the schema validator, remembering for every token the
/// YAML node and path it came from so that validation errors can name the line.
/// </summary>
internal sealed class YamlToJson
{
    private readonly Dictionary<JToken, Origin> origins = new(ReferenceEqualityComparer.Instance);

    /// <summary>Where a token came from: the node, its key (for mapping values) and its path.</summary>
    public sealed record Origin(YamlValue Node, YamlScalarValue? Key, string Path);

    public JToken Convert(YamlValue node, string path, YamlScalarValue? key = null)
    {
        JToken token;
        switch (node)
        {
            case YamlMappingValue map:
                var obj = new JObject();
                foreach (var (k, v) in map.Entries)
                {
                    var property = new JProperty(k.Text, Convert(v, Join(path, k.Text), k));
                    obj.Add(property);
                    origins[property] = new Origin(v, k, Join(path, k.Text));
                }

                token = obj;
                break;
            case YamlSequenceValue seq:
                var array = new JArray();
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    array.Add(Convert(seq.Items[i], $"{path}[{i}]"));
                }

                token = array;
                break;
            default:
                token = Scalar((YamlScalarValue)node);
                break;
        }

        origins[token] = new Origin(node, key, path);
        return token;
    }

    public Origin? Find(JToken? token) => token is not null && origins.TryGetValue(token, out var o) ? o : null;

    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static JValue Scalar(YamlScalarValue s)
    {
        if (YamlScalars.IsNull(s))
        {
            return JValue.CreateNull();
        }

        if (YamlScalars.AsBool(s) is { } b)
        {
            return new JValue(b);
        }

        if (YamlScalars.AsInteger(s) is { } i)
        {
            return new JValue(i);
        }

        if (YamlScalars.AsNumber(s) is { } d)
        {
            return new JValue(d);
        }

        return new JValue(s.Text);
    }
}
