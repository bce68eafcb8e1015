using Hydro.Plugins.Losses.Rmse;
using Hydro.Plugins.Losses.RmseLogSqrt;
using Hydro.Plugins.Tests.Support;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Losses.LossData;

namespace Hydro.Plugins.Tests.Losses;

public class RmseLogSqrtLossTests
{
    private static readonly long[] Shape = [2, 2, 1];

    private static double T(double q) => Math.Log10(Math.Sqrt(q) + 0.1);

    [Fact]
    public void CombinesThePlainAndTheTransformedRmse()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 1, 4, 9, 0.25f);
        var observation = F(Shape, 0.25f, 4, float.NaN, 1);
        var mask = M(Shape, true, true, false, true);
        // Observed pairs (1, 0.25), (4, 4), (0.25, 1); the NaN entry is masked.
        var plain = Math.Sqrt((0.75 * 0.75 + 0 + 0.75 * 0.75) / 3);
        var transformed = Math.Sqrt((Math.Pow(T(1) - T(0.25), 2) + 0 + Math.Pow(T(0.25) - T(1), 2)) / 3);
        var loss = new RmseLogSqrtLoss(new RmseLogSqrtOptions()).Compute(prediction, observation, mask, null).item<double>();
        Assert.Equal((0.75 * plain) + (0.25 * transformed), loss, 6);

        var half = new RmseLogSqrtLoss(new RmseLogSqrtOptions { Alpha = 0.5 }).Compute(prediction, observation, mask, null).item<double>();
        Assert.Equal((0.5 * plain) + (0.5 * transformed), half, 6);
    }

    [Fact]
    public void AlphaZeroIsThePlainRmse()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 1, 2, 3, 4);
        var observation = F(Shape, 0, 2, 5, 1);
        var mask = M(Shape, true, true, false, true);
        Assert.Equal(
            new RmseLoss(new RmseOptions()).Compute(prediction, observation, mask, null).item<double>(),
            new RmseLogSqrtLoss(new RmseLogSqrtOptions { Alpha = 0 }).Compute(prediction, observation, mask, null).item<double>(),
            6);
    }

    [Fact]
    public void GradientMatchesFiniteDifferencesInFloat64()
    {
        var observation = new double[] { 0, 2, double.NaN, 1, 0.5, 3 };
        FiniteDifference.Check(
            p =>
            {
                var o = torch.tensor(observation, [2, 3, 1]);
                return new RmseLogSqrtLoss(new RmseLogSqrtOptions()).Compute(p, o, o.isnan().logical_not(), null);
            },
            [1.0, 2.5, 3, 4, 0.2, 0.7],
            [2, 3, 1]);
    }

    [Fact]
    public void ZeroAndNegativePredictionsKeepTheGradientFinite()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 0, -0.5f, 2, 0).requires_grad_();
        var loss = new RmseLogSqrtLoss(new RmseLogSqrtOptions()).Compute(prediction, F(Shape, 0, 1, 2, 3), M(Shape, true, true, true, true), null);
        Assert.True(double.IsFinite(loss.item<double>()));
        loss.backward();
        var grad = prediction.grad!.data<float>();
        Assert.All(grad, g => Assert.True(float.IsFinite(g)));
        // Below the floor only the plain RMSE pulls: its gradient there is (1 − α)(ŷ − y)/(N·RMSE).
        var rmse = Math.Sqrt((0 + 2.25 + 0 + 9) / 4.0);
        Assert.Equal(0.75 * (0 - 3) / (4 * rmse), grad[3], 5);
    }

    [Fact]
    public void APerfectFitGivesZeroWithAZeroGradient()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 1, 2, 3, 4).requires_grad_();
        var loss = new RmseLogSqrtLoss(new RmseLogSqrtOptions()).Compute(prediction, F(Shape, 1, 2, 3, 4), M(Shape, true, true, true, true), null);
        Assert.Equal(0.0, loss.item<double>());
        loss.backward();
        Assert.All(prediction.grad!.data<float>(), g => Assert.Equal(0f, g));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void RejectsAlphaOutsideZeroToOne(double alpha) =>
        Assert.Contains("alpha", Assert.Throws<ArgumentException>(() => new RmseLogSqrtLoss(new RmseLogSqrtOptions { Alpha = alpha })).Message);
}
