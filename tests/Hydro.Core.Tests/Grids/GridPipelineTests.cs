using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;
using Hydro.Torch;

namespace Hydro.Core.Tests.Grids;

/// <summary>
/// The gridded data pipeline on a tiny hand-written dataset: channel p; basin A on a 2 × 2 grid with mask
/// [[T, F], [T, T]], basin B on a 1 × 2 grid with mask [[T, T]]; four days, the first one history.
/// </summary>
public sealed class GridPipelineTests
{
    private static readonly DateTime Day0 = new(2000, 1, 1);
    private static readonly float Nan = float.NaN;

    // A, [T, C, H, W] = [4, 1, 2, 2]: day 0 is history (100s); day 1 has NaN outside the mask (ignored); day 2 a NaN
    // inside the mask (not in the statistics, and no window may contain day 2).
    private static readonly float[] GridA = [100, 100, 100, 100, 1, Nan, 2, 3, 4, 999, Nan, 5, 6, 999, 7, 8];

    // B, [4, 1, 1, 2].
    private static readonly float[] GridB = [-100, -100, 10, 20, 30, 35, 40, 50];

    private static ArrayGridDataset Dataset() => new(Day0, ["p", "q"], new()
    {
        ["A"] = new(Column(0, 0, 0, 0), Column(1, 1, 1, 1), Interleave(GridA, 4), new[,] { { true, false }, { true, true } }),
        ["B"] = new(Column(0, 0, 0, 0), Column(1, 1, 1, 1), Interleave(GridB, 2), new[,] { { true, true } }),
    });

    private static BasinStore Store(ArrayGridDataset dataset, IReadOnlyList<string>? gridded = null) =>
        BasinStore.Load(dataset, ["A", "B"], new DataVariables(["x"], [], ["y"]) { Gridded = gridded ?? ["p"] }, "train", Day0.AddDays(1), Day0.AddDays(3), historyDays: 1, dataStart: Day0);

    [Fact]
    public void ChannelStatisticsUseMaskedCellsOfTrainingDaysOnly()
    {
        var store = Store(Dataset());
        var stats = GridNormalizer.Fit(store).Single();

        // By hand: A's masked period values 1, 2, 3, 4, 5, 6, 7, 8 (day 2's masked NaN skipped; 999 and the history's
        // 100 never count), B's 10, 20, 30, 35, 40, 50.
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 10, 20, 30, 35, 40, 50];
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        Assert.Equal("p", stats.Name);
        Assert.Equal(221.0 / 14, mean, 12);
        Assert.Equal(mean, stats.Mean, 10);
        Assert.Equal(std, stats.Std, 10);

