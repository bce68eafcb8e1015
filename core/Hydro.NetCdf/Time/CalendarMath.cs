namespace Hydro.NetCdf;

/// <summary>
/// Day numbers of calendar dates: consecutive integers per calendar, so that date differences are subtractions.
/// Gregorian and Julian dates use the Julian Day Number (Richards 2013, "Calendars", Explanatory Supplement to the
/// Astronomical Almanac, §15.11, algorithms 3 and 4); the idealised calendars count from year 0.
/// </summary>
internal static class CalendarMath
{
    /// <summary>Julian Day Number of 1582-10-15, the first Gregorian day of the standard calendar.</summary>
    private const long GregorianReform = 2299161;

    private static readonly int[] DaysBefore = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    public static int MinYear(CfCalendar calendar) =>
        calendar is CfCalendar.NoLeap or CfCalendar.AllLeap or CfCalendar.Day360 ? 0 : 1;

    public static bool IsLeap(CfCalendar calendar, int year) =>
        calendar switch
        {
            CfCalendar.NoLeap or CfCalendar.Day360 => false,
            CfCalendar.AllLeap => true,
            CfCalendar.Julian => year % 4 == 0,
            CfCalendar.Standard when year < 1583 => year % 4 == 0,
            _ => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0,
        };

    public static int DaysInMonth(CfCalendar calendar, int year, int month) =>
        calendar == CfCalendar.Day360 ? 30
            : month == 2 ? (IsLeap(calendar, year) ? 29 : 28)
            : DaysBefore[month] - DaysBefore[month - 1];

    public static bool Exists(CfCalendar calendar, int year, int month, int day) =>
        year >= MinYear(calendar) && year <= 9999 && month is >= 1 and <= 12 && day >= 1
        && day <= DaysInMonth(calendar, year, month)
        // The standard calendar jumps from 1582-10-04 (Julian) to 1582-10-15 (Gregorian).
        && !(calendar == CfCalendar.Standard && year == 1582 && month == 10 && day is > 4 and < 15);

    public static long DayNumber(CfCalendar calendar, int year, int month, int day)
    {
        switch (calendar)
        {
            case CfCalendar.NoLeap:
                return year * 365L + DaysBefore[month - 1] + day - 1;
            case CfCalendar.AllLeap:
                return year * 366L + DaysBefore[month - 1] + (month > 2 ? 1 : 0) + day - 1;
            case CfCalendar.Day360:
                return year * 360L + (month - 1) * 30 + day - 1;
            default:
                var julian = calendar == CfCalendar.Julian
                    || (calendar == CfCalendar.Standard && (year, month, day).CompareTo((1582, 10, 15)) < 0);
                long a = (14 - month) / 12, y = year + 4800 - a, m = month + 12 * a - 3;
                var jdn = day + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083;
                return julian ? jdn : jdn - y / 100 + y / 400 + 38;
        }
    }

    public static (int Year, int Month, int Day) FromDayNumber(CfCalendar calendar, long n)
    {
        switch (calendar)
        {
            case CfCalendar.NoLeap:
                return FromDayOfYear(calendar, (int)Math.Floor(n / 365.0), (int)(n - Math.Floor(n / 365.0) * 365));
            case CfCalendar.AllLeap:
                return FromDayOfYear(calendar, (int)Math.Floor(n / 366.0), (int)(n - Math.Floor(n / 366.0) * 366));
            case CfCalendar.Day360:
                var y360 = (int)Math.Floor(n / 360.0);
                var r = (int)(n - y360 * 360L);
                return (y360, r / 30 + 1, r % 30 + 1);
            default:
                var gregorian = calendar == CfCalendar.ProlepticGregorian
                    || (calendar == CfCalendar.Standard && n >= GregorianReform);
                var f = n + 1401 + (gregorian ? (4 * n + 274277) / 146097 * 3 / 4 - 38 : 0);
                var e = 4 * f + 3;
                var g = e % 1461 / 4;
                var h = 5 * g + 2;
                var day = (int)(h % 153 / 5 + 1);
                var month = (int)((h / 153 + 2) % 12 + 1);
                var year = (int)(e / 1461 - 4716 + (14 - month) / 12);
                return (year, month, day);
        }
    }

    private static (int Year, int Month, int Day) FromDayOfYear(CfCalendar calendar, int year, int dayOfYear)
    {
        var month = 1;
        while (dayOfYear >= DaysInMonth(calendar, year, month))
        {
            dayOfYear -= DaysInMonth(calendar, year, month);
            month++;
        }

        return (year, month, dayOfYear + 1);
    }
}
