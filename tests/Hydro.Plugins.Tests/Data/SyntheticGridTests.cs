using System.Diagnostics;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.SyntheticGrid;

namespace Hydro.Plugins.Tests.Data;

public class SyntheticGridTests
{
    private static readonly DateTime Start = new(2000, 1, 1);
    private static readonly DateTime End = new(2004, 12, 31);
    private static readonly string[] AllChannels = ["precip", "pet", "temp", "noise_1", "noise_2", "noise_3"];

    private static SyntheticGridDataset Dataset(int seed = 0, int basins = 4) =>
        new(new SyntheticGridOptions { Seed = seed, Basins = basins }, new ComponentContext());

    private static DataRequest Lumped(string[] dynamic, string[]? statics = null, DateTime? start = null, DateTime? end = null) =>
        new(dynamic, statics ?? [], ["streamflow"], start ?? Start, end ?? End);

    [Fact]
    public void DescribesChannelsGridCrsAndThePlantedTruth()
    {
        using var data = Dataset();
        Assert.Equal(["grid_000", "grid_001", "grid_002", "grid_003"], data.Describe().Basins);
        var g = data.DescribeGrid("grid_002");
        Assert.Equal(["precip mm/day", "pet mm/day", "temp °C", "noise_1 -", "noise_2 -", "noise_3 -"], g.Channels.Select(c => $"{c.Name} {c.Unit}"));
        Assert.Equal((16, 16), (g.Height, g.Width));
        Assert.Equal(680_500, g.X[0]);
        Assert.Equal(1000, g.X[1] - g.X[0]);
        Assert.Equal(6_599_500, g.Y[0]);
        Assert.True(g.Y[1] < g.Y[0], "row 0 is north");
        Assert.Equal(2154, g.Crs.Epsg);
        Assert.Equal("lambert_conformal_conic", g.Crs.GridMapping["grid_mapping_name"]);
        Assert.Equal("precip,pet", g.Attributes["truth_channels"]);
        Assert.Equal("rows 4..7, columns 4..7 (0-based, inclusive), masked cells only", g.Attributes["truth_region"]);

        // An irregular blob: neither empty nor the whole grid, and the 4 × 4 truth block lies inside it.
        var masked = g.Mask.Cast<bool>().Count(m => m);
        Assert.InRange(masked, 0.3 * 256, 0.8 * 256);
        var region = SyntheticGridTruth.Region(g.Mask);
        Assert.Equal(16, region.Cast<bool>().Count(r => r));
        var s = data.Load("grid_002", Lumped(["precip"], ["area", "truth_region_fraction", "truth_region_cells", "truth_reservoir_days"]));
        Assert.Equal([masked, 16f / masked, 16, 10], s.Static);
    }

    [Fact]
    public void SameSeedSameDataOtherSeedOtherDataAndAnyPeriodIsASliceOfTheWhole()
    {
        using var a = Dataset(seed: 5);
        using var b = Dataset(seed: 5);
        using var c = Dataset(seed: 6);
        var request = new GridRequest(AllChannels, Start, End);
        var ga = a.LoadGrid("grid_001", request).Values;
        Assert.Equal(ga, b.LoadGrid("grid_001", request).Values);
        Assert.NotEqual(ga, c.LoadGrid("grid_001", request).Values);
        Assert.NotEqual(ga, a.LoadGrid("grid_002", request).Values);

        // 2002-03-01..2002-03-10, channels pet and noise_2, is that slice of the whole, in request order.
        var from = new DateTime(2002, 3, 1);
        var part = a.LoadGrid("grid_001", new GridRequest(["noise_2", "pet"], from, from.AddDays(9)));
        Assert.Equal((10, 2, 16, 16), (part.Steps, part.Channels, part.Height, part.Width));
        var offset = from.DayNumber - Start.DayNumber;
        for (var t = 0; t < 10; t++)
        {
            Assert.Equal(ga.AsSpan((((offset + t) * 6) + 4) * 256, 256).ToArray(), part.Values.AsSpan(((t * 2) + 0) * 256, 256).ToArray());
            Assert.Equal(ga.AsSpan((((offset + t) * 6) + 1) * 256, 256).ToArray(), part.Values.AsSpan(((t * 2) + 1) * 256, 256).ToArray());
        }

        Assert.Equal(a.Load("grid_001", Lumped(["temp"])).Targets, b.Load("grid_001", Lumped(["temp"])).Targets);
    }

