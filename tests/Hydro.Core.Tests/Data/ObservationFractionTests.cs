using Hydro.Core.Data;

namespace Hydro.Core.Tests.Data;

/// <summary>
/// <c>training.observation_fraction</c>'s mask on a hand-made store: 12 days, the period starts on day 2 (days 0–1 are
/// history), two targets with gaps; cut points counted by hand.
/// </summary>
public sealed class ObservationFractionTests
{
    private const float N = float.NaN;
    private static readonly DateTime Day0 = new(2000, 1, 1);

    // Basin A: y1 observed in the period on days 3, 6, 7, 8, 11 (n = 5); y2 on days 2, 3, 4, 6, 8, 9, 11 (n = 7).
    private static readonly float[] AY1 = [1, 2, N, 4, N, N, 7, 8, 9, N, N, 12];
    private static readonly float[] AY2 = [10, N, 12, 13, 14, N, 16, N, 18, 19, N, 21];

    // Basin B: y1 complete (n = 10 in the period); y2 observed in the history only (n = 0).
    private static readonly float[] BY1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    private static readonly float[] BY2 = [5, 6, N, N, N, N, N, N, N, N, N, N];

    private static float[,] Two(float[] a, float[] b)
    {
        var r = new float[a.Length, 2];
        for (var i = 0; i < a.Length; i++)
        {
            (r[i, 0], r[i, 1]) = (a[i], b[i]);
        }

        return r;
    }

    private static BasinStore Store()
    {
        var x = ArrayDataset.Column(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        return BasinStore.Load(
            new ArrayDataset(Day0, new()
            {
                ["A"] = (x, [], Two(AY1, AY2)),
                ["B"] = (x, [], Two(BY1, BY2)),
            }),
            ["A", "B"], new(["x"], [], ["y1", "y2"]), "train", Day0.AddDays(2), Day0.AddDays(11), historyDays: 2);
    }

    private static float[] Column(BasinData b, int j) => [.. Enumerable.Range(0, b.Steps).Select(t => b.Targets[(t * b.TargetCount) + j])];

    /// <summary><paramref name="values"/> with every row before <paramref name="cut"/> missing.</summary>
    private static float[] From(float[] values, int cut) => [.. values.Select((v, t) => t < cut ? N : v)];

    [Theory]
    [InlineData(10, 0.3, 3)] // 0.3·10 is 3.0000000000000004 in doubles; the rule means 3
    [InlineData(10, 0.1, 1)]
    [InlineData(10, 0.35, 4)]
    [InlineData(7, 0.5, 4)]
    [InlineData(5, 0.5, 3)]
    [InlineData(3, 1e-9, 1)]
    [InlineData(10, 1, 10)]
    [InlineData(0, 0.5, 0)]
    public void KeptIsTheCeilingOfFTimesN(int observed, double fraction, int kept) => Assert.Equal(kept, ObservationFraction.KeptOf(observed, fraction));

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void FractionsOutsideZeroToOneAreRejected(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ObservationFraction.KeptOf(10, fraction));

    [Fact]
    public void HalfKeepsTheMostRecentObservationsOfEachTargetAcrossGapsAndMasksEverythingBefore()
    {
        var store = Store();
        var result = ObservationFraction.Apply(store, 0.5);
        var (a, b) = (store.Basins[0], store.Basins[1]);

        // A.y1: ⌈2.5⌉ = 3 of 5 → days 7, 8, 11 (the cut is day 7); A.y2: ⌈3.5⌉ = 4 of 7 → days 6, 8, 9, 11.
        Assert.Equal(From(AY1, 7), Column(a, 0));
        Assert.Equal(From(AY2, 6), Column(a, 1));

        // B.y1: 5 of 10 → days 7..11; B.y2 has none in the period, so its history goes too.
        Assert.Equal(From(BY1, 7), Column(b, 0));
        Assert.All(Column(b, 1), v => Assert.True(float.IsNaN(v)));

        Assert.Equal(
        [
            new ObservationCount("A", "y1", 5, 3, Day0.AddDays(7)),
            new ObservationCount("A", "y2", 7, 4, Day0.AddDays(6)),
            new ObservationCount("B", "y1", 10, 5, Day0.AddDays(7)),
            new ObservationCount("B", "y2", 0, 0, null),
        ], result.Counts);
        Assert.Equal((22L, 12L, 2), (result.Observed, result.Kept, result.Basins));
        Assert.Equal("observation_fraction 0.5: kept 12 of 22 training observations (y1/y2) over 2 basins", result.Describe());
    }

    [Fact]
    public void ATinyFractionKeepsTheLastObservationOfEachTarget()
    {
        var store = Store();
        var result = ObservationFraction.Apply(store, 1e-6);

        Assert.Equal(From(AY1, 11), Column(store.Basins[0], 0));
        Assert.Equal(From(AY2, 11), Column(store.Basins[0], 1));
        Assert.Equal(From(BY1, 11), Column(store.Basins[1], 0));
        Assert.Equal([1, 1, 1, 0], result.Counts.Select(c => c.Kept));
    }

    [Fact]
    public void FractionOneChangesNothingNotEvenTheHistory()
    {
        var store = Store();
        var before = store.Basins.Select(b => (float[])b.Targets.Clone()).ToList();
        var result = ObservationFraction.Apply(store, 1);

        Assert.Equal(before, store.Basins.Select(b => b.Targets));
        Assert.Equal(result.Observed, result.Kept);
        Assert.Equal(Day0.AddDays(3), result.Counts[0].FirstKept);
    }

    [Fact]
    public void StatisticsAreFittedOnTheKeptValuesOnly()
    {
        var store = Store();
        var all = Normalizer.Fit(store);
        ObservationFraction.Apply(store, 0.5);
        var kept = Normalizer.Fit(store);

        static (double Mean, double Std) Moments(params double[] v)
        {
            var mean = v.Average();
            return (mean, Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)));
        }

        // y1 kept: A 8, 9, 12; B 8..12. y2 kept: A 16, 18, 19, 21 (B has none).
        var y1 = Moments(8, 9, 12, 8, 9, 10, 11, 12);
        var y2 = Moments(16, 18, 19, 21);
        Assert.Equal(y1.Mean, kept.Targets[0].Mean, 5);
        Assert.Equal(y1.Std, kept.Targets[0].Std, 5);
        Assert.Equal(y2.Mean, kept.Targets[1].Mean, 5);
        Assert.Equal(y2.Std, kept.Targets[1].Std, 5);
        Assert.Equal(Moments(8, 9, 12).Mean, kept.ForBasin("A")!.TargetMean[0], 5);
        Assert.Equal(Moments(8, 9, 10, 11, 12).Std, kept.ForBasin("B")!.TargetStd[0], 5);

        // Before masking, A.y1's period values 4, 7, 8, 9, 12 and B's 3..12 gave other statistics.
        Assert.Equal(Moments(4, 7, 8, 9, 12, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).Mean, all.Targets[0].Mean, 5);
        Assert.NotEqual(all.Targets[0].Mean, kept.Targets[0].Mean, 3);
    }

    [Fact]
    public void WindowsWhoseScoredStepsHoldNoKeptObservationAreNotSampled()
    {
        var store = Store();
        ObservationFraction.Apply(store, 0.5);

        // Windows of 3 steps scoring the last 2: A's first kept observations are on days 6 (y2) and 7 (y1).
        var sampler = new WindowSampler(store, 3, 2);
        Assert.Equal([6, 7, 8, 9, 10, 11], sampler.ValidEnds[0]);
        Assert.Equal([7, 8, 9, 10, 11], sampler.ValidEnds[1]);
    }
}
