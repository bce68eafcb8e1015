using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hydro.Core.Experiments.Schema;

/// <summary>How options classes map to YAML: which properties, under which snake_case names, with which enum names.</summary>
internal static class OptionsReflection
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Public properties with a public setter or init accessor, in declaration order.</summary>
    public static IReadOnlyList<PropertyInfo> Properties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0
                && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .OrderBy(p => p.MetadataToken)];

    /// <summary>The YAML key: <see cref="JsonPropertyNameAttribute"/> or the snake_case of the name.</summary>
    public static string YamlName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);

    /// <summary>The YAML names of an enum's members, by member.</summary>
    public static IReadOnlyList<(string Name, object Value)> EnumNames(Type enumType) =>
        [.. enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(f => f.MetadataToken)
            .Select(f => (f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(f.Name), f.GetValue(null)!))];

    /// <summary>True when YAML may give null (nullable value type or nullable reference).</summary>
    public static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && Nullability.Create(property).WriteState == NullabilityState.Nullable);

    /// <summary>The element type when <paramref name="type"/> is an array or a generic list interface/class.</summary>
    public static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 1)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>)
                || definition == typeof(IReadOnlyCollection<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    /// <summary>
    /// The value type when <paramref name="type"/> is a dictionary keyed by strings (<c>IReadOnlyDictionary&lt;string, T&gt;</c>
    /// or <c>Dictionary&lt;string, T&gt;</c>): a YAML mapping whose keys the user chooses, e.g. <c>{FC: 250, BETA: 2}</c>.
    /// </summary>
    public static Type? DictionaryValueType(Type type)
    {
        if (type.IsGenericType && type.GetGenericArguments() is [var key, var value] && key == typeof(string))
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Integral types bound from YAML integers.</summary>
    public static bool IsInteger(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

    /// <summary>Floating types bound from YAML numbers.</summary>
    public static bool IsNumber(Type type) => type == typeof(double) || type == typeof(float) || type == typeof(decimal);
}
