using Hydro.Core.Metrics;

namespace Hydro.Core.Tests.Metrics;

/// <summary>The find_peaks subset, on cases small enough to check by eye (same answers as scipy.signal.find_peaks).</summary>
public sealed class PeakFinderTests
{
    [Theory]
    [InlineData(new double[] { 0, 1, 0 }, new[] { 1 })]
    [InlineData(new double[] { 0, 1, 1, 1, 0 }, new[] { 2 })] // plateau 1..3 → middle 2
    [InlineData(new double[] { 0, 1, 1, 0 }, new[] { 1 })] // plateau 1..2 → (1+2)/2 rounded down
    [InlineData(new double[] { 0, 1, 1 }, new int[0])] // a plateau running to the end is no peak
    [InlineData(new double[] { 3, 1, 2 }, new int[0])] // the ends are never peaks
    [InlineData(new double[] { 0, 2, 2, 3, 0 }, new[] { 3 })] // a shoulder is not a plateau peak
    public void LocalMaxima(double[] x, int[] expected) => Assert.Equal(expected, PeakFinder.LocalMaxima(x));

    [Fact]
    public void DistanceKeepsTheHighestFirst()
    {
        // peaks at 1 (5), 3 (3), 5 (4); distance 3: 1 is kept and removes 3 (2 apart); 5 is 4 from 1 and stays
        double[] x = [0, 5, 0, 3, 0, 4, 0];
        Assert.Equal([1, 5], PeakFinder.Find(x, 3, 0));
        Assert.Equal([1, 3, 5], PeakFinder.Find(x, 2, 0));
        Assert.Equal([1], PeakFinder.Find(x, 5, 0));
    }

    [Fact]
    public void DistanceBreaksExactTiesTowardsTheLaterPeak()
    {
        double[] x = [0, 4, 0, 4, 0];
        Assert.Equal([3], PeakFinder.Find(x, 3, 0));
    }

    [Fact]
    public void Prominence()
    {
        // peak 3 (height 3): walking left stops at 5 (min seen 1); right reaches the end (min 0) → 3 − max(1, 0) = 2
        double[] x = [0, 5, 1, 3, 0];
        Assert.Equal(2, PeakFinder.Prominence(x, 3));
        Assert.Equal(5, PeakFinder.Prominence(x, 1)); // 5 − max(0, 0)
        Assert.Equal([1, 3], PeakFinder.Find(x, 1, 2));
        Assert.Equal([1], PeakFinder.Find(x, 1, 2.5));
    }
}
