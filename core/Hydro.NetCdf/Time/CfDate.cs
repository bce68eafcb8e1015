using System.Globalization;

namespace Hydro.NetCdf;

/// <summary>
/// A date and time in a CF calendar, to the microsecond. Every date of every supported calendar can be held,
/// including those System.DateTime lacks (30 February in <c>360_day</c>, 29 February of any year in <c>all_leap</c>).
/// </summary>
/// <remarks>
/// <see cref="ToDateTime"/> keeps the calendar fields (year, month, day, time of day), as xarray's
/// <c>CFTimeIndex.to_datetimeindex</c> does: for <c>noleap</c> data this means consecutive steps skip 29 February in
/// DateTime space, and a date that has no DateTime with these fields throws. Before 1582-10-15 the <c>standard</c>
/// calendar is Julian: its fields are kept too, so such a DateTime is not the same physical day.
/// </remarks>
public readonly record struct CfDate : IComparable<CfDate>
{
    private const long MicrosecondsPerDay = 86_400_000_000;

    /// <summary>Creates a date; throws when it does not exist in the calendar.</summary>
    /// <exception cref="NetCdfException">No such date in this calendar (e.g. 31 April, 29 February 2001, 30 February outside 360_day).</exception>
    public CfDate(CfCalendar calendar, int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int microsecond = 0)
    {
        if (!CalendarMath.Exists(calendar, year, month, day) || hour is < 0 or > 23 || minute is < 0 or > 59
            || second is < 0 or > 59 || microsecond is < 0 or > 999_999)
        {
            throw new NetCdfException(
                $"the date {Format(year, month, day, hour, minute, second, microsecond)} does not exist in the {calendar.Name()} calendar " +
                $"(years {CalendarMath.MinYear(calendar)}..9999).");
        }

        Calendar = calendar;
        Year = year;
        Month = month;
        Day = day;
        MicrosecondOfDay = ((hour * 60L + minute) * 60 + second) * 1_000_000 + microsecond;
    }

    private CfDate(CfCalendar calendar, (int Year, int Month, int Day) date, long microsecondOfDay)
    {
        Calendar = calendar;
        (Year, Month, Day) = date;
        MicrosecondOfDay = microsecondOfDay;
    }

    /// <summary>The calendar the fields belong to.</summary>
    public CfCalendar Calendar { get; }

    /// <summary>Year (astronomical numbering; 1..9999, or 0..9999 in the idealised calendars).</summary>
    public int Year { get; }

    /// <summary>Month, 1..12.</summary>
    public int Month { get; }

    /// <summary>Day of the month, 1..31 (1..30 in 360_day).</summary>
    public int Day { get; }

    /// <summary>Time of day in microseconds since midnight.</summary>
    public long MicrosecondOfDay { get; }

    /// <summary>The time of day.</summary>
    public TimeSpan TimeOfDay => TimeSpan.FromTicks(MicrosecondOfDay * 10);

    /// <summary>Consecutive day count of this calendar (differences are numbers of days).</summary>
    internal long DayNumber => CalendarMath.DayNumber(Calendar, Year, Month, Day);

    /// <summary>Microseconds on this calendar's consecutive axis (differences are durations).</summary>
    internal long TotalMicroseconds => DayNumber * MicrosecondsPerDay + MicrosecondOfDay;

    /// <summary>The date with the same fields in another calendar (throws if it does not exist there).</summary>
    public static CfDate FromDateTime(DateTime value, CfCalendar calendar)
    {
        var micro = value.TimeOfDay.Ticks / 10;
        return new CfDate(calendar, value.Year, value.Month, value.Day, (int)(micro / 3_600_000_000),
            (int)(micro / 60_000_000 % 60), (int)(micro / 1_000_000 % 60), (int)(micro % 1_000_000));
    }

    internal static CfDate FromTotalMicroseconds(CfCalendar calendar, long micro)
    {
        var day = Math.DivRem(micro, MicrosecondsPerDay, out var rest);
        if (rest < 0)
        {
            day--;
            rest += MicrosecondsPerDay;
        }

        var date = CalendarMath.FromDayNumber(calendar, day);
        if (date.Year < CalendarMath.MinYear(calendar) || date.Year > 9999)
        {
            throw new NetCdfException($"the time decodes to the year {date.Year}, outside {CalendarMath.MinYear(calendar)}..9999 " +
                "(check the units and the values: a wrong 'since' date or unit gives such years).");
        }

        return new CfDate(calendar, date, rest);
    }

    /// <summary>The DateTime with the same fields (Kind Unspecified; CF times are UTC unless stated).</summary>
    /// <exception cref="NetCdfException">The date has no DateTime (e.g. 30 February of a 360_day calendar).</exception>
    public DateTime ToDateTime()
    {
        var gregorian = CalendarMath.Exists(CfCalendar.ProlepticGregorian, Year, Month, Day);
        if (!gregorian)
        {
            throw new NetCdfException(
                $"the {Calendar.Name()} date {this} has no System.DateTime equivalent (no such day in the Gregorian calendar). " +
                "Read the time axis as CfDate (NetCdfFile.ReadCfDates) or convert the file to a standard calendar.");
        }

        return new DateTime(Year, Month, Day, 0, 0, 0, DateTimeKind.Unspecified).AddTicks(MicrosecondOfDay * 10);
    }

    /// <summary>Orders dates of the same calendar.</summary>
    public static bool operator <(CfDate left, CfDate right) => left.CompareTo(right) < 0;

    /// <summary>Orders dates of the same calendar.</summary>
    public static bool operator <=(CfDate left, CfDate right) => left.CompareTo(right) <= 0;

    /// <summary>Orders dates of the same calendar.</summary>
    public static bool operator >(CfDate left, CfDate right) => left.CompareTo(right) > 0;

    /// <summary>Orders dates of the same calendar.</summary>
    public static bool operator >=(CfDate left, CfDate right) => left.CompareTo(right) >= 0;

    /// <summary>Orders dates of the same calendar.</summary>
    public int CompareTo(CfDate other) => TotalMicroseconds.CompareTo(other.TotalMicroseconds);

    /// <summary>ISO form, <c>yyyy-MM-dd HH:mm:ss</c> with <c>.ffffff</c> when needed.</summary>
    public override string ToString()
    {
        var t = MicrosecondOfDay;
        return Format(Year, Month, Day, (int)(t / 3_600_000_000), (int)(t / 60_000_000 % 60), (int)(t / 1_000_000 % 60), (int)(t % 1_000_000));
    }

    private static string Format(int year, int month, int day, int hour, int minute, int second, int microsecond) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2} {hour:D2}:{minute:D2}:{second:D2}")
        + (microsecond == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $".{microsecond:D6}"));
}
