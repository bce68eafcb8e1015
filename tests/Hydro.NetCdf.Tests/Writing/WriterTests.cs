using System.Text.Json;
using Hydro.NetCdf.Tests.Support;
using static Hydro.NetCdf.Tests.Reading.RealFileTests;

namespace Hydro.NetCdf.Tests.Writing;

/// <summary>
/// Files written by <see cref="NetCdfWriter"/> read back by xarray/netCDF4 (values, dimensions, units, decoded times,
/// grid mapping, compression) and by our reader; atomic replacement.
/// </summary>
public sealed class WriterTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void GridSeriesReadByXarray()
    {
        using var lez = NetCdfFile.Open(TestData.Lez);
        var times = lez.ReadTimes()[100..106];
        var p = lez.ReadFloat("precipitation", [100, 0, 0], [6, 27, 14]);
        var weights = Enumerable.Range(0, p.Length).Select(i => i % 7 == 0 ? float.NaN : i / 1000f).ToArray();
        var path = dir.File("grid.nc");
        NetCdfWriter.WriteGridSeries(path, new CfGridSeries(times, lez.ReadDouble("x"), lez.ReadDouble("y"),
            [new CfField("precipitation", p, "mm", "precipitation", "precipitation_amount"), new CfField("attention", weights, "1", "spatial attention weight")])
        {
            Crs = lez.Variable("crs"),
            Title = "test grid",
            History = "written by WriterTests",
        });

        var py = Python.Describe(path, "time", "precipitation", "attention", "x", "y");
        Assert.Equal("NETCDF4", py.GetProperty("format").GetString());
        Assert.Equal("CF-1.8", py.GetProperty("global").GetProperty("Conventions").GetString());
        Assert.Equal("test grid", py.GetProperty("global").GetProperty("title").GetString());
        Assert.Equal(6, py.GetProperty("dims").GetProperty("time").GetInt32());
        var vars = py.GetProperty("vars");
        var pv = vars.GetProperty("precipitation");
        Assert.Equal(["time", "y", "x"], pv.GetProperty("dims").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("float32", pv.GetProperty("dtype").GetString());
        Assert.Equal("mm", pv.GetProperty("attrs").GetProperty("units").GetString());
        Assert.Equal("crs", pv.GetProperty("attrs").GetProperty("grid_mapping").GetString());
        Assert.Equal("precipitation_amount", pv.GetProperty("attrs").GetProperty("standard_name").GetString());
        Assert.Equal(JsonValueKind.Null, pv.GetProperty("attrs").GetProperty("_FillValue").ValueKind); // NaN
        Assert.True(pv.GetProperty("zlib").GetBoolean());
        Assert.Equal(4, pv.GetProperty("complevel").GetInt32());
        Assert.Equal("days since 2012-11-09 00:00:00", vars.GetProperty("time").GetProperty("attrs").GetProperty("units").GetString());
        Assert.Equal("standard", vars.GetProperty("time").GetProperty("attrs").GetProperty("calendar").GetString());
        Assert.Equal("projection_x_coordinate", vars.GetProperty("x").GetProperty("attrs").GetProperty("standard_name").GetString());

        var crsIn = lez.Variable("crs").Attributes;
        var crsOut = vars.GetProperty("crs").GetProperty("attrs");
        Assert.Equal(crsIn.Keys.Order(), crsOut.EnumerateObject().Select(a => a.Name).Order());
        Assert.Equal(crsIn["crs_wkt"].Text, crsOut.GetProperty("crs_wkt").GetString());
        Assert.Equal([49.0, 44.0], crsOut.GetProperty("standard_parallel").EnumerateArray().Select(v => v.GetDouble()));

        Assert.Equal(times.Select(t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture)), Strings(py, "time"));
        AssertValues(Read(py, "precipitation"), p.Select(v => (double)v).ToArray(), 0);
        AssertValues(Read(py, "attention"), weights.Select(v => (double)v).ToArray(), 0);
        AssertValues(Read(py, "x"), lez.ReadDouble("x"), 0);

        using var back = NetCdfFile.Open(path);
        Assert.Equal(times, back.ReadTimes());
        Assert.Equal(p, back.ReadFloat("precipitation"));
        Assert.Equal(weights, back.ReadFloat("attention"));
        Assert.Equal(lez.Variable("crs").Attributes.Values, back.Variable("crs").Attributes.Values, new AttributeComparer());
    }

    [Fact]
    public void BasinTableReadByXarray()
    {
        var times = Enumerable.Range(0, 40).Select(h => new DateTime(2000, 2, 28, 12, 0, 0).AddHours(h)).ToArray();
        string[] basins = ["01013500", "V3524010", "camels_02064000"];
        var q = Enumerable.Range(0, basins.Length * times.Length).Select(i => i == 5 ? float.NaN : MathF.Sqrt(i)).ToArray();
        var path = dir.File("basins.nc");
        NetCdfWriter.WriteBasinTable(path, new CfBasinTable(basins, times, [new CfField("qsim", q, "mm h-1", "simulated discharge")]));

        var py = Python.Describe(path, "time", "basin", "qsim");
        Assert.Equal("timeSeries", py.GetProperty("global").GetProperty("featureType").GetString());
        var vars = py.GetProperty("vars");
        Assert.Equal(["basin", "time"], vars.GetProperty("qsim").GetProperty("dims").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("timeseries_id", vars.GetProperty("basin").GetProperty("attrs").GetProperty("cf_role").GetString());
        Assert.Equal("hours since 2000-02-28 12:00:00", vars.GetProperty("time").GetProperty("attrs").GetProperty("units").GetString());
        Assert.Equal(basins, Strings(py, "basin"));
        Assert.Equal("2000-02-29 00:00:00.000000", Strings(py, "time")[12]);
        Assert.Equal("2000-03-01 00:00:00.000000", Strings(py, "time")[36]);
        AssertValues(Read(py, "qsim"), q.Select(v => (double)v).ToArray(), 0);

        using var back = NetCdfFile.Open(path);
        Assert.Equal(basins, back.ReadStrings("basin"));
        Assert.Equal(times, back.ReadTimes());
        Assert.Equal(q[40..80], back.ReadFloat("qsim", [1, 0], [1, 40]));
    }

    [Fact]
    public void LowLevelTypesUnlimitedAndNoLeap()
    {
        var path = dir.File("low.nc");
        using (var w = NetCdfWriter.Create(path, deflateLevel: 0))
        {
            w.SetGlobalAttribute("history", "test");
            w.DefineUnlimitedDimension("step");
            w.DefineDimension("cell", 2);
            w.DefineVariable("counts", NetCdfType.Int, "step", "cell");
            w.SetAttribute("counts", "_FillValue", -1);
            w.SetAttribute("counts", "flag_values", 0, 1, 2);
            w.DefineVariable("level", NetCdfType.Double, "cell");
            w.SetTypedAttribute("level", "scale_factor", NetCdfType.Float, 0.5);
            var days = new[] { new DateTime(2001, 2, 27), new DateTime(2001, 2, 28), new DateTime(2001, 3, 1) };
            w.DefineTime("time", days, CfTimeUnits.Create(CfTimeUnit.Days, new DateTime(2001, 1, 1), CfCalendar.NoLeap));
            w.Write("counts", [1, 2, 3, 4]);
            w.Write("counts", [5, 6], [2, 0], [1, 2]);
            w.Write("level", new double[] { 1.5, 2.5 });
            w.Commit();
        }

        var py = Python.Describe(path, "time", "counts", "level");
        Assert.Equal(["step"], py.GetProperty("unlimited").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(3, py.GetProperty("dims").GetProperty("step").GetInt32());
        var vars = py.GetProperty("vars");
        Assert.Equal("int32", vars.GetProperty("counts").GetProperty("dtype").GetString());
        Assert.Equal(-1, vars.GetProperty("counts").GetProperty("attrs").GetProperty("_FillValue").GetInt32());
        Assert.False(vars.GetProperty("counts").GetProperty("zlib").GetBoolean());
        Assert.Equal(["2001-02-27 00:00:00.000000", "2001-02-28 00:00:00.000000", "2001-03-01 00:00:00.000000"], Strings(py, "time"));
        Assert.Equal("noleap", vars.GetProperty("time").GetProperty("attrs").GetProperty("calendar").GetString());
        AssertValues(Read(py, "counts"), [1, 2, 3, 4, 5, 6], 0);
        AssertValues(Read(py, "level"), [0.75, 1.25], 0); // xarray applies our scale_factor

        using var back = NetCdfFile.Open(path);
        Assert.Equal([57.0, 58, 59], back.ReadDouble("time"));
        Assert.Equal(NetCdfType.Float, back.Variable("level").Attributes["scale_factor"].Type);
        Assert.Equal(NetCdfType.Int, back.Variable("counts").Attributes["flag_values"].Type);
    }

    [Fact]
    public void NothingHalfWritten()
    {
        var path = dir.File("result.nc");
        NetCdfWriter.WriteBasinTable(path, new CfBasinTable(["a"], [new DateTime(2000, 1, 1)], [new CfField("q", [1f], "mm", "q")]));
        var before = File.ReadAllBytes(path);

        using (var w = NetCdfWriter.Create(path))
        {
            w.DefineDimension("n", 3);
            w.DefineVariable("v", NetCdfType.Float, "n");
            Assert.Throws<ArgumentException>(() => w.Write("v", new float[2])); // a failed write: no Commit follows
            Assert.Single(Directory.GetFiles(dir.Path, ".result.nc.*.tmp", SearchOption.TopDirectoryOnly));
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));

        using (var w = NetCdfWriter.Create(path))
        {
            w.DefineDimension("n", 3);
            w.Commit();
            Assert.Throws<InvalidOperationException>(() => w.DefineDimension("m", 1));
        }

        Assert.Equal([path], Directory.GetFiles(dir.Path));
        using var nc = NetCdfFile.Open(path);
        Assert.Equal(["n"], nc.Dimensions.Keys);
    }

    [Fact]
    public void WriterErrors()
    {
        var missing = Path.Combine(dir.Path, "no", "such", "out.nc");
        Assert.Contains("does not exist", Assert.Throws<NetCdfException>(() => NetCdfWriter.Create(missing)).Message, StringComparison.Ordinal);
        using var w = NetCdfWriter.Create(dir.File("e.nc"));
        Assert.Throws<ArgumentException>(() => w.DefineVariable("v", NetCdfType.Float, "nodim"));
        w.DefineDimension("n", 2);
        w.DefineVariable("v", NetCdfType.Float, "n");
        Assert.Throws<ArgumentException>(() => w.DefineVariable("v", NetCdfType.Float, "n"));
        Assert.Throws<ArgumentException>(() => w.Write("v", ["a", "b"]));
        w.Write("v", [1f, 2f]);
        var e = Assert.Throws<NetCdfException>(() => w.SetAttribute("v", "_FillValue", 0.0)); // too late once data is written
        Assert.Contains("variable 'v': writing attribute '_FillValue' failed: NetCDF: ", e.Message, StringComparison.Ordinal);
    }

    private sealed class AttributeComparer : IEqualityComparer<NetCdfAttribute>
    {
        public bool Equals(NetCdfAttribute? x, NetCdfAttribute? y) =>
            x!.Name == y!.Name && x.Type == y.Type && x.Text == y.Text && x.Numbers.SequenceEqual(y.Numbers);

        public int GetHashCode(NetCdfAttribute obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
