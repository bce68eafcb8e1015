using System.Globalization;

namespace Hydro.NetCdf;

/// <summary>
/// An attribute, global or of a variable. Text attributes (NC_CHAR, NC_STRING) have <see cref="Text"/> (several
/// NC_STRING values are joined by a newline); numeric ones have <see cref="Numbers"/> (converted to double).
/// </summary>
/// <param name="Name">The attribute name, e.g. <c>units</c>.</param>
/// <param name="Type">Its stored type.</param>
/// <param name="Text">The text of a text attribute, else null.</param>
/// <param name="Numbers">The values of a numeric attribute, else empty.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A NetCDF attribute, the term of the format; not a .NET attribute.")]
public sealed record NetCdfAttribute(string Name, NetCdfType Type, string? Text, IReadOnlyList<double> Numbers)
{
    /// <summary>Whether the attribute holds text.</summary>
    public bool IsText => Text is not null;

    /// <summary>The text, or the numbers separated by spaces.</summary>
    public override string ToString() =>
        Text ?? string.Join(' ', Numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture)));
}
