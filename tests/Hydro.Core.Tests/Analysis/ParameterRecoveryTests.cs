using Hydro.Core.Analysis.Runs;

namespace Hydro.Core.Tests.Analysis;

/// <summary>The scores of <see cref="RecoveryAnalysis.Compare"/> against values worked out by hand.</summary>
public sealed class ParameterRecoveryTests
{
    [Fact]
    public void ScoresMatchTheHandComputedValues()
    {
        // truth mean 7/3: SST = 14/3, SSE = 1 → R² = 1 − 3/14; sxy = 3, sxx = 2 → r² = 9 / (2 · 14/3) = 27/28.
        var r = RecoveryAnalysis.Compare("FC", [1, 2, 3], [1, 2, 4]);
        Assert.Equal(3, r.Basins);
        Assert.Equal(1 - (3.0 / 14), r.R2, 12);
        Assert.Equal(27.0 / 28, r.Pearson2, 12);
        Assert.Equal(Math.Sqrt(1.0 / 3), r.Rmse, 12);
        Assert.Equal(-1.0 / 3, r.Bias, 12);
        Assert.Equal((1.0, 4.0), (r.TrueMin, r.TrueMax));
    }

    [Fact]
    public void BiasLowersRSquaredButNotTheCorrelation()
    {
        var r = RecoveryAnalysis.Compare("K2", [2, 3, 4], [1, 2, 3]);
        Assert.Equal(1, r.Pearson2, 12);
        Assert.Equal(1 - (3.0 / 2), r.R2, 12);
        Assert.Equal(1, r.Bias, 12);
    }

    [Fact]
    public void AConstantTruthHasNoRSquaredAndNoBasinsNothing()
    {
        var constant = RecoveryAnalysis.Compare("CFR", [0.04, 0.06], [0.05, 0.05]);
        Assert.True(double.IsNaN(constant.R2) && double.IsNaN(constant.Pearson2));
        Assert.Equal(0.01, constant.Rmse, 12);
        Assert.True(double.IsNaN(RecoveryAnalysis.Compare("FC", [], []).R2));
    }
}
