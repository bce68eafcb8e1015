using System.Text.Json.Nodes;
using Hydro.Abstractions.Components;
using Hydro.Core.Components;
using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Experiments.Schema;

/// <summary>
/// Builds the experiment schema and one schema per component from the options classes. Two forms of the
/// experiment schema: the file form refers each component block to its component's schema file
/// (<c>if type = key then $ref</c>, for editors); the validation form only requires <c>type:</c> in a block,
/// and the loader validates the rest of the block against the component's own schema once the type resolved.
/// </summary>
internal static class ExperimentSchemas
{
    public const string Draft = "http://json-schema.org/draft-07/schema#";

    /// <summary>The schema the loader validates the document with.</summary>
    public static JsonObject ForValidation() =>
        new OptionsSchemaGenerator(_ => LooseBlock()).ObjectSchema(typeof(ExperimentOptions));

    /// <summary>The schema written to <c>experiment.schema.json</c>.</summary>
    public static JsonObject ForFile(ComponentCatalog catalog)
    {
        var body = new OptionsSchemaGenerator(s => LinkedBlock(catalog, s.Kind)).ObjectSchema(typeof(ExperimentOptions));
        var root = new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = "Hydro experiment",
        };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            root[key] = value;
        }

        return root;
    }

    /// <summary>The schema of one component's block: <c>type</c> plus its options.</summary>
    public static JsonObject ForComponent(ComponentDescriptor component, bool withHeader)
    {
        var options = new OptionsSchemaGenerator(_ => LooseBlock()).ObjectSchema(component.OptionsType);
        var properties = new JsonObject
        {
            ["type"] = new JsonObject
            {
                ["description"] = $"The {KindName(component.Kind)} component key.",
                ["type"] = "string",
                ["enum"] = new JsonArray(component.Key),
            },
        };
        foreach (var (key, value) in ((JsonObject)options["properties"]!).ToList())
        {
            ((JsonObject)options["properties"]!).Remove(key);
            properties[key] = value;
        }

        var required = new JsonArray("type");
        if (options["required"] is JsonArray more)
        {
            foreach (var name in more.ToList())
            {
                more.Remove(name);
                required.Add(name);
            }
        }

        var schema = new JsonObject();
        if (withHeader)
        {
            schema["$schema"] = Draft;
            schema["title"] = $"{KindName(component.Kind)} '{component.Key}'";
            if (component.Summary is not null)
            {
                schema["description"] = component.Summary;
            }

            schema["x-plugin"] = component.Plugin;
        }

        schema["type"] = "object";
        schema["properties"] = properties;
        schema["required"] = required;
        schema["additionalProperties"] = false;
        return schema;
    }

    /// <summary>Folder name of a kind: <c>dataset</c>, <c>backbone</c>, <c>parameter_learner</c>, <c>loss</c>.</summary>
    public static string KindName(ComponentKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    /// <summary>Path of a component's schema relative to the schema folder.</summary>
    public static string ComponentPath(ComponentDescriptor component) =>
        $"components/{KindName(component.Kind)}/{component.Key}.schema.json";

    private static JsonObject LooseBlock() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject { ["type"] = new JsonObject { ["type"] = "string" } },
        ["required"] = new JsonArray("type"),
    };

    private static JsonObject LinkedBlock(ComponentCatalog catalog, ComponentKind kind)
    {
        var components = catalog.Components.Where(c => c.Kind == kind).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var cases = new JsonArray();
        foreach (var component in components)
        {
            cases.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = component.Key } },
                },
                ["then"] = new JsonObject { ["$ref"] = ComponentPath(component) },
            });
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject
                {
                    ["type"] = "string",
                    ["enum"] = new JsonArray([.. components.Select(c => (JsonNode)c.Key)]),
                },
            },
            ["required"] = new JsonArray("type"),
            ["allOf"] = cases,
        };
    }
}
