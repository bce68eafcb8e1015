using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.CamelsUs;
using Hydro.Plugins.Data.Tests.Support;

namespace Hydro.Plugins.Data.Tests.CamelsUs;

/// <summary>A small CAMELS tree written to a temp folder, one file broken per test.</summary>
public sealed class CamelsUsMalformedTests : IDisposable
{
    private const string Forcing = "basin_mean_forcing/daymet/01/01022500_lump_cida_forcing_leap.txt";
    private const string Flow = "usgs_streamflow/01/01022500_streamflow_qc.txt";
    private const string Topo = "camels_attributes_v2.0/camels_topo.txt";
    private readonly TempDirectory dir = new();

    private static readonly string[] GoodForcing =
    [
        "  44.82",
        " 133.00",
        " 587675987",
        "Year Mnth Day Hr dayl(s) prcp(mm/day) srad(W/m2) swe(mm) tmax(C) tmin(C) vp(Pa)",
        "1980 01 01 12\t31185.97\t0.00\t178.46\t0.00\t-0.72\t-10.59\t271.45",
        "1980 01 02 12\t31302.05\t0.00\t186.36\t0.00\t0.74\t-9.82\t291.32",
        "1980 01 03 12\t31430.79\t1.20\t170.30\t0.00\t1.10\t-8.00\t300.00",
    ];

    private static readonly string[] GoodFlow =
    [
        "01022500 1980 01 01   395.00 A",
        "01022500 1980 01 02   350.00 A:e",
        "01022500 1980 01 03  -999.00 M",
    ];

    private static readonly string[] GoodTopo =
    [
        "gauge_id;gauge_lat;gauge_lon;elev_mean;slope_mean;area_gages2;area_geospa_fabric",
        "01022500;44.60797;-67.93524;92.68;17.79072;573.6;620.38",
    ];

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Good_tree_loads_with_tabs_and_trailing_blank_rows()
    {
        Write(GoodForcing.Append("").Append("   ").Append(""), GoodFlow, GoodTopo);
        var s = Load(["prcp", "tmin"], ["streamflow"], ["area_gages2"]);
        Assert.Equal(1.2f, s.Dynamic[2, 0]);
        Assert.Equal(-9.82f, s.Dynamic[1, 1]);
        Assert.Equal(395.0 * 0.028316846592 * 86400 * 1000 / 587675987, s.Targets[0, 0], 1e-6);
        Assert.True(float.IsNaN(s.Targets[2, 0]));
        Assert.Equal(573.6f, s.Static[0]);
    }

    [Fact]
    public void Truncated_forcing_file() =>
        Fails(Forcing, 7, "expected 11 columns", f: [.. GoodForcing[..6], "1980 01 03 12\t31430.79\t1.20"]);

    [Fact]
    public void Wrong_column_count() =>
        Fails(Forcing, 6, "found 12", f: [.. GoodForcing[..5], GoodForcing[5] + "\t7.0", GoodForcing[6]]);

    [Fact]
    public void Non_numeric_value() =>
        Fails(Forcing, 6, "'abc' is not a number", f: [.. GoodForcing[..5], GoodForcing[5].Replace("186.36", "abc", StringComparison.Ordinal), GoodForcing[6]]);

