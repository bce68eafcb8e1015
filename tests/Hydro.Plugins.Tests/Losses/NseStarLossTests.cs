using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Losses.NseStar;
using Hydro.Plugins.Tests.Support;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Losses.LossData;

namespace Hydro.Plugins.Tests.Losses;

public class NseStarLossTests
{
    private static readonly long[] Shape = [2, 2, 1];

    private static BasinStatistics Std(long[] shape, params float[] std) => new() { TargetStd = torch.tensor(std, shape) };

    [Fact]
    public void WeightsEachBasinsSquaredErrorsByItsStandardDeviation()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 1, 2, 3, 5);
        var observation = F(Shape, 0, 2, 1, float.NaN);
        var mask = M(Shape, true, true, true, false);
        // Basin 0: s = 0.9 → weight 1/(0.9 + 0.1)² = 1; basin 1: s = 1.9 → weight 1/2² = 0.25.
        // (1·1² + 1·0² + 0.25·2²) / 3 observed entries = 2/3 (plain MSE would give 5/3).
        var loss = new NseStarLoss(new NseStarOptions()).Compute(prediction, observation, mask, Std([2, 1], 0.9f, 1.9f));
        Assert.Equal(2.0 / 3, loss.item<double>(), 6);
    }

    [Fact]
    public void UsesTheStandardDeviationOfEachTarget()
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [1, 1, 2];
        var loss = new NseStarLoss(new NseStarOptions { Eps = 0.5 })
            .Compute(F(shape, 2, 2), F(shape, 0, 0), M(shape, true, true), Std([1, 2], 0.5f, 1.5f));
        // (4 / 1² + 4 / 2²) / 2.
        Assert.Equal(2.5, loss.item<double>(), 6);
    }

    [Fact]
    public void GradientMatchesFiniteDifferencesInFloat64()
    {
        var observation = new double[] { 0, 2, double.NaN, 1, 0.5, -1, 3, double.NaN };
        FiniteDifference.Check(
            p =>
            {
                var o = torch.tensor(observation, [2, 2, 2]);
                var statistics = new BasinStatistics { TargetStd = torch.tensor(new double[] { 0.4, 1.3, 2.2, 0.05 }, [2, 2]) };
                return new NseStarLoss(new NseStarOptions()).Compute(p, o, o.isnan().logical_not(), statistics);
            },
            [1.0, 2.5, 3, 4, -0.2, 0.7, 1.1, 9],
            [2, 2, 2]);
    }

    [Fact]
    public void ABatchWithoutObservationsGivesZeroWithAZeroGradient()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 1, 2, 3, 4).requires_grad_();
        var loss = new NseStarLoss(new NseStarOptions())
            .Compute(prediction, F(Shape, 0, 0, 0, 0), M(Shape, false, false, false, false), Std([2, 1], 1, 1));
        Assert.Equal(0.0, loss.item<double>());
        loss.backward();
        Assert.All(prediction.grad!.data<float>(), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void ABasinWithoutStdIsAllowedWhenItHasNoObservations()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 1, 2, 3, 4).requires_grad_();
        var mask = M(Shape, true, true, false, false);
        var loss = new NseStarLoss(new NseStarOptions()).Compute(prediction, F(Shape, 0, 0, 0, 0), mask, Std([2, 1], 0.9f, float.NaN));
        Assert.Equal((1.0 + 4) / 2, loss.item<double>(), 6);
        loss.backward();
        Assert.All(prediction.grad!.data<float>(), g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void AnInvalidStdOfAnObservedBasinIsAnErrorNamingTheRow()
    {
        using var scope = torch.NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => new NseStarLoss(new NseStarOptions())
            .Compute(F(Shape, 1, 2, 3, 4), F(Shape, 0, 0, 0, 0), M(Shape, true, true, true, false), Std([2, 1], 0.9f, float.NaN)));
        Assert.Contains("row 1, target 0: NaN", e.Message);
    }

    [Fact]
    public void MissingStatisticsAreAnErrorThatSaysWhatToDo()
    {
        using var scope = torch.NewDisposeScope();
        var loss = new NseStarLoss(new NseStarOptions());
        var e = Assert.Throws<ArgumentException>(() => loss.Compute(F(Shape, 1, 2, 3, 4), F(Shape, 0, 0, 0, 0), M(Shape, true, true, true, true), null));
        Assert.Contains("BasinStatistics.TargetStd", e.Message);
        Assert.Contains("'mse'", e.Message);
        Assert.Throws<ArgumentException>(() => loss.Compute(F(Shape, 1, 2, 3, 4), F(Shape, 0, 0, 0, 0), M(Shape, true, true, true, true), new BasinStatistics()));
    }

    [Fact]
    public void StdOfTheWrongShapeIsAnError()
    {
        using var scope = torch.NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => new NseStarLoss(new NseStarOptions())
            .Compute(F(Shape, 1, 2, 3, 4), F(Shape, 0, 0, 0, 0), M(Shape, true, true, true, true), Std([1, 2], 1, 1)));
        Assert.Equal("statistics.TargetStd has shape [1, 2], expected [2, 1]", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(1001.0)]
    public void RejectsANonPositiveEps(double eps) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NseStarLoss(new NseStarOptions { Eps = eps }));
}