    [Fact]
    public void StreamflowIsTheTruthOfThePlantedRegionAndChannelsOnly()
    {
        using var data = Dataset(seed: 3);
        var values = data.LoadGrid("grid_000", new GridRequest(AllChannels, Start, End)).Values;
        var mask = data.DescribeGrid("grid_000").Mask;
        var region = SyntheticGridTruth.Region(mask);
        var served = data.Load("grid_000", Lumped(["precip"])).Targets;
        var truth = SyntheticGridTruth.Streamflow(values, 6, region, 10);
        Assert.Equal(served.GetLength(0), truth.Length);
        for (var t = 0; t < truth.Length; t++)
        {
            Assert.Equal((float)truth[t], served[t, 0]);
        }

        Assert.True(truth.Average() > 0.3, $"mean streamflow {truth.Average()} mm/day");

        // Perturbing the noise channels, temp, and precip/pet in masked cells outside the region changes nothing.
        var perturbed = (float[])values.Clone();
        var days = truth.Length;
        for (var t = 0; t < days; t++)
        {
            for (var cell = 0; cell < 256; cell++)
            {
                for (var k = 2; k < 6; k++)
                {
                    perturbed[(((t * 6) + k) * 256) + cell] += 50;
                }

                if (mask[cell / 16, cell % 16] && !region[cell / 16, cell % 16])
                {
                    perturbed[(((t * 6) + 0) * 256) + cell] *= 3;
                    perturbed[(((t * 6) + 1) * 256) + cell] = 0;
                }
            }
        }

        Assert.Equal(truth, SyntheticGridTruth.Streamflow(perturbed, 6, region, 10));

        // One region cell's precipitation on one wet day changes every later day.
        var wet = Enumerable.Range(0, days).First(t => values[(((t * 6) + 0) * 256) + (5 * 16) + 5] > 1);
        perturbed[(((wet * 6) + 0) * 256) + (5 * 16) + 5] += 20;
        var changed = SyntheticGridTruth.Streamflow(perturbed, 6, region, 10);
        Assert.Equal(truth[..wet], changed[..wet]);
        Assert.True(changed[wet] > truth[wet] && changed[wet + 30] > truth[wet + 30]);
    }

    [Fact]
    public void LumpedInputsAreMaskMeansAndTheForcingIsSeasonal()
    {
        using var data = Dataset();
        var grid = data.LoadGrid("grid_003", new GridRequest(["precip", "temp"], Start, End));
        var mask = data.DescribeGrid("grid_003").Mask;
        var lumped = data.Load("grid_003", Lumped(["temp", "precip"])).Dynamic;
        var cells = Enumerable.Range(0, 256).Where(c => mask[c / 16, c % 16]).ToArray();
        foreach (var t in new[] { 0, 17, 400, 1826 })
        {
            Assert.Equal(cells.Average(c => (double)grid.Values[(((t * 2) + 1) * 256) + c]), lumped[t, 0], 4);
            Assert.Equal(cells.Average(c => (double)grid.Values[(((t * 2) + 0) * 256) + c]), lumped[t, 1], 4);
        }

        double Mean(int month) => Enumerable.Range(0, lumped.GetLength(0)).Where(t => Start.AddDays(t).Month == month).Average(t => lumped[t, 0]);
        Assert.True(Mean(7) > Mean(1) + 10, $"July {Mean(7)} °C, January {Mean(1)} °C");
    }

    [Fact]
    public void GeneratesFourBasinsOfFiveYearsWellUnderASecond()
    {
        // CPU time, not wall time: the test machine may be shared by many processes.
        using var data = Dataset(seed: 11);
        data.Load("grid_000", Lumped(["precip"], start: Start, end: Start)); // JIT warm-up on another seed's basin 0
        using var timed = Dataset(seed: 12);
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var basin in timed.Describe().Basins)
        {
            timed.Load(basin, Lumped(AllChannels));
            timed.LoadGrid(basin, new GridRequest(AllChannels, Start, End));
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        Assert.True(cpu < TimeSpan.FromSeconds(1), $"4 basins × 5 years × 16 × 16 × 6 took {cpu.TotalMilliseconds:F0} ms of CPU");
    }

    [Fact]
    public void BadChannelBasinOrPeriodIsADataError()
    {
        using var data = Dataset();
        var e = Assert.Throws<DataException>(() => data.LoadGrid("grid_000", new GridRequest(["rain"], Start, End)));
        Assert.Contains("'rain' is not a grid channel; channels: precip, pet, temp, noise_1, noise_2, noise_3", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<DataException>(() => data.DescribeGrid("grid_009"));
        Assert.Contains("unknown basin 'grid_009'", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<DataException>(() => data.LoadGrid("grid_000", new GridRequest(["pet"], Start, End.AddDays(1))));
        Assert.Contains("2000-01-01..2005-01-01 is not inside the data", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SyntheticGridDataset(new SyntheticGridOptions { Channels = 2 }, new ComponentContext()));
    }
}
