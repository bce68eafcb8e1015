using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Hydro.Core.Experiments.Model;
using Hydro.Core.Experiments.Schema;
using Hydro.Core.Experiments.Yaml;

namespace Hydro.Core.Experiments.Binding;

/// <summary>
/// Stage (c), first half: sets the <c>init</c> properties of options classes from YAML nodes, keeping defaults for
/// absent keys, then runs each bound object's <see cref="IValidatableObject"/> rules. The schema has already checked
/// shapes and ranges, so most errors here are values the schema cannot express (impossible dates, overflow).
/// </summary>
internal sealed class OptionsBinder(ErrorSink errors, Func<ComponentSlotAttribute, YamlMappingValue, string, ComponentBlock?> bindSlot)
{
    /// <summary>Binds a mapping to a new <paramref name="type"/>; <paramref name="skipKeys"/> are left to the caller.</summary>
    public object? BindObject(Type type, YamlMappingValue map, string path, params string[] skipKeys)
    {
        object instance;
        try
        {
            instance = Activator.CreateInstance(type)
                ?? throw new InvalidOperationException($"Options class {type.FullName} could not be created.");
        }
        catch (Exception ex) when (ex is MissingMethodException or TargetInvocationException)
        {
            errors.Add(map.Line, map.Column, path, "options class", type.FullName,
                $"the options class {type.FullName} cannot be created ({ex.InnerException?.Message ?? ex.Message}); report this to the plugin's authors");
            return null;
        }

        var properties = OptionsReflection.Properties(type).ToDictionary(OptionsReflection.YamlName, StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (skipKeys.Contains(key.Text))
            {
                continue;
            }

            var childPath = YamlToJson.Join(path, key.Text);
            if (!properties.TryGetValue(key.Text, out var property))
            {
                errors.Add(key.Line, key.Column, childPath, "unknown key", key.Text, $"unknown key '{key.Text}'",
                    Suggestions.Closest(key.Text, properties.Keys));
                continue;
            }

            if (Convert(property, value, childPath, out var converted))
            {
                property.SetValue(instance, converted);
            }
        }

