using System.Text.Json;
using Hydro.NetCdf.Tests.Support;

namespace Hydro.NetCdf.Tests.Reading;

/// <summary>xarray's view of the two real gridded files, read once for the class.</summary>
public sealed class RealFilesFromXarray
{
    public const string LezWindow = "precipitation:200,5,3:4,12,9";
    public const string CanceWindow = "precipitation:2230,10,20:3,5,6";

    public JsonElement Lez { get; } = Python.Describe(TestData.Lez, "time", LezWindow, "gauge_id", "gauge_area", "basin_mask", "x", "y", "discharge:0,0:10,3");

    public JsonElement Cance { get; } = Python.Describe(TestData.Cance, "time", CanceWindow, "gauge_id");
}

/// <summary>
/// The real files of ../shared/data/grid against xarray: hyperslabs of precipitation, decoded daily and hourly time
/// axes, gauge ids and areas, the basin mask, x/y coordinates and the crs grid mapping.
/// </summary>
public sealed class RealFileTests(RealFilesFromXarray xarray) : IClassFixture<RealFilesFromXarray>
{
    [Fact]
    public void LezStructure()
    {
        using var nc = NetCdfFile.Open(TestData.Lez);
        Assert.Equal([("time", 365), ("y", 27), ("x", 14), ("gauge", 3)], nc.Dimensions.Values.Select(d => (d.Name, d.Length)));
        Assert.DoesNotContain(nc.Dimensions.Values, d => d.IsUnlimited);
        var p = nc.RequireDimensions("precipitation", "time", "y", "x");
        Assert.Equal(NetCdfType.Float, p.Type);
        Assert.Equal([365, 27, 14], p.Shape);
        Assert.Equal("mm", p.Text("units"));
        Assert.Equal("crs", p.Text("grid_mapping"));
        Assert.Equal(NetCdfType.String, nc.Variable("gauge_id").Type);
        Assert.Equal(NetCdfType.Byte, nc.Variable("basin_mask").Type);
        Assert.Equal("CF-1.8", nc.GlobalText("Conventions"));
        foreach (var (name, v) in xarray.Lez.GetProperty("vars").EnumerateObject().Select(p => (p.Name, p.Value)))
        {
            Assert.Equal(v.GetProperty("dims").EnumerateArray().Select(d => d.GetString()), nc.Variable(name).Dimensions);
        }
    }

    [Fact]
    public void LezPrecipitationWindowMatchesXarray()
    {
        using var nc = NetCdfFile.Open(TestData.Lez);
        var window = nc.ReadFloat("precipitation", [200, 5, 3], [4, 12, 9]);
        AssertValues(Read(xarray.Lez, "precipitation"), window.Select(v => (double)v).ToArray(), 0);
        Assert.Contains(window, v => v > 0); // a wet window, so the comparison is not all zeros
        var doubles = nc.ReadDouble("precipitation", [200, 5, 3], [4, 12, 9]);
        Assert.Equal(window.Select(v => (double)v), doubles);
    }

