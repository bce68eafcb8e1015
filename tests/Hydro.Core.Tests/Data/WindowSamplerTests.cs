using Hydro.Core.Data;

namespace Hydro.Core.Tests.Data;

public sealed class WindowSamplerTests
{
    private const float N = float.NaN;

    // Rows 0-1 are history (period starts at row 2); input row 6 is missing.
    private static BasinData Basin() => new(
        "b", new DateTime(2000, 1, 1), steps: 10, periodStartIndex: 2,
        dynamic: [1, 1, 1, 1, 1, 1, N, 1, 1, 1],
        @static: [3],
        targets: [1, 1, N, N, 5, N, 1, N, N, N]);

    [Fact]
    public void ValidEndsNeedAnObservedScoredTargetOnAPeriodDayAndFiniteInputs()
    {
        // L=3, n=2: scored rows e-1..e. e=2: row 1 is observed but history, row 2 missing → invalid; e=3 both missing;
        // e=4,5 see row 4; e=6..8 contain the missing input; e=9 scores rows 8-9, both missing.
        Assert.Equal([4, 5], WindowSampler.ValidEndIndices(Basin(), 3, 2, 0));

        // n=3 scores the whole window: e=2 still has only history (row 1) observed → invalid; e=3 sees nothing; e=4,5 see row 4.
        Assert.Equal([4, 5], WindowSampler.ValidEndIndices(Basin(), 3, 3, 0));

        // warmup 2 with n=3 leaves only the last step scored: e=4 (row 4) only.
        Assert.Equal([4], WindowSampler.ValidEndIndices(Basin(), 3, 3, 2));

        // L=1, n=1: every observed period row with a finite input.
        Assert.Equal([4], WindowSampler.ValidEndIndices(Basin(), 1, 1, 0));
    }

    [Fact]
    public void NanStaticAttributeRemovesEveryWindow()
    {
        var b = Basin();
        var bad = new BasinData("b", b.Start, b.Steps, b.PeriodStartIndex, b.Dynamic, [N], b.Targets);
        Assert.Empty(WindowSampler.ValidEndIndices(bad, 3, 2, 0));
    }

    [Fact]
    public void TilingWindowsCoverThePeriodBackwardsFromTheLastDay()
    {
        // stride n=2 from row 9: 9, 7 (contains the missing input → dropped), 5, 3; row 1 would end before L−1.
        Assert.Equal([3, 5, 9], WindowSampler.TilingEndIndices(Basin(), 3, 2, 0));
    }

    [Fact]
    public void EpochIsASeededPermutationOfAllWindows()
    {
        var store = StoreOf(Basin(), Basin());
        var sampler = new WindowSampler(store, 3, 2);
        Assert.Equal(4, sampler.Count);
        var e1 = sampler.Epoch(seed: 5, epoch: 1);
        Assert.Equal(e1, sampler.Epoch(seed: 5, epoch: 1));
        Assert.Equal(
            [new WindowRef(0, 4), new WindowRef(0, 5), new WindowRef(1, 4), new WindowRef(1, 5)],
            e1.OrderBy(w => w.Basin).ThenBy(w => w.End));
        var orders = Enumerable.Range(1, 20).Select(e => string.Join(";", sampler.Epoch(5, e))).Distinct().Count();
        Assert.True(orders > 1, "the order must change between epochs");
        Assert.Equal(3, sampler.Epoch(5, 1, cap: 3).Length);
        Assert.Equal(new WindowRef(1, 5), sampler.At(3));
    }

    [Fact]
    public void XoshiroStateRoundTripsAndMatchesReferenceSequence()
    {
        var a = new Xoshiro256(42);
        var state = a.State;
        var first = Enumerable.Range(0, 5).Select(_ => a.NextUInt64()).ToArray();
        var b = new Xoshiro256(0) { State = state };
        Assert.Equal(first, Enumerable.Range(0, 5).Select(_ => b.NextUInt64()).ToArray());

        // Reference: xoshiro256** with state {1, 2, 3, 4} gives 11520, 0, 1509978240, 1215971899390074240 (the reference algorithm).
        var r = new Xoshiro256(0) { State = [1, 2, 3, 4] };
        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL], Enumerable.Range(0, 4).Select(_ => r.NextUInt64()).ToArray());
        Assert.Throws<ArgumentException>(() => r.State = [0, 0, 0, 0]);
    }

    internal static BasinStore StoreOf(params BasinData[] basins)
    {
        var data = basins.Select((b, i) => (Name: $"b{i}", B: b)).ToDictionary(x => x.Name, x => (
            Dynamic: To2D(x.B.Dynamic, x.B.Steps), x.B.Static, Targets: To2D(x.B.Targets, x.B.Steps)));
        var ds = new ArrayDataset(basins[0].Start, data);
        return BasinStore.Load(ds, data.Keys, new DataVariables(["x"], ["s"], ["y"]), "train",
            basins[0].Start.AddDays(basins[0].PeriodStartIndex), basins[0].Start.AddDays(basins[0].Steps - 1), basins[0].PeriodStartIndex);
    }

    private static float[,] To2D(float[] a, int rows)
    {
        var cols = a.Length / rows;
        var r = new float[rows, cols];
        for (var i = 0; i < a.Length; i++)
        {
            r[i / cols, i % cols] = a[i];
        }

        return r;
    }
}
