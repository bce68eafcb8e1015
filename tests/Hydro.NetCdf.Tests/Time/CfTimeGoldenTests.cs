using System.Globalization;
using System.Text.Json;

namespace Hydro.NetCdf.Tests.Time;

/// <summary>
/// Decoding and encoding in every calendar against netCDF4.num2date / date2num (cftime), golden values made by
/// Golden/cftime_golden.py: leap-year boundaries (1900, 2000, 2001, 2004), year ends, negative and fractional offsets,
/// time zones, and the 1582 Julian→Gregorian switch of the standard calendar.
/// </summary>
public sealed class CfTimeGoldenTests
{
    private static readonly JsonElement Golden =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "cftime_golden.json"))).RootElement;

    public static TheoryData<int> DecodeCases() => [.. Enumerable.Range(0, Golden.GetProperty("decode").GetArrayLength())];

    public static TheoryData<int> EncodeCases() => [.. Enumerable.Range(0, Golden.GetProperty("encode").GetArrayLength())];

    [Fact]
    public void GoldenCoversEveryCalendarName()
    {
        var names = Golden.GetProperty("decode").EnumerateArray().Select(c => c.GetProperty("calendar").GetString()).Distinct();
        Assert.Equal(["standard", "gregorian", "proleptic_gregorian", "noleap", "365_day", "all_leap", "366_day", "360_day", "julian"], names);
    }

    [Theory]
    [MemberData(nameof(DecodeCases))]
    public void DecodesLikeCftime(int index)
    {
        var c = Golden.GetProperty("decode")[index];
        var units = c.GetProperty("units").GetString()!;
        var calendar = c.GetProperty("calendar").GetString();
        if (c.GetProperty("dates").ValueKind == JsonValueKind.Null)
        {
            // cftime refuses the reference date (e.g. 1999-12-31 in 360_day): so do we, naming the units.
            var e = Assert.Throws<NetCdfException>(() => CfTimeUnits.Parse(units, calendar));
            Assert.Contains(units, e.Message, StringComparison.Ordinal);
            return;
        }

        var parsed = CfTimeUnits.Parse(units, calendar);
        var values = c.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var expected = c.GetProperty("dates").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var actual = values.Select(v => Iso(parsed.Decode(v))).ToArray();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(EncodeCases))]
    public void EncodesLikeCftimeAndRoundTrips(int index)
    {
        var c = Golden.GetProperty("encode")[index];
        var units = CfTimeUnits.Parse(c.GetProperty("units").GetString()!, c.GetProperty("calendar").GetString());
        var dates = c.GetProperty("dates").EnumerateArray().Select(d => ParseIso(d.GetString()!, units.Calendar)).ToArray();
        var expected = c.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (var i = 0; i < dates.Length; i++)
        {
            Assert.Equal(expected[i], units.Encode(dates[i]), 9);
            Assert.Equal(dates[i], units.Decode(units.Encode(dates[i])));
        }
    }

    private static string Iso(CfDate d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2} ") +
        (DateTime.MinValue + d.TimeOfDay).ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static CfDate ParseIso(string s, CfCalendar calendar)
    {
        int P(int start, int length) => int.Parse(s.AsSpan(start, length), CultureInfo.InvariantCulture);
        return new CfDate(calendar, P(0, 4), P(5, 2), P(8, 2), P(11, 2), P(14, 2), P(17, 2), P(20, 6));
    }
}
