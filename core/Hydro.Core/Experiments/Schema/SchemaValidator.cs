using System.Collections.Concurrent;
using System.Globalization;
using Hydro.Abstractions.Components;
using Hydro.Core.Components;
using Hydro.Core.Experiments.Yaml;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Hydro.Core.Experiments.Schema;

/// <summary>
/// Stage (b): validates the document against the experiment schema, resolves the <c>type:</c> of every component
/// block in the catalog and validates the block against that component's schema.
/// </summary>
internal sealed class SchemaValidator(ComponentCatalog catalog)
{
    private static readonly Lazy<JsonSchema> Root = new(() => Parse(ExperimentSchemas.ForValidation()));

    private readonly ConcurrentDictionary<ComponentDescriptor, JsonSchema> components = new();

    /// <summary>The component blocks of an experiment: where they sit and which kind they name.</summary>
    public static IEnumerable<(string Path, ComponentKind Kind)> Slots { get; } =
    [
        ("dataset", ComponentKind.Dataset),
        ("model.backbone", ComponentKind.Backbone),
        ("model.learner", ComponentKind.ParameterLearner),
        ("loss", ComponentKind.Loss),
    ];

    public void Validate(YamlMappingValue document, ErrorSink errors)
    {
        var json = new YamlToJson();
        var token = json.Convert(document, "");
        Report(Root.Value.Validate(token), json, errors);

        foreach (var (path, kind) in Slots)
        {
            if (Locate(document, path) is not YamlMappingValue block
                || block.Get("type") is not YamlScalarValue typeNode
                || (typeNode.IsPlain && (YamlScalars.IsNull(typeNode) || YamlScalars.AsBool(typeNode) is not null
                    || YamlScalars.AsNumber(typeNode) is not null)))
            {
                continue; // absent, not a mapping or without a type: already reported against the experiment schema
            }

            var component = catalog.Find(kind, typeNode.Text);
            if (component is null)
            {
                var keys = catalog.Keys(kind).Order(StringComparer.Ordinal).ToList();
                errors.Add(typeNode.Line, typeNode.Column, YamlToJson.Join(path, "type"), $"known {ExperimentSchemas.KindName(kind)}",
                    typeNode.Text, $"unknown {ExperimentSchemas.KindName(kind)} type '{typeNode.Text}'; registered: {Suggestions.List(keys)}",
                    Suggestions.Closest(typeNode.Text, keys));
                continue;
            }

            var schema = components.GetOrAdd(component, c => Parse(ExperimentSchemas.ForComponent(c, withHeader: false)));
            var blockJson = new YamlToJson();
            Report(schema.Validate(blockJson.Convert(block, path)), blockJson, errors);
        }
    }

    /// <summary>The node at a dotted path of mapping keys, or null.</summary>
    public static YamlValue? Locate(YamlValue root, string path)
    {
        YamlValue? node = root;
        foreach (var part in path.Split('.'))
        {
            node = (node as YamlMappingValue)?.Get(part);
        }

        return node;
    }

    private static JsonSchema Parse(System.Text.Json.Nodes.JsonObject schema) =>
        JsonSchema.FromJsonAsync(schema.ToJsonString()).GetAwaiter().GetResult();

    private static void Report(IEnumerable<ValidationError> found, YamlToJson json, ErrorSink errors)
    {
        foreach (var error in Flatten(found))
        {
            ValidationMessages.Add(error, json, errors);
        }
    }

    /// <summary>The errors of the one non-null type that has errors other than a type mismatch, or null.</summary>
    private static ICollection<ValidationError>? Specific(MultiTypeValidationError multi)
    {
        // A type whose errors include "expected <type>" for the value itself is not the type the user meant.
        var typed = multi.Errors.Where(e => e.Key != JsonObjectType.Null && e.Value.Count > 0
            && !e.Value.Any(v => v.Path == multi.Path && v.Kind is ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected
                or ValidationErrorKind.StringExpected or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ArrayExpected
                or ValidationErrorKind.ObjectExpected)).ToList();
        return typed.Count == 1 ? typed[0].Value : null;
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is MultiTypeValidationError multi && Specific(multi) is { } typed)
            {
                // A nullable option (type [integer, null]) given a bad non-null value: report what the non-null type
                // says (minimum 1, a string expected), not that no type validates.
                foreach (var e in Flatten(typed))
                {
                    yield return e;
                }
            }
            else if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }
}

