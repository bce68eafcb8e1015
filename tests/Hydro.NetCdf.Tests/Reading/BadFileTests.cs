using Hydro.Abstractions.Contracts;
using Hydro.NetCdf.Tests.Support;

namespace Hydro.NetCdf.Tests.Reading;

/// <summary>
/// Bad files and bad requests give a <see cref="NetCdfException"/> (a DataException: exit code 2) naming the file and
/// the variable, what was expected and seen, and the library's words instead of a bare status code.
/// </summary>
[Collection(FixtureFiles.Name)]
public sealed class BadFileTests(DecodingFixtures fixtures) : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void TextFileIsNotNetCdf()
    {
        var path = dir.File("table.nc");
        File.WriteAllText(path, "date,q\n2000-01-01,1.5\n");
        var e = Assert.Throws<NetCdfException>(() => NetCdfFile.Open(path));
        Assert.IsAssignableFrom<DataException>(e);
        Assert.StartsWith(path + ": opening the file failed: NetCDF: Unknown file format (NetCDF status -51).", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a NetCDF-3 or NetCDF-4/HDF5 file", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void TruncatedFileFailsWithTheFileNamed()
    {
        var path = dir.File("lez-half.nc");
        var bytes = File.ReadAllBytes(TestData.Lez);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<NetCdfException>(() =>
        {
            using var nc = NetCdfFile.Open(path);
            nc.ReadFloat("precipitation");
            nc.ReadFloat("pet");
        });
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Matches(@"failed: NetCDF: .+ \(NetCDF status -\d+\)\. ", e.Message);
    }

    [Fact]
    public void MissingFileAndDirectory()
    {
        Assert.Contains("file not found", Assert.Throws<NetCdfException>(() => NetCdfFile.Open(dir.File("nope.nc"))).Message, StringComparison.Ordinal);
        Assert.Contains("is a directory", Assert.Throws<NetCdfException>(() => NetCdfFile.Open(dir.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingVariableListsThosePresent()
    {
        using var nc = NetCdfFile.Open(TestData.Lez);
        var e = Assert.Throws<NetCdfException>(() => nc.ReadFloat("prcp", [0, 0, 0], [1, 1, 1]));
        Assert.Equal($"{TestData.Lez}: variable 'prcp': no such variable. The file has: time, x, y, crs, precipitation, pet, " +
            "discharge, gauge_id, gauge_x, gauge_y, gauge_area, gauge_row, gauge_col, basin_mask, flow_direction. " +
            "Check the variable name in the configuration.", e.Message);
        Assert.Equal("prcp", e.Variable);
    }

    [Fact]
    public void MissingDimension()
    {
        using var nc = NetCdfFile.Open(TestData.Lez);
        var e = Assert.Throws<NetCdfException>(() => nc.Dimension("lat"));
        Assert.Equal($"{TestData.Lez}: no dimension 'lat'. The file has: time(365), y(27), x(14), gauge(3).", e.Message);
    }

    [Fact]
    public void WrongDimensionsSayExpectedAndSeen()
    {
        using var nc = NetCdfFile.Open(fixtures.Files.Cf);
        var e = Assert.Throws<NetCdfException>(() => nc.RequireDimensions("grid_wrong", "time", "y", "x"));
        Assert.Contains("variable 'grid_wrong': expected dimensions (time, y, x) but the file has grid_wrong(x, y, time) with shape [4, 2, 5]",
            e.Message, StringComparison.Ordinal);
        Assert.Equal("grid_wrong", nc.RequireDimensions("grid_wrong", "x", "y", "time").Name);
    }

    [Fact]
    public void WindowOutsideTheShape()
    {
        using var nc = NetCdfFile.Open(TestData.Lez);
        var e = Assert.Throws<NetCdfException>(() => nc.ReadFloat("precipitation", [360, 0, 0], [10, 27, 14]));
        Assert.Contains("the window start [360, 0, 0] count [10, 27, 14] does not fit the variable precipitation(time, y, x) of shape [365, 27, 14]",
            e.Message, StringComparison.Ordinal);
        Assert.Throws<NetCdfException>(() => nc.ReadFloat("precipitation", [0, 0], [1, 1]));
        Assert.Throws<NetCdfException>(() => nc.ReadFloat("precipitation", [-1, 0, 0], [1, 1, 1]));
    }

    [Fact]
    public void TypeMismatches()
    {
        using var nc = NetCdfFile.Open(TestData.Lez);
        Assert.Contains("holds String; read it with ReadStrings", Assert.Throws<NetCdfException>(() => nc.ReadFloat("gauge_id")).Message, StringComparison.Ordinal);
        Assert.Contains("expected strings", Assert.Throws<NetCdfException>(() => nc.ReadStrings("gauge_area")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("t_lunar", "unknown calendar 'lunar'")]
    [InlineData("t_badunits", "cannot parse the time units 'days after 2000-01-01'")]
    [InlineData("t_months", "unsupported time unit 'months'")]
    [InlineData("t_badepoch", "the reference date of the time units 'days since 2001-02-29' is invalid")]
    [InlineData("t_nounits", "the time variable has no 'units' attribute")]
    public void BadTimeVariables(string variable, string message)
    {
        using var nc = NetCdfFile.Open(fixtures.Files.BadTime);
        var e = Assert.Throws<NetCdfException>(() => nc.ReadTimes(variable));
        Assert.StartsWith($"{fixtures.Files.BadTime}: variable '{variable}': ", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DisposedFileRefusesReads()
    {
        var nc = NetCdfFile.Open(TestData.Lez);
        nc.Dispose();
        nc.Dispose();
        Assert.Throws<ObjectDisposedException>(() => nc.ReadFloat("x"));
    }
}
