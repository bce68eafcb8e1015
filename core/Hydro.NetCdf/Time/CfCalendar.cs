namespace Hydro.NetCdf;

/// <summary>The CF calendars (CF-1.8 §4.4.1) that Hydro decodes.</summary>
public enum CfCalendar
{
    /// <summary><c>standard</c> / <c>gregorian</c>: Julian before 1582-10-15, Gregorian from then on (the CF default).</summary>
    Standard,

    /// <summary><c>proleptic_gregorian</c>: the Gregorian calendar extended backwards (what System.DateTime uses).</summary>
    ProlepticGregorian,

    /// <summary><c>noleap</c> / <c>365_day</c>: no 29 February.</summary>
    NoLeap,

    /// <summary><c>all_leap</c> / <c>366_day</c>: every year has 29 February.</summary>
    AllLeap,

    /// <summary><c>360_day</c>: twelve months of 30 days (30 February exists, 31 March does not).</summary>
    Day360,

    /// <summary><c>julian</c>: a leap year every four years.</summary>
    Julian,
}

/// <summary>Parsing and naming of <see cref="CfCalendar"/>.</summary>
public static class CfCalendars
{
    /// <summary>Parses a <c>calendar</c> attribute (case-insensitive); null or empty is <c>standard</c> (CF default).</summary>
    /// <exception cref="NetCdfException">An unknown or unsupported calendar (e.g. <c>none</c>).</exception>
    public static CfCalendar Parse(string? calendar) =>
        (calendar ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "standard" or "gregorian" => CfCalendar.Standard,
            "proleptic_gregorian" => CfCalendar.ProlepticGregorian,
            "noleap" or "365_day" => CfCalendar.NoLeap,
            "all_leap" or "366_day" => CfCalendar.AllLeap,
            "360_day" => CfCalendar.Day360,
            "julian" => CfCalendar.Julian,
            _ => throw new NetCdfException(
                $"unknown calendar '{calendar}'. Supported: standard (gregorian), proleptic_gregorian, noleap (365_day), " +
                "all_leap (366_day), 360_day, julian. Fix the time variable's calendar attribute."),
        };

    /// <summary>The CF name written to a <c>calendar</c> attribute.</summary>
    public static string Name(this CfCalendar calendar) =>
        calendar switch
        {
            CfCalendar.Standard => "standard",
            CfCalendar.ProlepticGregorian => "proleptic_gregorian",
            CfCalendar.NoLeap => "noleap",
            CfCalendar.AllLeap => "all_leap",
            CfCalendar.Day360 => "360_day",
            CfCalendar.Julian => "julian",
            _ => throw new ArgumentOutOfRangeException(nameof(calendar), calendar, null),
        };
}
