using Hydro.Plugins.Losses.Rmse;
using Hydro.Plugins.Tests.Support;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Losses.LossData;

namespace Hydro.Plugins.Tests.Losses;

public class RmseLossTests
{
    private static readonly long[] Shape = [2, 2, 1];

    [Fact]
    public void IsTheRootOfTheMaskedMeanSquaredError()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 1, 2, 3, 4);
        var observation = F(Shape, 0, 2, float.NaN, 1);
        var mask = M(Shape, true, true, false, true);
        Assert.Equal(Math.Sqrt(10.0 / 3), new RmseLoss(new RmseOptions()).Compute(prediction, observation, mask, null).item<double>(), 6);
    }

    [Fact]
    public void APerfectFitGivesZeroAndAFiniteGradient()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 1, 2, 3, 4).requires_grad_();
        var loss = new RmseLoss(new RmseOptions()).Compute(prediction, F(Shape, 1, 2, 3, 4), M(Shape, true, true, true, true), null);
        Assert.Equal(0.0, loss.item<double>());
        loss.backward();
        Assert.All(prediction.grad!.data<float>(), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void GradientMatchesFiniteDifferences()
    {
        var observation = new double[] { 0, 2, double.NaN, 1, 0.5, -1 };
        FiniteDifference.Check(
            p =>
            {
                var o = torch.tensor(observation, [2, 3, 1]);
                return new RmseLoss(new RmseOptions()).Compute(p, o, o.isnan().logical_not(), null);
            },
            [1.0, 2.5, 3, 4, -0.2, 0.7],
            [2, 3, 1]);
    }
}
