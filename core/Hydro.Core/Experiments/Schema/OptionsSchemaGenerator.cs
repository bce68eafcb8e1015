using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Hydro.Abstractions.Components;
using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Experiments.Schema;

/// <summary>
/// Writes the JSON Schema (draft-07) of an options class from its properties and attributes:
/// <see cref="DescriptionAttribute"/> → description, <see cref="RangeAttribute"/> → minimum/maximum (exclusive when the
/// attribute says so), <see cref="RegularExpressionAttribute"/> → pattern, <see cref="MinLengthAttribute"/> /
/// <see cref="MaxLengthAttribute"/> → minItems/minLength, <see cref="AllowedValuesAttribute"/> → enum (of the items, on a
/// list), <see cref="RequiredAttribute"/> → required, <see cref="UnitAttribute"/> → x-unit, initial values → default.
/// Every object forbids keys it does not declare. Component slots are written by <paramref name="slot"/>.
/// </summary>
internal sealed class OptionsSchemaGenerator(Func<ComponentSlotAttribute, JsonObject> slot)
{
    /// <summary>A period bound: YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS.</summary>
    internal const string PeriodDatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$";

    public JsonObject ObjectSchema(Type type)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        var defaults = TryCreate(type);
        foreach (var property in OptionsReflection.Properties(type))
        {
            var name = OptionsReflection.YamlName(property);
            var schema = PropertySchema(property);
            var isRequired = property.GetCustomAttribute<RequiredAttribute>() is not null;
            if (isRequired)
            {
                required.Add(name);
            }
            else if (defaults is not null && DefaultValue(property.GetValue(defaults)) is { } value)
            {
                schema["default"] = value;
            }

            properties[name] = schema;
        }

        var result = new JsonObject { ["type"] = "object" };
        if (type.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            result["description"] = description.Description;
        }

        result["properties"] = properties;
        if (required.Count > 0)
        {
            result["required"] = required;
        }

        result["additionalProperties"] = false;
        return result;
    }

    private JsonObject PropertySchema(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var nullable = OptionsReflection.IsNullable(property);
        JsonObject schema;
        if (property.GetCustomAttribute<ComponentSlotAttribute>() is { } componentSlot)
        {
            schema = slot(componentSlot);
        }
        else
        {
            schema = TypeSchema(type);
        }

        if (nullable && schema["type"] is JsonValue single)
        {
            schema["type"] = new JsonArray(single.GetValue<string>(), "null");
        }

        var ordered = new JsonObject();
        if (property.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            ordered["description"] = description.Description;
        }

        if (property.GetCustomAttribute<UnitAttribute>() is { } unit)
        {
            ordered["x-unit"] = unit.Unit;
        }

        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            ordered[key] = value;
        }

        ApplyConstraints(property, ordered, OptionsReflection.ElementType(type) is not null);
        return ordered;
    }

    private JsonObject TypeSchema(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new() { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new() { ["type"] = "boolean" };
        }

        if (OptionsReflection.IsInteger(type))
        {
            return new() { ["type"] = "integer" };
        }

        if (OptionsReflection.IsNumber(type))
        {
            return new() { ["type"] = "number" };
        }

        if (type == typeof(DateOnly))
        {
            return new() { ["type"] = "string", ["format"] = "date" };
        }

        if (type == typeof(PeriodDate))
        {
            // YAML reads 2014-09-15 and 2014-09-15T06:00 as text; the binder checks the calendar.
            return new() { ["type"] = "string", ["pattern"] = PeriodDatePattern };
        }

        if (type.IsEnum)
        {
            return new()
            {
                ["type"] = "string",
                ["enum"] = new JsonArray([.. OptionsReflection.EnumNames(type).Select(e => (JsonNode)e.Name)]),
            };
        }

        if (OptionsReflection.ElementType(type) is { } element)
        {
            return new() { ["type"] = "array", ["items"] = TypeSchema(element) };
        }

        if (OptionsReflection.DictionaryValueType(type) is { } value)
        {
            return new() { ["type"] = "object", ["additionalProperties"] = TypeSchema(value) };
        }

        return ObjectSchema(type);
    }

    private static void ApplyConstraints(PropertyInfo property, JsonObject schema, bool isList)
    {
        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            // A bound of ±double.MaxValue (or infinity) means "unbounded on that side": JSON Schema validators read
            // numbers as decimals, which cannot hold it, so it is left out.
            if (Bounded(range.Minimum))
            {
                schema[range.MinimumIsExclusive ? "exclusiveMinimum" : "minimum"] = Number(range.Minimum);
            }

            if (Bounded(range.Maximum))
            {
                schema[range.MaximumIsExclusive ? "exclusiveMaximum" : "maximum"] = Number(range.Maximum);
            }
        }

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } regex)
        {
            schema["pattern"] = regex.Pattern;
        }

        if (property.GetCustomAttribute<MinLengthAttribute>() is { } min)
        {
            schema[isList ? "minItems" : "minLength"] = min.Length;
        }

        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } max)
        {
            schema[isList ? "maxItems" : "maxLength"] = max.Length;
        }

        if (property.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
        {
            var target = isList ? (JsonObject)schema["items"]! : schema;
            target["enum"] = new JsonArray([.. allowed.Values.Select(v => JsonValue.Create(Convert.ToString(v, CultureInfo.InvariantCulture)))]);
        }
    }

    private static bool Bounded(object bound) => bound is not (double and (> 1e28 or < -1e28 or double.NaN));

    private static JsonNode Number(object bound) => bound switch
    {
        int i => i,
        long l => l,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => (long)d,
        double d => d,
        _ => double.Parse(Convert.ToString(bound, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    private static object? TryCreate(Type type)
    {
        try
        {
            return type.GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance(type);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static JsonNode? DefaultValue(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        int i => i,
        long l => l,
        double d => d,
        float f => (double)f,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PeriodDate date => date.ToString(),
        Enum e => OptionsReflection.EnumNames(e.GetType()).First(n => n.Value.Equals(e)).Name,
        System.Collections.IDictionary map => new JsonObject([.. map.Keys.Cast<object>().Select(k => KeyValuePair.Create(k.ToString()!, DefaultValue(map[k])))]),
        System.Collections.IEnumerable list when value is not string =>
            new JsonArray([.. list.Cast<object?>().Select(DefaultValue)]),
        _ => null,
    };
}