    [Fact]
    public void LezTimeGaugesMaskCoordinatesAndCrs()
    {
        using var nc = NetCdfFile.Open(TestData.Lez);
        var time = nc.ReadTimes();
        Assert.Equal(365, time.Length);
        Assert.Equal(new DateTime(2012, 8, 1), time[0]);
        Assert.Equal(new DateTime(2013, 7, 31), time[^1]);
        Assert.All(time.Zip(time.Skip(1)), p => Assert.Equal(TimeSpan.FromDays(1), p.Second - p.First));
        Assert.Equal(Strings(xarray.Lez, "time"), nc.ReadCfDates().Select(Iso));
        Assert.Equal("days since 2012-08-01 00:00:00 (standard)", nc.TimeUnits().ToString());

        Assert.Equal(["Y3204040", "Y3204030", "Y3204010"], nc.ReadStrings("gauge_id"));
        Assert.Equal(Strings(xarray.Lez, "gauge_id"), nc.ReadStrings("gauge_id"));
        Assert.Equal(169, nc.ReadDouble("gauge_area")[0]);
        AssertValues(Read(xarray.Lez, "gauge_area"), nc.ReadDouble("gauge_area"), 0);
        var mask = nc.ReadInt("basin_mask");
        Assert.Equal(172, mask.Sum());
        AssertValues(Read(xarray.Lez, "basin_mask"), mask.Select(m => (double)m).ToArray(), 0);
        AssertValues(Read(xarray.Lez, "x"), nc.ReadDouble("x"), 0);
        AssertValues(Read(xarray.Lez, "y"), nc.ReadDouble("y"), 0);
        AssertValues(Read(xarray.Lez, "discharge"), nc.ReadFloat("discharge", [0, 0], [10, 3]).Select(v => (double)v).ToArray(), 0);

        var crs = nc.Variable("crs");
        Assert.Empty(crs.Dimensions);
        Assert.Equal("lambert_conformal_conic", crs.Text("grid_mapping_name"));
        Assert.Equal([49.0, 44.0], crs.Numbers("standard_parallel"));
        Assert.Equal(700000.0, crs.Numbers("false_easting")![0]);
        Assert.StartsWith("PROJCS[\"RGF93 v1 / Lambert-93\"", crs.Text("crs_wkt"), StringComparison.Ordinal);
        Assert.Equal(NetCdfType.Double, crs.Attributes["false_easting"].Type);
    }

    [Fact]
    public void CanceHourlyAxisAndMissingRadarGrid()
    {
        using var nc = NetCdfFile.Open(TestData.Cance);
        var time = nc.ReadTimes("time");
        Assert.Equal(2952, time.Length);
        Assert.Equal(new DateTime(2014, 9, 15, 0, 0, 0), time[0]);
        Assert.Equal(new DateTime(2015, 1, 15, 23, 0, 0), time[^1]);
        Assert.All(time.Zip(time.Skip(1)), p => Assert.Equal(TimeSpan.FromHours(1), p.Second - p.First));
        Assert.Equal(Strings(xarray.Cance, "time"), nc.ReadCfDates().Select(Iso));
        Assert.Equal(CfTimeUnit.Hours, nc.TimeUnits().Unit);

        var window = nc.ReadFloat("precipitation", [2230, 10, 20], [3, 5, 6]);
        AssertValues(Read(xarray.Cance, "precipitation"), window.Select(v => (double)v).ToArray(), 0);

        // The README: the grid for 2014-12-19 00:00 is absent in the source and NaN in the file.
        var missing = Array.IndexOf(time, new DateTime(2014, 12, 19));
        Assert.All(nc.ReadFloat("precipitation", [missing, 0, 0], [1, 40, 40]), v => Assert.True(float.IsNaN(v)));
        Assert.DoesNotContain(nc.ReadFloat("precipitation", [missing - 1, 0, 0], [1, 40, 40]), float.IsNaN);
        Assert.Equal(383, nc.ReadInt("basin_mask").Sum());
        Assert.Equal("V3524010", nc.ReadStrings("gauge_id", [0], [1]).Single());
        Assert.Equal(381.7, nc.ReadDouble("gauge_area")[0], 6);
    }

    internal static double?[] Read(JsonElement described, string variable) =>
        [.. described.GetProperty("reads").EnumerateArray().First(r => r.GetProperty("var").GetString() == variable)
            .GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())];

    internal static string[] Strings(JsonElement described, string variable) =>
        [.. described.GetProperty("reads").EnumerateArray().First(r => r.GetProperty("var").GetString() == variable)
            .GetProperty("values").EnumerateArray().Select(v => v.GetString()!)];

    /// <summary>Same length; null (xarray NaN) where ours is NaN; else equal within a relative tolerance.</summary>
    internal static void AssertValues(double?[] expected, double[] actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
        {
            if (expected[i] is not { } e)
            {
                Assert.True(double.IsNaN(actual[i]), $"[{i}]: expected NaN, got {actual[i]}");
            }
            else
            {
                Assert.True(Math.Abs(e - actual[i]) <= relative * Math.Abs(e), $"[{i}]: expected {e}, got {actual[i]}");
            }
        }
    }

    internal static string Iso(CfDate d) => d.ToString().Length == 19 ? d + ".000000" : d.ToString();
}
