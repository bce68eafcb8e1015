using System.Text.Json;
using Hydro.NetCdf.Tests.Support;
using static Hydro.NetCdf.Tests.Reading.RealFileTests;

namespace Hydro.NetCdf.Tests.Reading;

/// <summary>make_fixtures.py's files and xarray's decoding of them, made once for the collection.</summary>
public sealed class DecodingFixtures : IDisposable
{
    private readonly Lazy<JsonElement> cf;
    private readonly Lazy<JsonElement> classic;

    public DecodingFixtures()
    {
        cf = new(() => Python.Describe(Files.Cf, "packed_short", "packed_byte", "missing_float", "fill_double",
            "ids_char", "ids_string", "t_noleap", "t_360", "t_hours", "packed_short:1,1:3,2"));
        classic = new(() => Python.Describe(Files.Classic, "q", "ids"));
    }

    public Fixtures Files { get; } = new();

    public JsonElement Cf => cf.Value;

    public JsonElement Classic => classic.Value;

    public void Dispose() => Files.Dispose();
}

[CollectionDefinition(Name)]
public sealed class FixtureFiles : ICollectionFixture<DecodingFixtures>
{
    public const string Name = "make_fixtures.py files";
}

/// <summary>
/// CF decoding against xarray on files written by netCDF4: packed short/byte (scale_factor, add_offset, _FillValue),
/// missing_value, _FillValue → NaN, fixed-width char and NC_STRING ids, noleap/360_day/hourly time axes, NetCDF-3.
/// </summary>
[Collection(FixtureFiles.Name)]
public sealed class CfDecodingTests(DecodingFixtures fixtures)
{
    [Theory]
    [InlineData("packed_short")]
    [InlineData("packed_byte")]
    [InlineData("missing_float")]
    [InlineData("fill_double")]
    public void FillAndPackingDecodeLikeXarray(string variable)
    {
        using var nc = NetCdfFile.Open(fixtures.Files.Cf);
        var expected = Read(fixtures.Cf, variable);
        Assert.Contains(expected, e => e is null); // every fixture variable has missing values
        AssertValues(expected, nc.ReadDouble(variable), 1e-6);
        AssertValues(expected, nc.ReadFloat(variable).Select(v => (double)v).ToArray(), 1e-6);
    }

    [Fact]
    public void PackedWindowIsThatWindow()
    {
        using var nc = NetCdfFile.Open(fixtures.Files.Cf);
        var reads = fixtures.Cf.GetProperty("reads");
        var expected = reads[reads.GetArrayLength() - 1].GetProperty("values").EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray();
        AssertValues(expected, nc.ReadFloat("packed_short", [1, 1], [3, 2]).Select(v => (double)v).ToArray(), 1e-6);
        Assert.Equal(6, expected.Length);
    }

    [Fact]
    public void IntsAreRaw()
    {
        using var nc = NetCdfFile.Open(fixtures.Files.Cf);
        Assert.Equal([7, -8, int.MaxValue], nc.ReadInt("counts"));
        Assert.Equal([0, 1, -32767, 100, -100, 2500], nc.ReadInt("packed_short", [0, 0], [2, 3])); // stored, not unpacked
    }

    [Fact]
    public void CharAndStringIds()
    {
        using var nc = NetCdfFile.Open(fixtures.Files.Cf);
        Assert.Equal(Strings(fixtures.Cf, "ids_char"), nc.ReadStrings("ids_char"));
        Assert.Equal(["A1", "B22", "C33333"], nc.ReadStrings("ids_char"));
        Assert.Equal(["B22", "C33333"], nc.ReadStrings("ids_char", [1], [2]));
        Assert.Equal(Strings(fixtures.Cf, "ids_string"), nc.ReadStrings("ids_string"));
        Assert.Equal(["été-1"], nc.ReadStrings("ids_string", [1], [1]));
    }

    [Fact]
    public void TimeAxesInOtherCalendars()
    {
        using var nc = NetCdfFile.Open(fixtures.Files.Cf);
        Assert.Equal(Strings(fixtures.Cf, "t_noleap"), nc.ReadCfDates("t_noleap").Select(Iso));
        Assert.Equal(new DateTime(2001, 3, 1), nc.ReadTimes("t_noleap")[2]);
        Assert.Equal(Strings(fixtures.Cf, "t_360"), nc.ReadCfDates("t_360").Select(Iso));
        Assert.Equal(Strings(fixtures.Cf, "t_hours"), nc.ReadCfDates("t_hours").Select(Iso));
        Assert.Equal(CfCalendar.ProlepticGregorian, nc.TimeUnits("t_hours").Calendar);

        var e = Assert.Throws<NetCdfException>(() => nc.ReadTimes("t_360"));
        Assert.Contains(fixtures.Files.Cf, e.Message, StringComparison.Ordinal);
        Assert.Contains("variable 't_360'", e.Message, StringComparison.Ordinal);
        Assert.Contains("2000-02-30", e.Message, StringComparison.Ordinal);
        Assert.Equal("t_360", e.Variable);
    }

    [Fact]
    public void UnlimitedAndScalarVariables()
    {
        using var nc = NetCdfFile.Open(fixtures.Files.Cf);
        Assert.True(nc.Dimension("rec").IsUnlimited);
        Assert.Equal(4, nc.Dimension("rec").Length);
        Assert.Equal([1f, 2, 3, 4], nc.ReadFloat("rec_var"));
        Assert.Equal([42.5], nc.ReadDouble("scalar"));
        Assert.Empty(nc.Variable("scalar").Shape);
        Assert.Empty(nc.ReadFloat("rec_var", [4], [0]));
    }

    [Fact]
    public void NetCdf3Classic()
    {
        using var nc = NetCdfFile.Open(fixtures.Files.Classic);
        AssertValues(Read(fixtures.Classic, "q"), nc.ReadFloat("q").Select(v => (double)v).ToArray(), 1e-6);
        Assert.Equal(["ab", "wxyz"], nc.ReadStrings("ids"));
        Assert.Equal(NetCdfType.Char, nc.Variable("ids").Type);
    }
}
