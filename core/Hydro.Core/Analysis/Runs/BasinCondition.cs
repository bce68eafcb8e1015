using System.Globalization;
using System.Text.RegularExpressions;

namespace Hydro.Core.Analysis.Runs;

/// <summary>A condition on a static attribute that selects basins, e.g. <c>frac_snow&gt;0.2</c> (snowy basins).</summary>
/// <param name="Attribute">A static variable of the dataset.</param>
/// <param name="Operator">One of <c>&gt; &gt;= &lt; &lt;= == !=</c>.</param>
/// <param name="Value">The threshold.</param>
public sealed partial record BasinCondition(string Attribute, string Operator, double Value)
{
    /// <summary>Whether <paramref name="value"/> satisfies the condition (a missing value never does).</summary>
    public bool Holds(double value) => !double.IsNaN(value) && Operator switch
    {
        ">" => value > Value,
        ">=" => value >= Value,
        "<" => value < Value,
        "<=" => value <= Value,
        "==" => value == Value,
        "!=" => value != Value,
        _ => false,
    };

    /// <summary>Parses <c>ATTR OP VALUE</c> (spaces allowed, <c>=</c> read as <c>==</c>).</summary>
    /// <returns>False with a message naming the text and the expected form.</returns>
    public static bool TryParse(string text, out BasinCondition? condition, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = Pattern().Match(text);
        if (!m.Success || !double.TryParse(m.Groups[3].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            (condition, error) = (null, $"'{text}' is not a condition: write ATTRIBUTE OP NUMBER with OP one of > >= < <= == != (e.g. frac_snow>0.2)");
            return false;
        }

        var op = m.Groups[2].Value == "=" ? "==" : m.Groups[2].Value;
        (condition, error) = (new BasinCondition(m.Groups[1].Value, op, value), null);
        return true;
    }

    /// <summary>Folder-name form: <c>frac_snow_gt_0.2</c>.</summary>
    public string Slug() => $"{Attribute}_{Operator switch { ">" => "gt", ">=" => "ge", "<" => "lt", "<=" => "le", "==" => "eq", _ => "ne" }}_{Value.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc/>
    public override string ToString() => $"{Attribute}{Operator}{Value.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_.\-]*)\s*(>=|<=|==|!=|>|<|=)\s*(\S+)\s*$")]
    private static partial Regex Pattern();
}