    [Theory]
    [InlineData("inf")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e39")]
    public void Non_finite_forcing_is_refused_with_column_basin_and_date(string value) =>
        Fails(Forcing, 6, $"column 'srad(W/m2)' (basin 01022500, 1980-01-02): '{value}' is not finite in float32", f: [.. GoodForcing[..5], GoodForcing[5].Replace("186.36", value, StringComparison.Ordinal), GoodForcing[6]]);

    [Theory]
    [InlineData("Infinity")]
    [InlineData("1e39")]
    public void Non_finite_streamflow_is_refused(string value) =>
        Fails(Flow, 2, $"column 'Q (discharge)' (basin 01022500, 1980-01-02): '{value}' is not finite", q: [GoodFlow[0], GoodFlow[1].Replace("350.00", value, StringComparison.Ordinal), GoodFlow[2]]);

    [Theory]
    [InlineData("-Infinity")]
    [InlineData("1e39")]
    public void Non_finite_attribute_is_refused(string value) =>
        Fails(Topo, 2, $"column 'area_gages2' (basin 01022500): '{value}' is not finite", t: [GoodTopo[0], GoodTopo[1].Replace("573.6", value, StringComparison.Ordinal)], statics: ["area_gages2"]);

    [Fact]
    public void NaN_and_the_missing_marker_stay_missing()
    {
        Write([.. GoodForcing[..5], GoodForcing[5].Replace("0.00\t186.36", "NaN\t186.36", StringComparison.Ordinal), GoodForcing[6].Replace("1.20", "-999.00", StringComparison.Ordinal)], GoodFlow, GoodTopo);
        var s = Load(["prcp"], [], []);
        Assert.Equal(0f, s.Dynamic[0, 0]);
        Assert.True(float.IsNaN(s.Dynamic[1, 0]));
        Assert.True(float.IsNaN(s.Dynamic[2, 0]));
    }

    [Fact]
    public void Dates_out_of_order() =>
        Fails(Forcing, 7, "out of order", f: [.. GoodForcing[..6], GoodForcing[6].Replace("1980 01 03", "1979 12 31", StringComparison.Ordinal)]);

    [Fact]
    public void Duplicated_dates() =>
        Fails(Forcing, 7, "duplicated date 1980-01-02 (already on line 6)", f: [.. GoodForcing[..6], GoodForcing[6].Replace("1980 01 03", "1980 01 02", StringComparison.Ordinal)]);

    [Fact]
    public void Wrong_units_header() =>
        Fails(Forcing, 4, "should be in mm/day", f: [.. GoodForcing[..3], GoodForcing[3].Replace("prcp(mm/day)", "prcp(in/day)", StringComparison.Ordinal), .. GoodForcing[4..]]);

    [Fact]
    public void Header_area_not_a_number() =>
        Fails(Forcing, 3, "area", f: [.. GoodForcing[..2], " area?", .. GoodForcing[3..]]);

    [Fact]
    public void Invalid_date() =>
        Fails(Forcing, 7, "invalid date", f: [.. GoodForcing[..6], GoodForcing[6].Replace("1980 01 03", "1980 02 30", StringComparison.Ordinal)]);

    [Fact]
    public void Truncated_streamflow_file() =>
        Fails(Flow, 3, "expected 6 columns", q: [.. GoodFlow[..2], "01022500 1980 01 03"]);

    [Fact]
    public void Streamflow_of_another_gauge() =>
        Fails(Flow, 2, "differs from the file's basin", q: [GoodFlow[0], GoodFlow[1].Replace("01022500", "01030500", StringComparison.Ordinal), GoodFlow[2]]);

    [Fact]
    public void Streamflow_non_numeric() =>
        Fails(Flow, 1, "'39S.00' is not a number", q: [GoodFlow[0].Replace("395.00", "39S.00", StringComparison.Ordinal), .. GoodFlow[1..]]);

    [Fact]
    public void Streamflow_duplicated_date() =>
        Fails(Flow, 3, "duplicated date", q: [.. GoodFlow[..2], GoodFlow[2].Replace("01 03", "01 02", StringComparison.Ordinal)]);

    [Fact]
    public void Basin_missing_from_attribute_tables()
    {
        Write(GoodForcing, GoodFlow, [GoodTopo[0], GoodTopo[1].Replace("01022500", "01013500", StringComparison.Ordinal)]);
        var e = Assert.Throws<DataException>(() => Load(["prcp"], [], ["area_gages2"]));
        Assert.Contains("camels_topo.txt", e.Message);
        Assert.Contains("'01022500' has no row (lines 2–2", e.Message);
    }

    [Fact]
    public void Attribute_row_with_wrong_column_count() =>
        Fails(Topo, 2, "expected 7 columns", t: [GoodTopo[0], "01022500;44.60797;-67.93524;92.68"], statics: ["area_gages2"]);

    [Fact]
    public void Non_numeric_cell_of_a_numeric_attribute_is_named_when_requested()
    {
        Write(GoodForcing, GoodFlow, [.. GoodTopo, "01013500;47.23739;-68.58264;250.31;21.64152;2252.7;2303.95", "01030500;45.50097;-68.30596;abc;1.82;573.6;620.38"]);
        using var data = Open(["elev_mean"]);
        var e = Assert.Throws<DataException>(() => data.Describe());
        Assert.Contains("camels_topo.txt:4: column 'elev_mean' (basin 01030500): 'abc' is not a number", e.Message);

        // Not requested: the column is still listed as a numeric attribute, and nothing is refused.
        using var other = Open(["area_gages2"]);
        Assert.Contains(other.Describe().Variables, v => v.Name == "elev_mean" && v.Static);
    }

    [Fact]
    public void Text_column_stays_text_and_is_refused_only_when_requested()
    {
        Write(GoodForcing, GoodFlow, [GoodTopo[0] + ";dom_land_cover", GoodTopo[1] + ";Mixed Forests", "01013500;47.23739;-68.58264;250.31;21.64152;2252.7;2303.95;Mixed Forests"]);
        using var unrequested = Open(["area_gages2"]);
        Assert.DoesNotContain(unrequested.Describe().Variables, v => v.Name == "dom_land_cover");

        using var data = Open(["dom_land_cover"]);
        var e = Assert.Throws<DataException>(() => data.Describe());
        Assert.Contains("camels_topo.txt:2: static attribute 'dom_land_cover' is categorical (column 'dom_land_cover', basin 01022500: value 'Mixed Forests')", e.Message);
    }

    [Fact]
    public void Directory_in_place_of_an_attribute_table_is_named()
    {
        Write(GoodForcing, GoodFlow, GoodTopo);
        var clim = Path.Combine(dir.Path, "camels_attributes_v2.0", "camels_clim.txt");
        Directory.CreateDirectory(clim);
        using var data = Open(["area_gages2"]);
        var e = Assert.Throws<DataException>(() => data.Describe());
        Assert.StartsWith($"{clim}: is a directory, not an attribute table", e.Message, StringComparison.Ordinal);
    }

    private CamelsUsDataset Open(string[] statics) =>
        new(new CamelsUsOptions { DataDir = dir.Path }, new ComponentContext { DynamicInputs = ["prcp"], StaticInputs = statics });

    private void Write(IEnumerable<string> f, IEnumerable<string> q, IEnumerable<string> t)
    {
        dir.Write(Forcing, string.Join('\n', f));
        dir.Write(Flow, string.Join('\n', q) + "\n");
        dir.Write(Topo, string.Join('\n', t) + "\n");
    }

    private BasinSeries Load(string[] dynamic, string[] targets, string[] statics)
    {
        using var data = new CamelsUsDataset(new CamelsUsOptions { DataDir = dir.Path }, new ComponentContext());
        return data.Load("01022500", new DataRequest(dynamic, statics, targets, new DateTime(1980, 1, 1), new DateTime(1980, 1, 3)));
    }

    private void Fails(string file, int line, string fragment, string[]? f = null, string[]? q = null, string[]? t = null, string[]? statics = null)
    {
        Write(f ?? GoodForcing, q ?? GoodFlow, t ?? GoodTopo);
        var e = Assert.Throws<DataException>(() => Load(["prcp", "tmax"], ["streamflow"], statics ?? []));
        Assert.Contains($"{Path.GetFileName(file)}:{line}:", e.Message);
        Assert.Contains(fragment, e.Message);
    }
}
