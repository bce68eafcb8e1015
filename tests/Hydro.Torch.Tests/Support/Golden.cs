using System.Globalization;
using System.Text.Json;

namespace Hydro.Torch.Tests.Support;

/// <summary>Reads the golden files written by Golden/make_*.py (see golden_common.py for the format).</summary>
public static class Golden
{
    private static readonly Dictionary<string, JsonElement> Cache = [];

    /// <summary>All cases of one golden file, by name.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Cases(string area)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(area, out var root))
            {
                var path = Path.Combine(AppContext.BaseDirectory, "Golden", area + ".json");
                root = JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
                Cache[area] = root;
            }

            return root.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        }
    }

    /// <summary>One case of one golden file.</summary>
    public static JsonElement Case(string area, string name) =>
        Cases(area).TryGetValue(name, out var c) ? c : throw new KeyNotFoundException($"golden case '{name}' missing from {area}.json: regenerate it");

    /// <summary>Names of all cases of a golden file (for [MemberData]).</summary>
    public static IEnumerable<object[]> Names(string area) => Cases(area).Keys.Select(k => new object[] { k });

    /// <summary>Decodes an encoded tensor into a new tensor.</summary>
    public static Tensor ToTensor(JsonElement e, bool requiresGrad = false)
    {
        var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var data = e.GetProperty("data");
        var dtype = e.GetProperty("dtype").GetString();
        return dtype switch
        {
            "float32" => torch.tensor(Doubles(data).Select(v => (float)v).ToArray(), shape, requires_grad: requiresGrad),
            "float64" => torch.tensor(Doubles(data).ToArray(), shape, requires_grad: requiresGrad),
            "int64" => torch.tensor(data.EnumerateArray().Select(x => x.GetInt64()).ToArray(), shape),
            "bool" => torch.tensor(data.EnumerateArray().Select(x => x.GetBoolean()).ToArray(), shape),
            _ => throw new InvalidDataException($"unknown dtype {dtype}"),
        };
    }

    /// <summary>The flat values of an encoded tensor as doubles (NaN for null, ±inf for "inf"/"-inf").</summary>
    public static double[] Values(JsonElement e) => Doubles(e.GetProperty("data")).ToArray();

    /// <summary>The shape of an encoded tensor.</summary>
    public static long[] Shape(JsonElement e) => e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();

    private static IEnumerable<double> Doubles(JsonElement data) => data.EnumerateArray().Select(x => x.ValueKind switch
    {
        JsonValueKind.Null => double.NaN,
        JsonValueKind.True => 1.0,
        JsonValueKind.False => 0.0,
        JsonValueKind.String => double.Parse(x.GetString()!.Replace("inf", "Infinity", StringComparison.Ordinal), CultureInfo.InvariantCulture),
        _ => x.GetDouble(),
    });
}
