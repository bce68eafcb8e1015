namespace Hydro.Plugins.Data.Common;

/// <summary>Calendar dates from the fields of a line, as <see cref="DateOnly.DayNumber"/>.</summary>
internal static class Dates
{
    /// <summary>Day number of year/month/day fields; false when they are not a valid date.</summary>
    public static bool TryDay(ReadOnlySpan<byte> year, ReadOnlySpan<byte> month, ReadOnlySpan<byte> day, out int dayNumber)
    {
        dayNumber = 0;
        return Numbers.TryParseInt(year, out var y) && Numbers.TryParseInt(month, out var m) && Numbers.TryParseInt(day, out var d)
            && TryDay(y, m, d, out dayNumber);
    }

    /// <summary>Day number of an ISO <c>yyyy-MM-dd</c> field.</summary>
    public static bool TryDayIso(ReadOnlySpan<byte> text, out int dayNumber)
    {
        dayNumber = 0;
        return text.Length == 10 && text[4] == (byte)'-' && text[7] == (byte)'-' && TryDay(text[..4], text[5..7], text[8..], out dayNumber);
    }

    private static bool TryDay(int y, int m, int d, out int dayNumber)
    {
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            dayNumber = 0;
            return false;
        }

        dayNumber = new DateOnly(y, m, d).DayNumber;
        return true;
    }
}
