using System.Globalization;
using System.Text.RegularExpressions;

namespace Hydro.NetCdf;

/// <summary>The unit of a CF time coordinate.</summary>
public enum CfTimeUnit
{
    /// <summary>days (86 400 s).</summary>
    Days,

    /// <summary>hours.</summary>
    Hours,

    /// <summary>minutes.</summary>
    Minutes,

    /// <summary>seconds.</summary>
    Seconds,

    /// <summary>milliseconds.</summary>
    Milliseconds,

    /// <summary>microseconds.</summary>
    Microseconds,
}

/// <summary>
/// A CF time encoding: <c>UNIT since EPOCH</c> in a calendar (CF-1.8 §4.4), e.g. <c>hours since 2014-09-15 00:00:00</c>
/// with <c>calendar = "standard"</c>. Decodes stored numbers to <see cref="CfDate"/> / DateTime and encodes back.
/// </summary>
/// <remarks>
/// Accepted units: <c>days|hours|minutes|seconds|milliseconds|microseconds</c> (and the UDUNITS abbreviations
/// d, h, hr, min, s, sec, ms, us) <c>since YYYY-M-D</c>, optionally followed by a time <c>H:M[:S[.f]]</c> after a space
/// or 'T', and a time zone (<c>Z</c>, <c>UTC</c>, <c>±HH:MM</c>, <c>±HHMM</c>, <c>±H</c>) that is folded into the epoch, so
/// decoded times are UTC. <c>months</c>/<c>years</c> are rejected (CF discourages them: their length is not fixed).
/// Decoding rounds to the microsecond, as cftime does.
/// </remarks>
public sealed partial class CfTimeUnits
{
    private static readonly Dictionary<string, CfTimeUnit> UnitNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["days"] = CfTimeUnit.Days,
        ["day"] = CfTimeUnit.Days,
        ["d"] = CfTimeUnit.Days,
        ["hours"] = CfTimeUnit.Hours,
        ["hour"] = CfTimeUnit.Hours,
        ["hrs"] = CfTimeUnit.Hours,
        ["hr"] = CfTimeUnit.Hours,
        ["h"] = CfTimeUnit.Hours,
        ["minutes"] = CfTimeUnit.Minutes,
        ["minute"] = CfTimeUnit.Minutes,
        ["mins"] = CfTimeUnit.Minutes,
        ["min"] = CfTimeUnit.Minutes,
        ["seconds"] = CfTimeUnit.Seconds,
        ["second"] = CfTimeUnit.Seconds,
        ["secs"] = CfTimeUnit.Seconds,
        ["sec"] = CfTimeUnit.Seconds,
        ["s"] = CfTimeUnit.Seconds,
        ["milliseconds"] = CfTimeUnit.Milliseconds,
        ["millisecond"] = CfTimeUnit.Milliseconds,
        ["ms"] = CfTimeUnit.Milliseconds,
        ["microseconds"] = CfTimeUnit.Microseconds,
        ["microsecond"] = CfTimeUnit.Microseconds,
        ["us"] = CfTimeUnit.Microseconds,
    };

    private CfTimeUnits(CfTimeUnit unit, CfDate epoch)
    {
        Unit = unit;
        Epoch = epoch;
    }

    /// <summary>The unit of the stored numbers.</summary>
    public CfTimeUnit Unit { get; }

    /// <summary>The reference date (UTC, time zone applied), in <see cref="Calendar"/>.</summary>
    public CfDate Epoch { get; }

    /// <summary>The calendar.</summary>
    public CfCalendar Calendar => Epoch.Calendar;

    /// <summary>The <c>units</c> attribute to write, e.g. <c>days since 1980-01-01 00:00:00</c>.</summary>
    public string Units => $"{Unit.ToString().ToLowerInvariant()} since {Epoch}";

    /// <summary>The <c>calendar</c> attribute to write.</summary>
    public string CalendarName => Calendar.Name();

    private long MicrosecondsPerUnit => Unit switch
    {
        CfTimeUnit.Days => 86_400_000_000,
        CfTimeUnit.Hours => 3_600_000_000,
        CfTimeUnit.Minutes => 60_000_000,
        CfTimeUnit.Seconds => 1_000_000,
        CfTimeUnit.Milliseconds => 1_000,
        _ => 1,
    };

    /// <summary>Units for writing: <paramref name="unit"/> since <paramref name="epoch"/> in a calendar.</summary>
    public static CfTimeUnits Create(CfTimeUnit unit, DateTime epoch, CfCalendar calendar = CfCalendar.Standard) =>
        new(unit, CfDate.FromDateTime(epoch, calendar));

    /// <summary>Parses a <c>units</c> and <c>calendar</c> attribute pair.</summary>
    /// <exception cref="NetCdfException">Unparsable units, an unsupported unit, an invalid epoch or an unknown calendar.</exception>
    public static CfTimeUnits Parse(string units, string? calendar = null)
    {
        var cal = CfCalendars.Parse(calendar);
        var m = UnitsPattern().Match(units ?? "");
        if (!m.Success)
        {
            throw new NetCdfException(
                $"cannot parse the time units '{units}': expected 'UNIT since YYYY-MM-DD[ HH:MM[:SS]]' with UNIT one of days, hours, " +
                "minutes, seconds (e.g. 'days since 1980-01-01 00:00:00'). Fix the time variable's units attribute.");
        }

        if (!UnitNames.TryGetValue(m.Groups["unit"].Value, out var unit))
        {
            throw new NetCdfException(
                $"unsupported time unit '{m.Groups["unit"].Value}' in '{units}': use days, hours, minutes, seconds, milliseconds or " +
                "microseconds (months and years have no fixed length; CF advises against them).");
        }

        int Int(string group, int fallback = 0) =>
            m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : fallback;

        var fraction = m.Groups["frac"].Success ? (int)Math.Round(double.Parse("0" + m.Groups["frac"].Value, CultureInfo.InvariantCulture) * 1e6) : 0;
        CfDate epoch;
        try
        {
            epoch = new CfDate(cal, Int("y"), Int("mo"), Int("d"), Int("h"), Int("mi"), Int("s"), Math.Min(fraction, 999_999));
        }
        catch (NetCdfException e)
        {
            throw new NetCdfException($"the reference date of the time units '{units}' is invalid: {e.Message}", e);
        }

        var zoneMinutes = ZoneMinutes(m.Groups["zone"].Value);
        var result = new CfTimeUnits(unit, epoch);
        return zoneMinutes == 0 ? result
            : new CfTimeUnits(unit, CfDate.FromTotalMicroseconds(cal, epoch.TotalMicroseconds - zoneMinutes * 60_000_000L));
    }

    /// <summary>Decodes one stored number.</summary>
    /// <exception cref="NetCdfException">The value is NaN/infinite or decodes outside years 0/1..9999.</exception>
    public CfDate Decode(double value)
    {
        var offset = value * MicrosecondsPerUnit;
        if (!double.IsFinite(value) || Math.Abs(offset) > 4e17)
        {
            throw new NetCdfException($"the time value {value.ToString("R", CultureInfo.InvariantCulture)} ({Units}) is missing or out of range; " +
                "a time coordinate must not contain fill values.");
        }

        return CfDate.FromTotalMicroseconds(Calendar, Epoch.TotalMicroseconds + (long)Math.Round(offset));
    }

    /// <summary>Decodes stored numbers.</summary>
    public CfDate[] Decode(IReadOnlyList<double> values) => [.. values.Select(Decode)];

    /// <summary>Encodes a date of this calendar as a number of <see cref="Unit"/> since <see cref="Epoch"/>.</summary>
    /// <exception cref="ArgumentException">The date belongs to another calendar.</exception>
    public double Encode(CfDate date)
    {
        if (date.Calendar != Calendar)
        {
            throw new ArgumentException($"the date {date} is in the {date.Calendar.Name()} calendar, the units in {CalendarName}.", nameof(date));
        }

        var micro = date.TotalMicroseconds - Epoch.TotalMicroseconds;
        var unit = MicrosecondsPerUnit;
        // Exact integer division when possible keeps daily/hourly axes free of float noise.
        return micro % unit == 0 ? micro / unit : (double)micro / unit;
    }

    /// <summary>Encodes a DateTime (its fields, in this calendar).</summary>
    /// <exception cref="NetCdfException">The date does not exist in this calendar (e.g. 29 February in noleap).</exception>
    public double Encode(DateTime value) => Encode(CfDate.FromDateTime(value, Calendar));

    /// <summary><c>units (calendar)</c>.</summary>
    public override string ToString() => $"{Units} ({CalendarName})";

    private static int ZoneMinutes(string zone)
    {
        if (zone.Length == 0 || zone is "Z" or "z" || zone.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var sign = zone[0] == '-' ? -1 : 1;
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits.Length > 2 ? digits[..^2] : digits, CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : 0;
        return sign * (hours * 60 + minutes);
    }

    [GeneratedRegex(@"^\s*(?<unit>[A-Za-z]+)\s+since\s+(?<y>\d{1,4})-(?<mo>\d{1,2})-(?<d>\d{1,2})" +
        @"(?:(?:T|\s+)(?<h>\d{1,2}):(?<mi>\d{1,2})(?::(?<s>\d{1,2})(?<frac>\.\d+)?)?)?" +
        @"\s*(?<zone>Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitsPattern();
}
