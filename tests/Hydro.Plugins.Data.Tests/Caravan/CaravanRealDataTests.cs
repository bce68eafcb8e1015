using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.Caravan;
using Hydro.Plugins.Data.Tests.Support;

namespace Hydro.Plugins.Data.Tests.Caravan;

public sealed class CaravanRealDataTests
{
    private static readonly string[] Forcings = ["total_precipitation_sum", "temperature_2m_mean", "potential_evaporation_sum"];
    private static readonly DateTime Day = new(2000, 7, 15);

    private static CaravanDataset Open(params string[] basins) =>
        new(new CaravanOptions { DataDir = TestData.Caravan, Basins = basins.Length == 0 ? null : basins }, new ComponentContext());

    // timeseries/csv/camels/<basin>.csv line 7137:
    //   camels_01022500.csv "2000-07-15,0.22,18.59,22.33,0.46"
    //   camels_01078000.csv "2000-07-15,3.93,17.83,18.12,0.29"
    //   camels_01137500.csv "2000-07-15,5.82,15.41,14.21,0.61"
    [Theory]
    [InlineData("camels_01022500", 0.22f, 18.59f, 22.33f, 0.46f)]
    [InlineData("camels_01078000", 3.93f, 17.83f, 18.12f, 0.29f)]
    [InlineData("camels_01137500", 5.82f, 15.41f, 14.21f, 0.61f)]
    public void Values_match_the_file(string basin, float p, float t, float pet, float q)
    {
        using var data = Open("camels_01022500", "camels_01078000", "camels_01137500");
        var s = data.Load(basin, new DataRequest(Forcings, [], ["streamflow"], Day, Day));
        Assert.Equal(new[] { p, t, pet }, new[] { s.Dynamic[0, 0], s.Dynamic[0, 1], s.Dynamic[0, 2] });
        Assert.Equal(q, s.Targets[0, 0]);
    }

    // camels_01022500.csv line 12328: "2014-10-01,0.21,12.98,11.6," (empty streamflow); line 2: "1981-01-01,0,-16.5,1.6,1.27".
    [Fact]
    public void Empty_streamflow_is_NaN_and_days_before_the_record_are_NaN()
    {
        using var data = Open("camels_01022500");
        var s = data.Load("camels_01022500", new DataRequest(["total_precipitation_sum"], [], ["streamflow"], new DateTime(2014, 10, 1), new DateTime(2014, 10, 1)));
        Assert.True(float.IsNaN(s.Targets[0, 0]));
        Assert.Equal(0.21f, s.Dynamic[0, 0]);

        var start = data.Load("camels_01022500", new DataRequest(["total_precipitation_sum"], [], ["streamflow"], new DateTime(1980, 12, 31), new DateTime(1981, 1, 1)));
        Assert.True(float.IsNaN(start.Targets[0, 0]));
        Assert.Equal(1.27f, start.Targets[1, 0]);
    }

    // attributes_other_camels.csv: camels_01078000,"SMITH RIVER NEAR BRISTOL, NH",United States of America,43.56646,-71.74786,221.56128512151855
    // attributes_caravan_camels.csv: camels_01078000,3.1282633992744224,13.700608528988834,…  (p_mean, pet_mean)
    // attributes_hydroatlas_camels.csv: camels_01078000,107.0,25.0,…  (sgr_dk_sav, glc_pc_s06)
    [Fact]
    public void Attributes_from_all_tables_with_quoted_fields()
    {
        using var data = Open("camels_01078000");
        var s = data.Load("camels_01078000", new DataRequest([], ["area", "gauge_lat", "p_mean", "pet_mean", "sgr_dk_sav", "glc_pc_s06"], [], Day, Day));
        Assert.Equal(new[] { 221.56128512151855f, 43.56646f, 3.1282633992744224f, 13.700608528988834f, 107f, 25f }, s.Static);
    }

    [Fact]
    public void Categorical_attribute_is_rejected()
    {
        using var data = Open("camels_01078000");
        var e = Assert.Throws<DataException>(() => data.Load("camels_01078000", new DataRequest([], ["gauge_name"], [], Day, Day)));
        Assert.Contains("attributes_other_camels.csv:2:", e.Message);
        Assert.Contains("gauge_lat", e.Message);
    }

    [Fact]
    public void Describe_lists_160_basins_header_variables_and_period()
    {
        using var data = Open();
        var d = data.Describe();
        Assert.Equal(160, d.Basins.Count);
        Assert.Equal(new DateTime(1981, 1, 1), d.First);
        Assert.Equal(new DateTime(2014, 12, 31), d.Last);
        Assert.Contains(new VariableInfo("streamflow", "mm/day", false), d.Variables);
        Assert.Contains(new VariableInfo("temperature_2m_mean", "°C", false), d.Variables);
        Assert.Contains(new VariableInfo("area", "km2", true), d.Variables);
        Assert.Contains(d.Variables, v => v.Name == "sgr_dk_sav" && v.Static);
    }
}
