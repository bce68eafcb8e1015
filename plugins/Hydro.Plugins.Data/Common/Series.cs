namespace Hydro.Plugins.Data.Common;

/// <summary>One daily variable of one basin: values from day <see cref="FirstDay"/> on, NaN where missing.</summary>
/// <param name="FirstDay"><see cref="DateOnly.DayNumber"/> of <c>Values[0]</c>.</param>
/// <param name="Values">Daily values.</param>
internal sealed record Series(int FirstDay, float[] Values)
{
    /// <summary>The column <paramref name="name"/> of a table.</summary>
    public static Series Of(DailyTable table, string name) => new(table.FirstDay, table.Column(name));
}
