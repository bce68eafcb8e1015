using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.CamelsUs;
using Hydro.Plugins.Data.Tests.Support;

namespace Hydro.Plugins.Data.Tests.CamelsUs;

public sealed class CamelsUsRealDataTests
{
    private static readonly DateTime Day = new(2000, 7, 15);

    private static CamelsUsDataset Open(CamelsForcing forcing = CamelsForcing.Daymet, params string[] basins) =>
        new(new CamelsUsOptions { DataDir = TestData.CamelsUs, Forcing = forcing, Basins = basins.Length == 0 ? null : basins }, new ComponentContext());

    private static DataRequest Request(DateTime start, DateTime end, string[] dynamic, string[]? targets = null, string[]? statics = null) =>
        new(dynamic, statics ?? [], targets ?? [], start, end);

    // daymet/01/01022500_lump_cida_forcing_leap.txt: "2000 07 15 12	54249.32	0.17	435.94	0.00	26.82	12.95	1487.57"
    // daymet/01/01030500_lump_cida_forcing_leap.txt: "2000 07 15 12	54594.93	12.45	342.69	0.00	26.62	11.55	1363.94"
    // daymet/01/01057000_lump_cida_forcing_leap.txt: "2000 07 15 12	53913.60	6.33	285.59	0.00	23.96	13.04	1498.49"
    [Theory]
    [InlineData("01022500", 54249.32f, 0.17f, 435.94f, 0f, 26.82f, 12.95f, 1487.57f)]
    [InlineData("01030500", 54594.93f, 12.45f, 342.69f, 0f, 26.62f, 11.55f, 1363.94f)]
    [InlineData("01057000", 53913.60f, 6.33f, 285.59f, 0f, 23.96f, 13.04f, 1498.49f)]
    public void Daymet_values_match_the_file(string basin, float dayl, float prcp, float srad, float swe, float tmax, float tmin, float vp)
    {
        using var data = Open(CamelsForcing.Daymet, "01022500", "01030500", "01057000");
        var s = data.Load(basin, Request(Day, Day, ["dayl", "prcp", "srad", "swe", "tmax", "tmin", "vp"]));
        Assert.Equal(new[] { dayl, prcp, srad, swe, tmax, tmin, vp }, Row(s.Dynamic, 0));
        Assert.Equal(Day, s.Start);
    }

    // usgs_streamflow/01/01022500_streamflow_qc.txt line 1: "01022500 1980 01 01   395.00 A"; forcing header area 587675987 m².
    // 395 ft³/s · 0.028316846592 m³/ft³ · 86400 s · 1000 mm/m / 587675987 m² = 1.6444390 mm/day.
    // 01030500 2000-07-15: 589.00 cfs, area 3671033258 → 0.3925440 mm/day; 01057000: 14.00 cfs, area 190282753 → 0.1800208 mm/day.
    [Theory]
    [InlineData("01022500", 1980, 1, 1, 395.0 * 0.028316846592 * 86400 * 1000 / 587675987)]
    [InlineData("01030500", 2000, 7, 15, 589.0 * 0.028316846592 * 86400 * 1000 / 3671033258)]
    [InlineData("01057000", 2000, 7, 15, 14.0 * 0.028316846592 * 86400 * 1000 / 190282753)]
    public void Streamflow_is_converted_from_cfs_to_mm_per_day_with_the_forcing_header_area(string basin, int y, int m, int d, double expected)
    {
        using var data = Open(CamelsForcing.Daymet, basin);
        var day = new DateTime(y, m, d);
        var s = data.Load(basin, Request(day, day, [], ["streamflow"]));
        Assert.Equal(expected, s.Targets[0, 0], 1e-6);
        Assert.Equal(1.6444390, 395.0 * 0.028316846592 * 86400 * 1000 / 587675987, 6);
    }

    // 01022500_streamflow_qc.txt line 12693: "01022500 2014 10 01  -999.00 M"; line 12692 (2014-09-30) has a value.
    [Fact]
    public void Missing_streamflow_is_NaN_and_days_after_the_record_are_NaN()
    {
        using var data = Open(CamelsForcing.Daymet, "01022500");
        var s = data.Load("01022500", Request(new DateTime(2014, 9, 30), new DateTime(2015, 1, 2), [], ["streamflow"]));
        Assert.False(float.IsNaN(s.Targets[0, 0]));
        Assert.True(float.IsNaN(s.Targets[1, 0]));
        Assert.True(float.IsNaN(s.Targets[s.Targets.GetLength(0) - 1, 0]));
        Assert.Equal(95, s.Targets.GetLength(0));
    }

