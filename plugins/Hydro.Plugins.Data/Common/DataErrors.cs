using System.Globalization;
using Hydro.Abstractions.Contracts;

namespace Hydro.Plugins.Data.Common;

/// <summary>Builds <see cref="DataException"/>s whose message starts with <c>file:line:</c>, as compilers do.</summary>
internal static class DataErrors
{
    /// <summary>An error at a line of a file.</summary>
    public static DataException At(string file, int line, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: {message}"));

    /// <summary>
    /// A data value that <see cref="Numbers.TryParseFloat"/> refused: file, line, column, basin and date, and why
    /// (not a number, or not finite in float32).
    /// </summary>
    public static DataException Value(string file, int line, string column, string basin, int dayNumber, ReadOnlySpan<byte> field) =>
        At(file, line, $"column '{column}' (basin {basin}, {Day(dayNumber)}): {Numbers.Problem(field)}");

    /// <summary>An error about a whole file.</summary>
    public static DataException In(string file, string message) => new($"{file}: {message}");

    /// <summary>Formats a day number as ISO date.</summary>
    public static string Day(int dayNumber) =>
        DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Shows a field of a line as text, shortened for messages.</summary>
    public static string Show(ReadOnlySpan<byte> field)
    {
        var text = System.Text.Encoding.UTF8.GetString(field.Length > 40 ? field[..40] : field);
        return field.Length > 40 ? $"'{text}…'" : $"'{text}'";
    }
}
