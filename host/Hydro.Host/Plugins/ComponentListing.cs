using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Core.Experiments.Schema;

namespace Hydro.Host.Plugins;

/// <summary>One option of a component, as <c>hydro plugins</c> shows it.</summary>
/// <param name="Name">The YAML key.</param>
/// <param name="Type">integer, number, string, boolean, date, a list (<c>list of integer</c>) or an enum (<c>one of a, b</c>).</param>
/// <param name="Default">The default as JSON; null when there is none.</param>
/// <param name="Range">The valid range in interval notation (<c>[0, 1)</c>), when there is one.</param>
/// <param name="Unit">The physical unit, when there is one.</param>
/// <param name="Description">One sentence.</param>
/// <param name="Required">True when the block must give it.</param>
internal sealed record OptionListing(string Name, string Type, JsonNode? Default, string? Range, string? Unit, string? Description, bool Required);

/// <summary>One component, as <c>hydro plugins</c> shows it.</summary>
internal sealed record ComponentListing(
    string Kind, string Key, string Plugin, string PluginVersion, string? Summary, IReadOnlyList<OptionListing> Options);

/// <summary>
/// Describes the components of a catalog from their generated JSON Schemas, so that the listing shows exactly the
/// names, types, defaults and ranges that the loader enforces.
/// </summary>
internal static class ComponentListings
{
    public static IReadOnlyList<ComponentListing> Of(CatalogLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var schemas = new SchemaWriter(load.Catalog).Generate().ToDictionary(f => f.RelativePath, f => f.Text, StringComparer.Ordinal);
        return
        [
            .. load.Catalog.Components
                .Select(c =>
                {
                    var kind = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(c.Kind.ToString());
                    var schema = JsonNode.Parse(schemas[$"components/{kind}/{c.Key}.schema.json"])!.AsObject();
                    return new ComponentListing(kind, c.Key, c.Plugin, load.Plugin(c.Plugin)?.Version ?? "", c.Summary, Options(schema));
                })
                .OrderBy(c => c.Kind, StringComparer.Ordinal)
                .ThenBy(c => c.Key, StringComparer.Ordinal),
        ];
    }

    private static List<OptionListing> Options(JsonObject schema)
    {
        var required = schema["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        var options = new List<OptionListing>();
        foreach (var (name, node) in schema["properties"]!.AsObject())
        {
            if (name == "type" || node is not JsonObject property)
            {
                continue;
            }

            options.Add(new OptionListing(
                name,
                TypeOf(property),
                property["default"]?.DeepClone(),
                RangeOf(property),
                property["x-unit"]?.GetValue<string>(),
                property["description"]?.GetValue<string>(),
                required.Contains(name)));
        }

        return options;
    }

    private static string TypeOf(JsonObject property)
    {
        if (property["enum"] is JsonArray values)
        {
            return "one of " + string.Join(", ", values.Select(v => v?.ToJsonString() is { } s ? s.Trim('"') : "null"));
        }

        var type = property["type"] switch
        {
            JsonArray types => string.Join(" or ", types.Select(t => t!.GetValue<string>()).Where(t => t != "null")),
            JsonNode t => t.GetValue<string>(),
            null => "any",
        };
        if (property["format"]?.GetValue<string>() == "date")
        {
            return "date";
        }

        return type == "array" && property["items"] is JsonObject items ? "list of " + TypeOf(items) : type;
    }

    private static string? RangeOf(JsonObject property)
    {
        var (low, lowOpen) = Bound(property, "minimum", "exclusiveMinimum");
        var (high, highOpen) = Bound(property, "maximum", "exclusiveMaximum");
        if (low is null && high is null)
        {
            return null;
        }

        return (lowOpen ? "(" : "[") + (low ?? "-inf") + ", " + (high ?? "inf") + (highOpen ? ")" : "]");
    }

    private static (string? Value, bool Open) Bound(JsonObject property, string inclusive, string exclusive) =>
        property[exclusive] is { } e ? (Number(e), true)
        : property[inclusive] is { } i ? (Number(i), false)
        : (null, true);

    private static string Number(JsonNode node) => node.GetValue<double>().ToString("G", CultureInfo.InvariantCulture);
}
