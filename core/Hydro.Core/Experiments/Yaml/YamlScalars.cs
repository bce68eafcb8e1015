using System.Globalization;
using System.Text.RegularExpressions;

namespace Hydro.Core.Experiments.Yaml;

/// <summary>The YAML 1.2 core schema for plain scalars: null, booleans, integers and floats; everything else is a string.</summary>
internal static partial class YamlScalars
{
    public static bool IsNull(YamlScalarValue s) => s.IsPlain && s.Text is "" or "~" or "null" or "Null" or "NULL";

    public static bool? AsBool(YamlScalarValue s) => !s.IsPlain ? null : s.Text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public static long? AsInteger(YamlScalarValue s) =>
        s.IsPlain && IntegerPattern().IsMatch(s.Text) && long.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v : null;

    public static double? AsNumber(YamlScalarValue s)
    {
        if (!s.IsPlain)
        {
            return null;
        }

        switch (s.Text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
        }

        return FloatPattern().IsMatch(s.Text) && double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : null;
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
