using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>
/// <c>hydro train</c> on a CAMELS-US tree (one real basin copied from ../shared/data) with one file broken per case:
/// exit code 2, a message naming the file and line, and no run directory left behind.
/// </summary>
public sealed class MalformedDataTests : IDisposable
{
    private const string Basin = OneBasinExperiment.Basin;
    private const string Forcing = "basin_mean_forcing/daymet/01/01022500_lump_cida_forcing_leap.txt";
    private const string Flow = "usgs_streamflow/01/01022500_streamflow_qc.txt";
    private const string Topo = "camels_attributes_v2.0/camels_topo.txt";
    private const string Clim = "camels_attributes_v2.0/camels_clim.txt";
    private readonly TempDirectory dir = new();

    public MalformedDataTests()
    {
        foreach (var file in new[] { Forcing, Flow })
        {
            Copy(file);
        }

        foreach (var table in Directory.GetFiles(Path.Combine(TestData.CamelsUs, "camels_attributes_v2.0"), "camels_*.txt"))
        {
            Copy(Path.GetRelativePath(TestData.CamelsUs, table));
        }
    }

    public void Dispose() => dir.Dispose();

    [Fact]
    public void TheIntactCopyTrains() => Assert.True(Train().Exit == 0);

    [Fact]
    public void TruncatedFile() => Fails(Forcing, 1005, "expected 11 columns", lines => [.. lines.Take(1004), string.Join('\t', lines[1004].Split('\t').Take(3))]);

    [Fact]
    public void WrongColumnCount() => Fails(Forcing, 2000, "found 12", lines => Replace(lines, 1999, lines[1999] + "\t7.0"));

    [Fact]
    public void NonNumericValue() => Fails(Flow, 300, "'1x5.00' is not a number", lines => Replace(lines, 299, Field(lines[299], 4, "1x5.00")));

    [Fact]
    public void BasinMissingFromTheAttributeTables() =>
        Fails(Topo, null, $"'{Basin}' has no row", lines => [.. lines.Where(l => !l.StartsWith(Basin + ";", StringComparison.Ordinal))]);

    [Fact]
    public void DatesOutOfOrder() => Fails(Forcing, 3004, "out of order", lines => Replace(lines, 3003, lines[3003].Replace("1988 03 18", "1987 03 18", StringComparison.Ordinal)));

    [Fact]
    public void DuplicatedDates() => Fails(Flow, 501, "duplicated date", lines => Replace(lines, 500, lines[499]));

    [Fact]
    public void WrongUnitsHeader() => Fails(Forcing, 4, "should be in mm/day", lines => Replace(lines, 3, lines[3].Replace("prcp(mm/day)", "prcp(in/day)", StringComparison.Ordinal)));

    [Fact]
    public void NonNumericAttributeRequestedAsStatic() =>
        Fails(Clim, 3, $"column 'p_mean' (basin {Basin}): 'abc' is not a number", lines => Replace(lines, 2, lines[2].Replace("3.60812594113621", "abc", StringComparison.Ordinal)), "p_mean");

    [Fact]
    public void DirectoryInPlaceOfAnAttributeTable()
    {
        var clim = dir.Combine("camels", Clim);
        File.Delete(clim);
        Directory.CreateDirectory(clim);
        var run = Train("p_mean");
        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains($"{clim}: is a directory, not an attribute table", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    private void Fails(string file, int? line, string fragment, Func<string[], string[]> damage, string statics = "area_gages2")
    {
        var path = dir.Combine("camels", file);
        var lines = File.ReadAllLines(path);
        var damaged = damage(lines);
        Assert.NotEqual(lines, damaged);
        File.WriteAllLines(path, damaged);

        var run = Train(statics);
        Assert.True(run.Exit == 2, run.ToString());
        var where = line is { } l ? $"{Path.GetFileName(file)}:{l}" : Path.GetFileName(file);
        Assert.Contains(where, run.Err, StringComparison.Ordinal);
        Assert.Contains(fragment, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        var runs = dir.Combine("runs");
        Assert.Empty(Directory.Exists(runs) ? Directory.GetFileSystemEntries(runs) : []);
    }

    private CliRun Train(string statics = "area_gages2") =>
        HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "train", OneBasinExperiment.Write(dir, "broken", dir.Combine("camels"), statics: statics), "--no-evaluate");

    private void Copy(string relative)
    {
        var target = dir.Combine("camels", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(TestData.CamelsUs, relative), target);
    }

    private static string[] Replace(string[] lines, int index, string line)
    {
        var copy = (string[])lines.Clone();
        copy[index] = line;
        return copy;
    }

    private static string Field(string line, int index, string value)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        fields[index] = value;
        return string.Join(' ', fields);
    }
}
