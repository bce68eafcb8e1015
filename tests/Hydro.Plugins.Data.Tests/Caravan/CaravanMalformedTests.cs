using System.IO.Compression;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.Caravan;
using Hydro.Plugins.Data.Tests.Support;

namespace Hydro.Plugins.Data.Tests.Caravan;

public sealed class CaravanMalformedTests : IDisposable
{
    private const string Series = "timeseries/csv/camels/camels_01022500.csv";
    private const string Other = "attributes/camels/attributes_other_camels.csv";
    private readonly TempDirectory dir = new();

    private static readonly string[] Good =
    [
        "date,total_precipitation_sum,temperature_2m_mean,potential_evaporation_sum,streamflow",
        "1981-01-01,0,-16.5,1.6,1.27",
        "1981-01-02,7.69,-7.92,2.45,",
        "1981-01-03,1.5,-3.0,2.0,1.1",
    ];

    private static readonly string[] GoodOther =
    [
        "gauge_id,gauge_name,country,gauge_lat,gauge_lon,area",
        "camels_01022500,\"Narraguagus River at Cherryfield, Maine\",United States of America,44.60797,-67.93524,619.1025954030504",
    ];

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Good_files_load_plain_and_gzip_identically()
    {
        Write(Good.Append(""), GoodOther);
        var plain = Load(["area"]);
        Assert.True(float.IsNaN(plain.Targets[1, 0]));
        Assert.Equal(7.69f, plain.Dynamic[1, 0]);
        Assert.Equal(619.1025954030504f, plain.Static[0]);

        var path = Path.Combine(dir.Path, Series);
        using (var gz = new GZipStream(File.Create(path + ".gz"), CompressionLevel.Fastest))
        {
            gz.Write(File.ReadAllBytes(path));
        }

        File.Delete(path);
        var zipped = Load(["area"]);
        Assert.Equal(plain.Dynamic, zipped.Dynamic);
    }

    [Fact]
    public void Truncated_file() => Fails(Series, 4, "expected 5 columns", [.. Good[..3], "1981-01-03,1.5,-3"]);

    [Fact]
    public void Wrong_column_count() => Fails(Series, 3, "found 6", [.. Good[..2], Good[2] + ",9", Good[3]]);

    [Fact]
    public void Non_numeric_value() => Fails(Series, 2, "column 'temperature_2m_mean' (basin camels_01022500, 1981-01-01): '-16x' is not a number", [Good[0], Good[1].Replace("-16.5", "-16x", StringComparison.Ordinal), .. Good[2..]]);

    [Theory]
    [InlineData("inf")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e39")]
    public void Non_finite_value_is_refused_with_column_basin_and_date(string value) =>
        Fails(Series, 3, $"column 'total_precipitation_sum' (basin camels_01022500, 1981-01-02): '{value}' is not finite in float32", [.. Good[..2], Good[2].Replace("7.69", value, StringComparison.Ordinal), Good[3]]);

    [Fact]
    public void Empty_and_NaN_fields_stay_missing()
    {
        Write([.. Good[..2], Good[2].Replace("7.69", "NaN", StringComparison.Ordinal), Good[3].Replace("1.5", string.Empty, StringComparison.Ordinal)], GoodOther);
        var s = Load([]);
        Assert.Equal(0f, s.Dynamic[0, 0]);
        Assert.True(float.IsNaN(s.Dynamic[1, 0]));
        Assert.True(float.IsNaN(s.Dynamic[2, 0]));
    }

    [Fact]
    public void Dates_out_of_order() => Fails(Series, 4, "out of order", [.. Good[..3], Good[3].Replace("01-03", "01-01", StringComparison.Ordinal).Replace("1981", "1980", StringComparison.Ordinal)]);

    [Fact]
    public void Duplicated_dates() => Fails(Series, 4, "duplicated date 1981-01-02 (already on line 3)", [.. Good[..3], Good[3].Replace("01-03", "01-02", StringComparison.Ordinal)]);

    [Fact]
    public void Header_without_date_column() => Fails(Series, 1, "header should be 'date,", [Good[0].Replace("date", "day", StringComparison.Ordinal), .. Good[1..]]);

    [Fact]
    public void Basin_missing_from_attribute_tables()
    {
        Write(Good, [GoodOther[0], GoodOther[1].Replace("01022500", "01013500", StringComparison.Ordinal)]);
        var e = Assert.Throws<DataException>(() => Load(["area"]));
        Assert.Contains("attributes_other_camels.csv", e.Message);
        Assert.Contains("'camels_01022500' has no row", e.Message);
    }

    [Fact]
    public void Non_numeric_attribute_requested_as_static_is_named()
    {
        Write(Good, [GoodOther[0], GoodOther[1].Replace("619.1025954030504", "abc", StringComparison.Ordinal)]);
        using var data = new CaravanDataset(new CaravanOptions { DataDir = dir.Path }, new ComponentContext { StaticInputs = ["area"] });
        var e = Assert.Throws<DataException>(() => data.Describe());
        Assert.Contains("attributes_other_camels.csv:2: static attribute 'area' is categorical (column 'area', basin camels_01022500: value 'abc')", e.Message);
    }

    [Fact]
    public void Directory_in_place_of_an_attribute_file_is_named()
    {
        Write(Good, GoodOther);
        var folder = Path.Combine(dir.Path, "attributes", "camels", "attributes_caravan_camels.csv");
        Directory.CreateDirectory(folder);
        using var data = new CaravanDataset(new CaravanOptions { DataDir = dir.Path }, new ComponentContext { StaticInputs = ["area"] });
        var e = Assert.Throws<DataException>(() => data.Describe());
        Assert.StartsWith($"{folder}: is a directory, not an attribute table", e.Message, StringComparison.Ordinal);
    }

    private void Write(IEnumerable<string> series, IEnumerable<string> other)
    {
        dir.Write(Series, string.Join('\n', series));
        dir.Write(Other, string.Join("\r\n", other) + "\r\n");
    }

    private BasinSeries Load(string[] statics)
    {
        using var data = new CaravanDataset(new CaravanOptions { DataDir = dir.Path }, new ComponentContext());
        return data.Load("camels_01022500", new DataRequest(["total_precipitation_sum", "temperature_2m_mean"], statics, ["streamflow"], new DateTime(1981, 1, 1), new DateTime(1981, 1, 3)));
    }

    private void Fails(string file, int line, string fragment, string[] series)
    {
        Write(series, GoodOther);
        var e = Assert.Throws<DataException>(() => Load([]));
        Assert.Contains($"{Path.GetFileName(file)}:{line}:", e.Message);
        Assert.Contains(fragment, e.Message);
    }
}
