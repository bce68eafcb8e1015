using Hydro.Core.Analysis;

namespace Hydro.Core.Tests.Analysis;

public class VarianceExplainedTests
{
    [Fact]
    public void IsTheBetweenClusterShareOfTheTotalSumOfSquares()
    {
        // Mean 3.5; SS_total = 17.5; cluster means 2 and 5 → SS_between = 3·1.5² + 3·1.5² = 13.5.
        Assert.Equal(13.5 / 17.5, VarianceExplained.ByClusters([1, 2, 3, 4, 5, 6], [0, 0, 0, 1, 1, 1]), 12);
    }

    [Fact]
    public void IsOneForConstantClustersAndZeroForEqualMeans()
    {
        Assert.Equal(1.0, VarianceExplained.ByClusters([2, 2, 7, 7], [1, 1, 0, 0]), 12);
        Assert.Equal(0.0, VarianceExplained.ByClusters([1, 3, 1, 3], [0, 0, 1, 1]), 12);
    }

    [Fact]
    public void LeavesOutMissingValues()
    {
        Assert.Equal(13.5 / 17.5, VarianceExplained.ByClusters([1, 2, double.NaN, 3, 4, 5, 6], [0, 0, 1, 0, 1, 1, 1]), 12);
        Assert.True(double.IsNaN(VarianceExplained.ByClusters([4, 4, double.NaN], [0, 1, 1])));
        Assert.Throws<ArgumentException>(() => VarianceExplained.ByClusters([1, 2], [0]));
    }
}
