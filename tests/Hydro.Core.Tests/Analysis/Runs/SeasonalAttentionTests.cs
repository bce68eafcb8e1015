using Hydro.Core.Analysis.Runs;

namespace Hydro.Core.Tests.Analysis.Runs;

/// <summary>The seasonal means of <c>hydro attention</c> on hand-written maps.</summary>
public sealed class SeasonalAttentionTests
{
    [Theory]
    [InlineData(12, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 2)]
    [InlineData(9, 3)]
    [InlineData(11, 3)]
    public void MonthsFallInTheirMeteorologicalSeason(int month, int season) =>
        Assert.Equal(season, SeasonalAttention.SeasonOf(new DateTime(2001, month, 15, 6, 0, 0)));

    [Fact]
    public void AveragesPerSeasonCropsThePaddingAndBlanksCellsOutsideTheMask()
    {
        // The basin's grid is 2 × 3; the batch grid is padded to 3 × 4 (rows and columns added at the end).
        bool[,] mask = { { true, false, true }, { true, true, false } };
        var sums = new SeasonalAttention(2);
        static float[] Map(float v) => [.. Enumerable.Range(0, 12).Select(k => v + k)]; // cell (i, j) holds v + 4i + j
        sums.Add("b", mask, new DateTime(2001, 1, 10), Map(0), 0, 4, [0.2f, 0.8f], 0);
        sums.Add("b", mask, new DateTime(2001, 12, 31), Map(10), 0, 4, [0.4f, 0.6f], 0);
        var two = Map(100).Concat(Map(20)).ToArray(); // a batch of two steps: the second is April
        sums.Add("b", mask, new DateTime(2001, 4, 1), two, 12, 4, [9f, 9f, 0.5f, 0.5f], 2);

        var (basin, spatial, feature, steps) = Assert.Single(sums.Means());
        Assert.Equal("b", basin);
        Assert.Equal([2, 1, 0, 0], steps);
        Assert.Equal(new[] { 4, 2, 3 }, new[] { spatial.GetLength(0), spatial.GetLength(1), spatial.GetLength(2) });
        Assert.Equal(5.0, spatial[0, 0, 0], 1e-12);      // (0 + 10) / 2
        Assert.Equal(7.0, spatial[0, 0, 2], 1e-12);      // (2 + 12) / 2
        Assert.Equal(9.0, spatial[0, 1, 0], 1e-12);      // (4 + 14) / 2: row 1 starts at index 4 of the padded row
        Assert.Equal(10.0, spatial[0, 1, 1], 1e-12);
        Assert.True(double.IsNaN(spatial[0, 0, 1]));     // outside the mask
        Assert.True(double.IsNaN(spatial[0, 1, 2]));
        Assert.Equal(25.0, spatial[1, 1, 1], 1e-12);     // 20 + 4 + 1
        Assert.True(double.IsNaN(spatial[2, 0, 0]));     // no summer step
        Assert.Equal(0.3, feature[0, 0], 1e-6);
        Assert.Equal(0.7, feature[0, 1], 1e-6);
        Assert.Equal(0.5, feature[1, 0], 1e-6);
        Assert.True(double.IsNaN(feature[3, 1]));
    }
}
