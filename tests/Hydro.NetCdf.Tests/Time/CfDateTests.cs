namespace Hydro.NetCdf.Tests.Time;

/// <summary>The explicit DateTime behaviour of the idealised calendars and the errors for bad units.</summary>
public sealed class CfDateTests
{
    [Fact]
    public void Day360FebruaryThirtiethHasNoDateTime()
    {
        var units = CfTimeUnits.Parse("days since 2001-02-28", "360_day");
        var date = units.Decode(2);
        Assert.Equal((2001, 2, 30), (date.Year, date.Month, date.Day));
        var e = Assert.Throws<NetCdfException>(() => date.ToDateTime());
        Assert.Contains("360_day date 2001-02-30 00:00:00 has no System.DateTime", e.Message, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2001, 3, 1), units.Decode(3).ToDateTime());
    }

    [Fact]
    public void NoLeapKeepsFieldsAndRefusesFebruary29()
    {
        var units = CfTimeUnits.Parse("days since 2000-02-28", "noleap");
        Assert.Equal(new DateTime(2000, 3, 1), units.Decode(1).ToDateTime()); // the DateTime axis skips 29 February
        var e = Assert.Throws<NetCdfException>(() => units.Encode(new DateTime(2000, 2, 29)));
        Assert.Contains("2000-02-29 00:00:00 does not exist in the noleap calendar", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllLeapFebruary29OfACommonYearHasNoDateTime()
    {
        var date = CfTimeUnits.Parse("days since 2001-02-28", "all_leap").Decode(1);
        Assert.Equal((2, 29), (date.Month, date.Day));
        Assert.Throws<NetCdfException>(() => date.ToDateTime());
    }

    [Theory]
    [InlineData("days since 2000-01-01", "lunar", "unknown calendar 'lunar'")]
    [InlineData("days since 2000-01-01", "none", "unknown calendar 'none'")]
    [InlineData("days after 2000-01-01", null, "cannot parse the time units 'days after 2000-01-01'")]
    [InlineData("fortnights since 2000-01-01", null, "unsupported time unit 'fortnights'")]
    [InlineData("months since 2000-01-01", null, "months and years have no fixed length")]
    [InlineData("days since 2001-02-29", "standard", "does not exist in the standard calendar")]
    [InlineData("days since 1582-10-10", "standard", "does not exist in the standard calendar")]
    [InlineData("", null, "cannot parse the time units ''")]
    public void BadUnitsAndCalendarsSayWhatIsWrong(string units, string? calendar, string message)
    {
        var e = Assert.Throws<NetCdfException>(() => CfTimeUnits.Parse(units, calendar));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("days since 2000-01-01T06:30", 0, "2000-01-01 06:30:00")]
    [InlineData("hours since 2000-01-01 00:00:00 UTC", 1.5, "2000-01-01 01:30:00")]
    [InlineData("seconds since 2000-01-01 00:00:00+0130", 0, "1999-12-31 22:30:00")]
    [InlineData("minutes since 2000-01-01 00:00:00 -2", 0, "2000-01-01 02:00:00")]
    [InlineData("d since 2000-1-1 0:0:0.5", 0, "2000-01-01 00:00:00.500000")]
    public void ParsesUnitVariants(string units, double value, string expected) =>
        Assert.Equal(expected, CfTimeUnits.Parse(units).Decode(value).ToString());

    [Fact]
    public void DecodeRefusesFillValuesInTime()
    {
        var e = Assert.Throws<NetCdfException>(() => CfTimeUnits.Parse("days since 2000-01-01").Decode(double.NaN));
        Assert.Contains("missing or out of range", e.Message, StringComparison.Ordinal);
        Assert.Throws<NetCdfException>(() => CfTimeUnits.Parse("days since 2000-01-01").Decode(1e7)); // year > 9999
    }

    [Fact]
    public void WritingUnitsAreCanonical()
    {
        var units = CfTimeUnits.Create(CfTimeUnit.Hours, new DateTime(2014, 9, 15, 6, 0, 0), CfCalendar.NoLeap);
        Assert.Equal("hours since 2014-09-15 06:00:00", units.Units);
        Assert.Equal("noleap", units.CalendarName);
        Assert.Equal(30, units.Encode(new DateTime(2014, 9, 16, 12, 0, 0)));
        Assert.True(units.Decode(30) > units.Decode(29));
    }
}