    // nldas/01/01022500_lump_nldas_forcing_leap.txt: "2000 07 15 12	54249.32	7.31	457.57	0.00	18.48	18.48	1684.67"
    // maurer/01/01022500_lump_maurer_forcing_leap.txt: "2000 07 15 12	54249.32	0.54	377.84	0.00	20.00	20.00	1428.62"
    [Theory]
    [InlineData(CamelsForcing.Nldas, 7.31f, 457.57f, 18.48f, 1684.67f)]
    [InlineData(CamelsForcing.Maurer, 0.54f, 377.84f, 20.00f, 1428.62f)]
    public void Nldas_and_maurer_forcings_read_their_capitalised_headers(CamelsForcing forcing, float prcp, float srad, float tmax, float vp)
    {
        using var data = Open(forcing, "01022500");
        var s = data.Load("01022500", Request(Day, Day, ["prcp", "srad", "tmax", "tmin", "vp"]));
        Assert.Equal(new[] { prcp, srad, tmax, tmax, vp }, Row(s.Dynamic, 0));
    }

    // The same rows as above: daymet 01022500 2000-07-15 tmax 26.82, tmin 12.95 → 19.885; NLDAS tmax = tmin = 18.48.
    [Theory]
    [InlineData(CamelsForcing.Daymet, (26.82f + 12.95f) / 2)]
    [InlineData(CamelsForcing.Nldas, 18.48f)]
    public void Tmean_is_the_mean_of_tmax_and_tmin(CamelsForcing forcing, float expected)
    {
        using var data = Open(forcing, "01022500");
        var s = data.Load("01022500", Request(Day, Day.AddDays(1), ["tmax", "tmin", "tmean"]));
        Assert.Equal(expected, s.Dynamic[0, 2], 5);
        Assert.Equal((s.Dynamic[1, 0] + s.Dynamic[1, 1]) / 2, s.Dynamic[1, 2], 5);
        Assert.Contains(data.Describe().Variables, v => v is { Name: "tmean", Unit: "°C", Static: false });
    }

    [Fact]
    public void Hargreaves_is_rejected_where_tmax_equals_tmin()
    {
        using var data = Open(CamelsForcing.Nldas, "01022500");
        var e = Assert.Throws<DataException>(() => data.Load("01022500", Request(Day, Day, ["pet_hargreaves"])));
        Assert.Contains("tmax equals tmin", e.Message);
        Assert.Contains("01022500_lump_nldas_forcing_leap.txt", e.Message);
    }

    // 01022500 2000-07-15 (day 197): lat 44.82, tmax 26.82, tmin 12.95. By hand: dr = 0.968023, δ = 0.371698 rad,
    // ωs = 1.968581 rad, Ra = 40.5052 MJ/m²/day = 16.5261 mm/day; PET = 0.0023·16.5261·(19.885 + 17.8)·√13.87 = 5.33464.
    [Fact]
    public void Hargreaves_pet_from_the_daymet_row()
    {
        using var data = Open(CamelsForcing.Daymet, "01022500");
        var s = data.Load("01022500", Request(Day, Day, ["pet_hargreaves"]));
        Assert.Equal(5.33464, s.Dynamic[0, 0], 4);
    }

    // model_output_daymet/.../06/03439000_05_model_output.txt:
    // "2000 07 15 12   0.0000000   0.0700000   0.0700000  20.5850000   5.3029000   4.8240000   1.3570000   1.1552000"
    //  YR MNTH DY HR   SWE         PRCP        RAIM        TAIR         PET         ET          MOD_RUN     OBS_RUN
    [Fact]
    public void Sacsma_outputs_as_inputs_and_targets()
    {
        using var data = Open(CamelsForcing.Daymet, "03439000");
        var s = data.Load("03439000", Request(Day, Day, ["sacsma_swe", "sacsma_pet", "sacsma_et", "sacsma_mod_run"], ["sacsma_obs_run"]));
        Assert.Equal(new[] { 0f, 5.3029f, 4.8240f, 1.3570f }, Row(s.Dynamic, 0));
        Assert.Equal(1.1552f, s.Targets[0, 0]);

        // The model output starts 1980-10-01: the day before is NaN.
        var before = data.Load("03439000", Request(new DateTime(1980, 9, 30), new DateTime(1980, 10, 1), ["sacsma_mod_run"]));
        Assert.True(float.IsNaN(before.Dynamic[0, 0]));
        Assert.Equal(0.9131f, before.Dynamic[1, 0]);
    }

    [Fact]
    public void Basin_without_sacsma_output_is_an_error_naming_basin_and_folder()
    {
        using var data = Open(CamelsForcing.Daymet, "01022500");
        var e = Assert.Throws<DataException>(() => data.Load("01022500", Request(Day, Day, ["sacsma_et"])));
        Assert.Contains("01022500", e.Message);
        Assert.Contains("model_output_daymet", e.Message);
    }

