namespace Hydro.Abstractions.Components;

/// <summary>
/// The physical unit of an option or output (e.g. <c>mm/day</c>, <c>days</c>, <c>°C</c>); shown by
/// <c>hydro plugins</c> and written into the schemas. Ranges use
/// <see cref="System.ComponentModel.DataAnnotations.RangeAttribute"/>, descriptions
/// <see cref="System.ComponentModel.DescriptionAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class UnitAttribute(string unit) : Attribute
{
    /// <summary>The unit symbol.</summary>
    public string Unit { get; } = unit;
}