        // Normalizer.Fit carries them, and the lumped statistics are what they were.
        var normalizer = Normalizer.Fit(store);
        Assert.Equal(stats, normalizer.Gridded.Single());
        Assert.Equal(0, normalizer.Dynamic.Single().Mean);
    }

    [Fact]
    public void WindowsWithAMissingMaskedCellAreLeftOutAndMissingCellsOutsideTheMaskAreNot()
    {
        var store = Store(Dataset());
        var sampler = new WindowSampler(store, sequenceLength: 2, predictLastN: 1);

        // A: day 2 has a masked NaN, so only the window of days 0–1 (whose day 1 has a NaN outside the mask) is used.
        Assert.Equal([1], sampler.ValidEnds[0]);
        Assert.Equal([1, 2, 3], sampler.ValidEnds[1]);
        Assert.Equal([1], WindowSampler.TilingEndIndices(store.Basins[0], 2, 1));

        // Forecast issues (1 step of history, 1 of horizon: the same 2-day windows, issued on days 1 and 2) skip them too.
        var forecast = new ForecastWindows(1, 1, observedInputs: false, ["x"], ["y"]);
        Assert.Empty(forecast.IssueEnds(store.Basins[0]));
        Assert.Equal([2, 3], forecast.IssueEnds(store.Basins[1]));

        // Without grids the same data has every window.
        var lumped = BasinStore.Load(Dataset(), ["A"], new DataVariables(["x"], [], ["y"]), "train", Day0.AddDays(1), Day0.AddDays(3), historyDays: 1, dataStart: Day0);
        Assert.Equal([1, 2, 3], new WindowSampler(lumped, 2, 1).ValidEnds[0]);
    }

    [Fact]
    public void BatchGriddedHoldsNormalisedValuesZeroOutsideTheMaskAndPadsTheSmallerGrid()
    {
        var store = Store(Dataset());
        var normalizer = Normalizer.Fit(store);
        var s = normalizer.Gridded[0];
        float N(float v) => (float)((v - s.Mean) / s.Std);
        using var scope = torch.NewDisposeScope();
        using var batch = new Batcher(store, normalizer, 2, 1).Build([new WindowRef(0, 1), new WindowRef(1, 3)]);

        Assert.Equal([2L, 2, 1, 2, 2], batch.Gridded!.shape);
        Assert.Equal([2L, 2, 2], batch.GriddedMask!.shape);
        var g = batch.Gridded.data<float>().ToArray();
        float[] expected =
        [
            // A, days 0 and 1: [[x, 0], [x, x]] (the NaN outside the mask became 0).
            N(100), 0, N(100), N(100),
            N(1), 0, N(2), N(3),

            // B, days 2 and 3 on the 1 × 2 grid, padded with a zero row.
            N(30), N(35), 0, 0,
            N(40), N(50), 0, 0,
        ];
        Assert.Equal(expected.Length, g.Length);
        for (var i = 0; i < g.Length; i++)
        {
            Assert.Equal(expected[i], g[i], 5);
        }

        Assert.Equal([true, false, true, true, true, true, false, false], batch.GriddedMask.data<bool>().ToArray());

        // The lumped part is untouched.
        Assert.Equal([2L, 2, 1], batch.Dynamic.shape);
    }

    [Fact]
    public void GriddedStatisticsRoundTripThroughNormalizationJsonAndLumpedFilesHaveNone()
    {
        var store = Store(Dataset(), ["q", "p"]);
        var normalizer = Normalizer.Fit(store);
        Assert.Equal(["q", "p"], normalizer.Gridded.Select(v => v.Name));
        var json = normalizer.ToJson();
        Assert.Contains("\"gridded\"", json, StringComparison.Ordinal);
        var back = Normalizer.FromJson(json);
        Assert.Equal(normalizer.Gridded, back.Gridded);
        Assert.Equal(json, back.ToJson());

        var lumped = Normalizer.Fit(BasinStore.Load(Dataset(), ["A", "B"], new DataVariables(["x"], [], ["y"]), "train", Day0.AddDays(1), Day0.AddDays(3)));
        Assert.DoesNotContain("gridded", lumped.ToJson(), StringComparison.Ordinal);
        Assert.Empty(Normalizer.FromJson(lumped.ToJson()).Gridded);
    }

    [Fact]
    public void ADatasetWithoutGridsOrWithABadGridIsADataError()
    {
        var lumpedOnly = new Data.ArrayDataset(Day0, new() { ["A"] = (Column(0, 0, 0, 0), [], Column(1, 1, 1, 1)) });
        var e = Assert.Throws<DataException>(() => BasinStore.Load(lumpedOnly, ["A"], new DataVariables(["x"], [], ["y"]) { Gridded = ["p"] }, "train", Day0, Day0.AddDays(3)));
        Assert.Contains("serves no grids", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<DataException>(() => Store(Dataset(), ["p", "nope"]));
        Assert.Contains("'nope' is not a grid channel", e.Message, StringComparison.Ordinal);
        Assert.Contains("basin A", e.Message, StringComparison.Ordinal);
    }

    private static float[,] Column(params float[] values)
    {
        var a = new float[values.Length, 1];
        for (var i = 0; i < values.Length; i++)
        {
            a[i, 0] = values[i];
        }

        return a;
    }

    /// <summary>[T, 1, H, W] values of p → [T, 2, H, W] with q = 2·p (so a second channel exists).</summary>
    private static float[] Interleave(float[] p, int cells)
    {
        var steps = p.Length / cells;
        var result = new float[p.Length * 2];
        for (var t = 0; t < steps; t++)
        {
            p.AsSpan(t * cells, cells).CopyTo(result.AsSpan(t * 2 * cells, cells));
            for (var i = 0; i < cells; i++)
            {
                result[(((t * 2) + 1) * cells) + i] = 2 * p[(t * cells) + i];
            }
        }

        return result;
    }
}
