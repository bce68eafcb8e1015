using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.NetCdfGrid;
using Hydro.Plugins.Data.Tests.Support;

namespace Hydro.Plugins.Data.Tests.NetCdfGrid;

/// <summary>
/// netcdf_grid on the real Lez (daily) and Cance (hourly) files, against values read independently with xarray/numpy
/// (<c>Golden/netcdf_grid_golden.py</c> → <c>netcdf_grid_golden.json</c>).
/// </summary>
public sealed class NetCdfGridDatasetTests
{
    private static readonly JsonElement Golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "NetCdfGrid", "Golden", "netcdf_grid_golden.json"))).RootElement;

    private static string Lez => Path.Combine(TestData.Root, "grid", "lez.nc");

    private static string Cance => Path.Combine(TestData.Root, "grid", "cance.nc");

    [Theory]
    [InlineData("lez", 1, "2012-08-01T00:00", "2013-07-31T00:00")]
    [InlineData("cance", 24, "2014-09-15T00:00", "2015-01-15T23:00")]
    public void Description_has_one_basin_per_gauge_and_the_step_of_the_time_axis(string name, int stepHours, string first, string last)
    {
        using var ds = Open(name);
        var d = ds.Describe();
        var g = Golden.GetProperty(name);

        Assert.Equal(g.GetProperty("gauges").EnumerateArray().Select(e => e.GetString()!), d.Basins);
        Assert.Equal(stepHours == 1 ? TimeSpan.FromDays(1) : TimeSpan.FromHours(1), d.Step);
        Assert.Equal(Parse(first), d.First);
        Assert.Equal(Parse(last), d.Last);
        Assert.Equal(Parse(g.GetProperty("first").GetString()!), d.First);
        Assert.Equal(Parse(g.GetProperty("last").GetString()!), d.Last);
        Assert.Contains(d.Variables, v => v is { Name: "precipitation", Unit: "mm", Static: false });
        Assert.Contains(d.Variables, v => v is { Name: "discharge", Unit: "m3 s-1", Static: false });
        Assert.Contains(d.Variables, v => v is { Name: "streamflow", Static: false } && v.Unit == (stepHours == 1 ? "mm/day" : "mm/h"));
        Assert.Contains(d.Variables, v => v is { Name: "area", Unit: "km2", Static: true });
    }

    [Theory]
    [InlineData("lez", 172)]
    [InlineData("cance", 383)]
    public void The_outlets_traced_mask_is_the_files_basin_mask(string name, int cells)
    {
        using var ds = Open(name);
        var g = Golden.GetProperty(name);
        var outlet = g.GetProperty("gauges")[0].GetString()!;
        var grid = ds.DescribeGrid(outlet);
        var expected = g.GetProperty("mask").EnumerateArray().Select(e => e.GetInt32() != 0).ToArray();

        Assert.Equal(expected, grid.Mask.Cast<bool>().ToArray());
        Assert.Equal(cells, grid.Mask.Cast<bool>().Count(m => m));
        Assert.Equal(g.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()), grid.X);
        Assert.Equal(g.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()), grid.Y);
        Assert.Equal(2154, grid.Crs.Epsg);
        Assert.StartsWith("PROJCS[\"RGF93 v1 / Lambert-93\"", grid.Crs.Wkt, StringComparison.Ordinal);
        Assert.Equal("lambert_conformal_conic", grid.Crs.GridMapping["grid_mapping_name"]);
        Assert.Equal(new[] { 49.0, 44.0 }, (double[])grid.Crs.GridMapping["standard_parallel"]);
        Assert.Equal("m", grid.Crs.Units);

        // basin_mask gives the same mask for the outlet, and cell counts go into the statics.
        using var given = Open(name, GridMaskSource.BasinMask, [outlet]);
        Assert.Equal(grid.Mask, given.DescribeGrid(outlet).Mask);
        var statics = ds.Load(outlet, new DataRequest([], ["area", "mask_cells"], [], ds.Describe().First, ds.Describe().First)).Static;
        Assert.Equal((float)g.GetProperty("areas")[0].GetDouble(), statics[0]);
        Assert.Equal(cells, statics[1]);
    }

    [Fact]
    public void Nested_gauges_get_their_own_smaller_catchments()
    {
        using var ds = Open("lez");
        var counts = ds.Describe().Basins.Select(b => ds.DescribeGrid(b).Mask.Cast<bool>().Count(m => m)).ToArray();
        Assert.Equal(new[] { 172, 142, 110 }, counts);
    }

    [Theory]
    [InlineData("lez")]
    [InlineData("cance")]
    public void A_window_of_the_grid_equals_xarrays_values(string name)
    {
        using var ds = Open(name);
        var g = Golden.GetProperty(name);
        var start = Parse(g.GetProperty("start").GetString()!);
        var steps = g.GetProperty("steps").GetInt32();
        var end = start + ((steps - 1) * ds.Describe().Step);
        var series = ds.LoadGrid(g.GetProperty("gauges")[1].GetString()!, new GridRequest(["pet", "precipitation"], start, end));

        int h = g.GetProperty("height").GetInt32(), w = g.GetProperty("width").GetInt32(), cells = h * w;
        Assert.Equal((steps, 2, h, w), (series.Steps, series.Channels, series.Height, series.Width));
        Assert.Equal(start, series.Start);
        var pet = Values(g.GetProperty("pet"));
        var precipitation = Values(g.GetProperty("precipitation"));
        for (var t = 0; t < steps; t++)
        {
            for (var c = 0; c < cells; c++)
            {
                Assert.Equal(pet[(t * cells) + c], series.Values[(((t * 2) + 0) * cells) + c]);
                Assert.Equal(precipitation[(t * cells) + c], series.Values[(((t * 2) + 1) * cells) + c]);
            }
        }
    }

    [Theory]
    [InlineData("lez")]
    [InlineData("cance")]
    public void Basin_means_over_the_mask_equal_numpys(string name)
    {
        using var ds = Open(name);
        var g = Golden.GetProperty(name);
        var start = Parse(g.GetProperty("start").GetString()!);
        var steps = g.GetProperty("steps").GetInt32();
        var end = start + ((steps - 1) * ds.Describe().Step);
        var s = ds.Load(g.GetProperty("gauges")[0].GetString()!, new DataRequest(["precipitation", "pet"], [], [], start, end));

        var p = Values(g.GetProperty("precipitation_mean"));
        var e = Values(g.GetProperty("pet_mean"));
        for (var t = 0; t < steps; t++)
        {
            Near(p[t], s.Dynamic[t, 0]);
            Near(e[t], s.Dynamic[t, 1]);
        }

        if (name == "cance")
        {
            // The all-NaN hour 2014-12-19 00:00 is the third step of the window: its mean is missing.
            Assert.True(float.IsNaN(s.Dynamic[2, 0]));
            Assert.False(float.IsNaN(s.Dynamic[1, 0]));
        }
    }

    [Theory]
    [InlineData("lez", 86400.0)]
    [InlineData("cance", 3600.0)]
    public void Streamflow_is_discharge_times_the_step_over_the_gauge_area(string name, double seconds)
    {
        using var ds = Open(name);
        var g = Golden.GetProperty(name);
        var start = Parse(g.GetProperty("start").GetString()!);
        var steps = g.GetProperty("steps").GetInt32();
        var end = start + ((steps - 1) * ds.Describe().Step);
        var gauges = g.GetProperty("gauges").GetArrayLength();
        var q = Values(g.GetProperty("discharge"));
        for (var k = 0; k < gauges; k++)
        {
            var area = g.GetProperty("areas")[k].GetDouble();
            var s = ds.Load(g.GetProperty("gauges")[k].GetString()!, new DataRequest(["discharge"], [], ["streamflow"], start, end));
            for (var t = 0; t < steps; t++)
            {
                var discharge = q[(t * gauges) + k];
                Assert.Equal(discharge, s.Dynamic[t, 0]);
                Near((float)(discharge * seconds / (area * 1000)), s.Targets[t, 0]);
            }
        }

        if (name == "lez")
        {
            // The Lez outlet (169 km²) misses 2012-08-31..09-03 (steps 2..5 of the window): NaN, not 0.
            var s = ds.Load("Y3204040", new DataRequest([], [], ["streamflow"], start, end));
            Assert.Equal([false, false, true, true, true, true, false, false], Enumerable.Range(0, steps).Select(t => float.IsNaN(s.Targets[t, 0])));
            Near((float)(0.89 * 86400 / 169000.0), s.Targets[0, 0]);
        }
    }

    [Fact]
    public void Two_files_with_different_steps_are_refused()
    {
        var error = Assert.Throws<DataException>(() => new NetCdfGridDataset(new NetCdfGridOptions { Files = [Lez, Cance] }, new ComponentContext()));
        Assert.Contains("cance.nc: time step 1 hour(s) differs from", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_outside_the_axis_or_off_its_step_name_the_file_and_the_period()
    {
        using var lez = Open("lez");
        var outside = Assert.Throws<DataException>(() => lez.Load("Y3204040", new DataRequest(["pet"], [], [], new DateTime(2013, 7, 1), new DateTime(2013, 8, 1))));
        Assert.Contains("lez.nc: basin Y3204040: the requested period 2013-07-01..2013-08-01 is not inside the time axis 2012-08-01..2013-07-31", outside.Message, StringComparison.Ordinal);

        using var cance = Open("cance");
        var off = Assert.Throws<DataException>(() => cance.LoadGrid("V3524010", new GridRequest(["pet"], new DateTime(2014, 10, 1, 0, 30, 0), new DateTime(2014, 10, 2))));
        Assert.Contains("cance.nc: basin V3524010: the requested period 2014-10-01T00:30..2014-10-02 is not inside the time axis 2014-09-15..2015-01-15T23:00 or not on its step of 1 hour(s)", off.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_files_variables_and_gauges_are_data_errors_naming_the_file()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "nope.nc");
        Assert.Contains("nope.nc: file not found", Refused(new NetCdfGridOptions { Files = [missing] }), StringComparison.Ordinal);

        var text = dir.Write("text.nc", "not a netcdf file\n");
        Assert.Contains("text.nc: opening the file failed: NetCDF: Unknown file format", Refused(new NetCdfGridOptions { Files = [text] }), StringComparison.Ordinal);

        var noVariable = Refused(new NetCdfGridOptions { Files = [Lez], Channels = new Dictionary<string, string> { ["rain"] = "prcp" } });
        Assert.Contains("lez.nc: variable 'prcp': no such variable", noVariable, StringComparison.Ordinal);

        var wrongDims = Refused(new NetCdfGridOptions { Files = [Lez], Channels = new Dictionary<string, string> { ["q"] = "discharge" } });
        Assert.Contains("lez.nc: variable 'discharge': expected dimensions (time, y, x)", wrongDims, StringComparison.Ordinal);

        var noDischarge = Refused(new NetCdfGridOptions { Files = [Lez], Discharge = "flow" });
        Assert.Contains("lez.nc: variable 'flow': no such variable", noDischarge, StringComparison.Ordinal);

        var gauge = Refused(new NetCdfGridOptions { Files = [Lez], Gauges = ["Y0000000"] });
        Assert.Contains("netcdf_grid: unknown gauge 'Y0000000'", gauge, StringComparison.Ordinal);
        Assert.Contains("Y3204040, Y3204030, Y3204010", gauge, StringComparison.Ordinal);

        var nested = Refused(new NetCdfGridOptions { Files = [Lez], Mask = GridMaskSource.BasinMask, Gauges = ["Y3204010"] });
        Assert.Contains("lez.nc: variable 'basin_mask': it has 172 cells but gauge Y3204010's catchment traced through flow_direction has 110", nested, StringComparison.Ordinal);

        using var ds = Open("lez");
        var channel = Assert.Throws<DataException>(() => ds.LoadGrid("Y3204040", new GridRequest(["tmean"], new DateTime(2012, 8, 1), new DateTime(2012, 8, 2))));
        Assert.Contains("lez.nc: basin Y3204040: 'tmean' is not a grid channel; channels: precipitation, pet", channel.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gauge_outlet_outside_the_grid_and_a_missing_dimension_are_refused()
    {
        // Copies of lez.nc changed with netCDF4 (an independent writer): gauge_row 99 for the second gauge; no 'gauge' dimension.
        using var dir = new TempDirectory();
        var outside = Path.Combine(dir.Path, "outside.nc");
        var noGauge = Path.Combine(dir.Path, "nogauge.nc");
        Python($"""
            import netCDF4, shutil
            shutil.copy(r'{Lez}', r'{outside}')
            with netCDF4.Dataset(r'{outside}', 'a') as d:
                d['gauge_row'][1] = 99
            with netCDF4.Dataset(r'{Lez}') as s, netCDF4.Dataset(r'{noGauge}', 'w') as d:
                for n in ['time', 'y', 'x']:
                    d.createDimension(n, len(s.dimensions[n]))
                for n in ['time', 'y', 'x', 'precipitation']:
                    v = d.createVariable(n, s[n].dtype, s[n].dimensions)
                    v.setncatts(s[n].__dict__)
                    v[:] = s[n][:]
            """);

        Assert.Contains("outside.nc: variable 'gauge_row'/'gauge_col': gauge Y3204030's outlet cell (99, 11) is outside the 27×14 grid", Refused(new NetCdfGridOptions { Files = [outside] }), StringComparison.Ordinal);
        Assert.Contains("nogauge.nc: no dimension 'gauge'", Refused(new NetCdfGridOptions { Files = [noGauge] }), StringComparison.Ordinal);
    }

    private static string Refused(NetCdfGridOptions options) =>
        Assert.ThrowsAny<DataException>(() => new NetCdfGridDataset(options, new ComponentContext())).Message;

    private static NetCdfGridDataset Open(string name, GridMaskSource mask = GridMaskSource.FlowDirection, IReadOnlyList<string>? gauges = null) =>
        new(new NetCdfGridOptions { Files = [name == "lez" ? Lez : Cance], Mask = mask, Gauges = gauges }, new ComponentContext());

    private static DateTime Parse(string s) => DateTime.ParseExact(s, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static float[] Values(JsonElement e) => [.. e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? float.NaN : (float)v.GetDouble())];

    private static void Near(float expected, float actual)
    {
        if (float.IsNaN(expected))
        {
            Assert.True(float.IsNaN(actual), $"expected NaN, got {actual}");
            return;
        }

        Assert.True(Math.Abs(expected - actual) <= 1e-5f * Math.Max(1f, Math.Abs(expected)), $"expected {expected}, got {actual}");
    }

    private static void Python(string script)
    {
        var python = Environment.GetEnvironmentVariable("HYDRO_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";
        using var process = Process.Start(new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false })!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{python} failed: {error}");
    }
}