/// <summary>Turns an NJsonSchema error into a message with the YAML path, line, rule and value seen.</summary>
internal static class ValidationMessages
{
    public static void Add(ValidationError error, YamlToJson json, ErrorSink errors)
    {
        var origin = json.Find(error.Token) ?? json.Find(error.Token?.Parent);
        var schema = error.Schema?.ActualSchema;
        var node = origin?.Node;
        var path = origin?.Path ?? "";
        var (line, column) = node is null ? (1, 1) : (node.Line, node.Column);
        var seen = node is YamlScalarValue s ? s.Text : node?.Display;
        var kind = error.Kind;

        switch (kind)
        {
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                {
                    var name = error.Property ?? (error.Token as JProperty)?.Name ?? "";
                    var keyNode = (node as YamlMappingValue)?.KeyNode(name) ?? origin?.Key;
                    if (keyNode is not null)
                    {
                        (line, column) = (keyNode.Line, keyNode.Column);
                    }

                    var parentPath = error.Token is JProperty ? Parent(path) : path;
                    var known = schema?.ActualProperties.Keys.ToList() ?? [];
                    errors.Add(line, column, YamlToJson.Join(parentPath, name), "unknown key", name,
                        $"unknown key '{name}'; valid keys here: {Suggestions.List(known)}", Suggestions.Closest(name, known));
                    return;
                }

            case ValidationErrorKind.PropertyRequired:
                {
                    var name = error.Property ?? "";
                    if (origin?.Key is { } blockKey)
                    {
                        (line, column) = (blockKey.Line, blockKey.Column);
                    }

                    var where = path.Length == 0 ? "at the top level" : $"in '{path}'";
                    errors.Add(line, column, YamlToJson.Join(path, name), "required", null, $"missing required key '{name}' {where}");
                    return;
                }

            case ValidationErrorKind.NotInEnumeration:
                {
                    var choices = schema?.Enumeration.Select(v => System.Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null").ToList() ?? [];
                    errors.Add(line, column, path, "one of " + string.Join(", ", choices), seen,
                        $"'{seen}' is not allowed; expected {Suggestions.List(choices)}", Suggestions.Closest(seen ?? "", choices));
                    return;
                }
        }

        if (kind == ValidationErrorKind.StringExpected && IsBasinId(path) && node is YamlScalarValue { IsPlain: true } id && YamlScalars.AsNumber(id) is not null)
        {
            // basins: [01022500] is read by YAML as the number 1022500: the leading zero would be lost.
            errors.Add(line, column, path, "type string", seen, $"basin ids must be quoted strings: write '{id.Text}'");
            return;
        }

        if (kind == ValidationErrorKind.TooFewItems && path.EndsWith("basins", StringComparison.Ordinal))
        {
            errors.Add(line, column, path, $"minItems {schema?.MinItems}", seen,
                "'basins: []' lists no basins; list at least one quoted id, or remove the key to use every basin");
            return;
        }

        var (rule, message) = Describe(kind, schema, seen);
        errors.Add(line, column, path, rule, seen, message);
    }

    private static bool IsBasinId(string path)
    {
        var bracket = path.LastIndexOf('[');
        return bracket > 0 && path[..bracket].EndsWith("basins", StringComparison.Ordinal);
    }

    private static string Parent(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? "" : path[..dot];
    }

    private static (string Rule, string Message) Describe(ValidationErrorKind kind, JsonSchema? schema, string? seen)
    {
        static string Num(object? v) => System.Convert.ToString(v, CultureInfo.InvariantCulture) ?? "?";
        return kind switch
        {
            ValidationErrorKind.NumberTooBig when schema?.ExclusiveMaximum is { } x => ($"exclusiveMaximum {Num(x)}", $"must be less than {Num(x)}"),
            ValidationErrorKind.NumberTooBig => ($"maximum {Num(schema?.Maximum)}", $"must be at most {Num(schema?.Maximum)}"),
            ValidationErrorKind.NumberTooSmall when schema?.ExclusiveMinimum is { } x => ($"exclusiveMinimum {Num(x)}", $"must be greater than {Num(x)}"),
            ValidationErrorKind.NumberTooSmall => ($"minimum {Num(schema?.Minimum)}", $"must be at least {Num(schema?.Minimum)}"),
            ValidationErrorKind.IntegerExpected => ("type integer", "expected a whole number"),
            ValidationErrorKind.NumberExpected => ("type number", "expected a number"),
            ValidationErrorKind.StringExpected => ("type string", "expected a text value"),
            ValidationErrorKind.BooleanExpected => ("type boolean", "expected true or false"),
            ValidationErrorKind.ArrayExpected => ("type array", "expected a list ('- item' lines or [a, b])"),
            ValidationErrorKind.ObjectExpected => ("type object", "expected a mapping of keys ('key: value' lines, indented)"),
            ValidationErrorKind.NullExpected => ("type null", "expected no value"),
            ValidationErrorKind.PatternMismatch when schema?.Pattern == OptionsSchemaGenerator.PeriodDatePattern =>
                ("date YYYY-MM-DD or YYYY-MM-DDTHH:MM", $"'{seen}' is not a date YYYY-MM-DD or a date and time YYYY-MM-DDTHH:MM"),
            ValidationErrorKind.PatternMismatch => ($"pattern {schema?.Pattern}", $"'{seen}' does not match the pattern {schema?.Pattern}"),
            ValidationErrorKind.DateExpected or ValidationErrorKind.DateTimeExpected => ("date YYYY-MM-DD", $"'{seen}' is not a date YYYY-MM-DD"),
            ValidationErrorKind.TooFewItems => ($"minItems {schema?.MinItems}", $"needs at least {schema?.MinItems} item(s)"),
            ValidationErrorKind.TooManyItems => ($"maxItems {schema?.MaxItems}", $"allows at most {schema?.MaxItems} item(s)"),
            ValidationErrorKind.StringTooShort => ($"minLength {schema?.MinLength}", $"needs at least {schema?.MinLength} character(s)"),
            ValidationErrorKind.StringTooLong => ($"maxLength {schema?.MaxLength}", $"allows at most {schema?.MaxLength} character(s)"),
            _ => (kind.ToString(), $"breaks the schema rule {kind}"),
        };
    }
}