    // camels_topo.txt: "01022500;44.60797;-67.93524;92.68;17.79072;573.6;620.38"
    // camels_clim.txt: "01022500;3.60812594113621;2.11925594798084;-0.114529586491395;..."
    // camels_name.txt: "01022500;01;Narraguagus River at Cherryfield, Maine" (huc_02 numeric, gauge_name categorical)
    [Fact]
    public void Attributes_by_column_name()
    {
        using var data = Open(CamelsForcing.Daymet, "01022500");
        var s = data.Load("01022500", Request(Day, Day, [], statics: ["area_gages2", "elev_mean", "p_mean", "pet_mean", "huc_02"]));
        Assert.Equal(new[] { 573.6f, 92.68f, 3.60812594113621f, 2.11925594798084f, 1f }, s.Static);
    }

    // camels_vege.txt row 01013500 has "root_depth_50" = NA.
    [Fact]
    public void Attribute_NA_is_NaN()
    {
        var table = Hydro.Plugins.Data.Common.AttributeTable.Read(Path.Combine(TestData.CamelsUs, "camels_attributes_v2.0", "camels_vege.txt"), (byte)';');
        var column = table.Columns.ToList().IndexOf("root_depth_50");
        Assert.True(float.IsNaN(table.Value(column, table.RowOf("01013500"))));
        Assert.Equal(0.237434541158062f, table.Value(column, table.RowOf("01022500")));
    }

    [Fact]
    public void Categorical_attribute_is_rejected_listing_numeric_columns()
    {
        using var data = Open(CamelsForcing.Daymet, "01022500");
        var e = Assert.Throws<DataException>(() => data.Load("01022500", Request(Day, Day, [], statics: ["high_prec_timing"])));
        Assert.Contains("camels_clim.txt:2:", e.Message);
        Assert.Contains("categorical", e.Message);
        Assert.Contains("p_mean", e.Message);
    }

    [Fact]
    public void Describe_lists_basins_variables_units_and_period()
    {
        using var data = Open();
        var d = data.Describe();
        Assert.Equal(50, d.Basins.Count);
        Assert.Equal(new DateTime(1980, 1, 1), d.First);
        Assert.Equal(new DateTime(2014, 12, 31), d.Last);
        Assert.Contains(new VariableInfo("prcp", "mm/day", false), d.Variables);
        Assert.Contains(new VariableInfo("streamflow", "mm/day", false), d.Variables);
        Assert.Contains(new VariableInfo("area_gages2", "km2", true), d.Variables);
        Assert.DoesNotContain(d.Variables, v => v.Name == "high_prec_timing");
    }

    [Fact]
    public void Basin_file_selects_basins_and_unknown_ids_are_named()
    {
        using var list = new Hydro.Plugins.Data.Tests.Support.TempDirectory();
        var file = list.Write("basins.txt", "# two basins\n01022500\n\n01030500\n");
        using var data = new CamelsUsDataset(new CamelsUsOptions { DataDir = TestData.CamelsUs, BasinFile = file }, new ComponentContext());
        Assert.Equal(["01022500", "01030500"], data.Describe().Basins);

        var bad = list.Write("bad.txt", "01022500\n99999999\n");
        var e = Assert.Throws<DataException>(() => new CamelsUsDataset(new CamelsUsOptions { DataDir = TestData.CamelsUs, BasinFile = bad }, new ComponentContext()));
        Assert.Contains("bad.txt:2", e.Message);
        Assert.Contains("99999999", e.Message);
    }

    [Fact]
    public void Period_outside_the_record_is_all_NaN()
    {
        using var data = Open(CamelsForcing.Daymet, "01022500");
        var s = data.Load("01022500", Request(new DateTime(1970, 1, 1), new DateTime(1970, 1, 10), ["prcp"], ["streamflow"]));
        Assert.All(Row(s.Dynamic, 0).Concat(Row(s.Targets, 9)), v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void Unknown_variable_and_basin_are_errors_with_suggestions()
    {
        using var data = Open(CamelsForcing.Daymet, "01022500");
        var e = Assert.Throws<DataException>(() => data.Load("01022500", Request(Day, Day, ["prcpp"])));
        Assert.Contains("did you mean 'prcp'", e.Message);
        var b = Assert.Throws<DataException>(() => data.Load("01022501", Request(Day, Day, ["prcp"])));
        Assert.Contains("01022501", b.Message);
    }

    private static float[] Row(float[,] a, int t) => [.. Enumerable.Range(0, a.GetLength(1)).Select(f => a[t, f])];
}