        if (instance is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(instance)))
            {
                var member = result.MemberNames.FirstOrDefault();
                var memberKey = member is null ? null : properties.FirstOrDefault(p => p.Value.Name == member).Key ?? member;
                var at = memberKey is null ? null : map.KeyNode(memberKey);
                var node = memberKey is null ? null : map.Get(memberKey);
                errors.Add(at?.Line ?? map.Line, at?.Column ?? map.Column, memberKey is null ? path : YamlToJson.Join(path, memberKey),
                    "options rule", (node as YamlScalarValue)?.Text, result.ErrorMessage ?? "invalid options");
            }
        }

        return instance;
    }

    private bool Convert(PropertyInfo property, YamlValue node, string path, out object? value)
    {
        if (property.GetCustomAttribute<ComponentSlotAttribute>() is { } slot)
        {
            value = null;
            if (node is YamlScalarValue nullNode && YamlScalars.IsNull(nullNode))
            {
                return true;
            }

            value = bindSlot(slot, (YamlMappingValue)node, path);
            return value is not null;
        }

        return ConvertValue(property.PropertyType, node, path, out value);
    }

    private bool ConvertValue(Type type, YamlValue node, string path, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is YamlScalarValue scalar && YamlScalars.IsNull(scalar) && (underlying is not null || !type.IsValueType))
        {
            return true;
        }

        type = underlying ?? type;
        if (OptionsReflection.ElementType(type) is { } element)
        {
            if (node is not YamlSequenceValue seq)
            {
                return Fail(node, path, "type array", "expected a list");
            }

            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            var ok = true;
            for (var i = 0; i < seq.Items.Count; i++)
            {
                ok &= ConvertValue(element, seq.Items[i], $"{path}[{i}]", out var item);
                list.Add(item);
            }

            if (type.IsArray)
            {
                var array = Array.CreateInstance(element, list.Count);
                list.CopyTo(array, 0);
                value = array;
            }
            else
            {
                value = list;
            }

            return ok;
        }

        if (OptionsReflection.DictionaryValueType(type) is { } valueType)
        {
            if (node is not YamlMappingValue entries)
            {
                return Fail(node, path, "type object", "expected a mapping of names to values");
            }

            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType), StringComparer.Ordinal)!;
            var ok = true;
            foreach (var (key, item) in entries.Entries)
            {
                ok &= ConvertValue(valueType, item, path.Length == 0 ? key.Text : $"{path}.{key.Text}", out var converted);
                dictionary[key.Text] = converted;
            }

            value = dictionary;
            return ok;
        }

        if (node is YamlMappingValue map)
        {
            if (type == typeof(string) || type.IsValueType)
            {
                return Fail(node, path, "type " + type.Name, "expected a single value, not a mapping");
            }

            value = BindObject(type, map, path);
            return value is not null;
        }

        if (node is not YamlScalarValue s)
        {
            return Fail(node, path, "type " + type.Name, "expected a single value, not a list");
        }

        value = Scalar(type, s);
        if ((value is double d && !double.IsFinite(d)) || (value is float f && !float.IsFinite(f)))
        {
            // NaN, ±infinity, or too large for a float (1e39): no option means anything by them, and a NaN slips
            // through every [Range] check (each comparison with NaN is false).
            value = null;
            return Fail(node, path, "finite number", $"'{s.Text}' is not a finite number{(type == typeof(float) ? " that fits a float (±3.4e38)" : "")}: give an ordinary number");
        }

        if (value is PeriodDate date)
        {
            // The line travels with the value: a bound off the dataset's step grid is found once the data is open.
            value = date with { Line = s.Line, Column = s.Column };
        }

        return value is not null || Fail(node, path, RuleFor(type), $"'{s.Text}' is not {Describe(type)}");
    }

    private static object? Scalar(Type type, YamlScalarValue s)
    {
        if (type == typeof(string))
        {
            return s.Text;
        }

        if (type == typeof(bool))
        {
            return YamlScalars.AsBool(s);
        }

        if (type == typeof(DateOnly))
        {
            return DateOnly.TryParseExact(s.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        }

        if (type == typeof(PeriodDate))
        {
            return PeriodDate.TryParse(s.Text, out var p) ? p : null;
        }

        if (type.IsEnum)
        {
            return OptionsReflection.EnumNames(type).FirstOrDefault(e => e.Name == s.Text).Value;
        }

        if (OptionsReflection.IsInteger(type))
        {
            if (YamlScalars.AsInteger(s) is not { } l)
            {
                return null;
            }

            try
            {
                return System.Convert.ChangeType(l, type, CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        if (OptionsReflection.IsNumber(type))
        {
            return YamlScalars.AsNumber(s) is { } d ? System.Convert.ChangeType(d, type, CultureInfo.InvariantCulture) : null;
        }

        return null;
    }

    private static string RuleFor(Type type) =>
        type == typeof(DateOnly) ? "date YYYY-MM-DD" : type == typeof(PeriodDate) ? "date YYYY-MM-DD or YYYY-MM-DDTHH:MM" : OptionsReflection.IsInteger(type) ? $"{type.Name} range" : "type " + type.Name;

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(DateOnly) => "a valid date YYYY-MM-DD",
        _ when type == typeof(PeriodDate) => "a date YYYY-MM-DD or a date and time YYYY-MM-DDTHH:MM",
        _ when type == typeof(bool) => "true or false",
        _ when OptionsReflection.IsInteger(type) => $"a whole number that fits {type.Name}",
        _ when OptionsReflection.IsNumber(type) => "a number",
        _ when type.IsEnum => "one of " + string.Join(", ", OptionsReflection.EnumNames(type).Select(e => e.Name)),
        _ => "a " + type.Name,
    };

    private bool Fail(YamlValue node, string path, string rule, string message)
    {
        errors.Add(node.Line, node.Column, path, rule, node is YamlScalarValue s ? s.Text : node.Display, message);
        return false;
    }
}
