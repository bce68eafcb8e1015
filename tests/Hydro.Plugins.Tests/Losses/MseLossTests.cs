using Hydro.Plugins.Losses.Mse;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Losses.LossData;

namespace Hydro.Plugins.Tests.Losses;

public class MseLossTests
{
    private static readonly long[] Shape = [2, 2, 1];

    [Fact]
    public void AveragesSquaredErrorsOverObservedEntriesOnly()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 1, 2, 3, 4);
        var observation = F(Shape, 0, 2, float.NaN, 1);
        var mask = M(Shape, true, true, false, true);
        // (1² + 0² + 3²) / 3: the NaN entry is masked and the divisor counts observed entries.
        Assert.Equal(10.0 / 3, new MseLoss(new MseOptions()).Compute(prediction, observation, mask, null).item<double>(), 6);
    }

    [Fact]
    public void AveragesTheLossesOfTheTargets()
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [1, 2, 2];
        var prediction = F(shape, 1, 1, 1, 1);
        var observation = F(shape, 0, 3, 1, 1);
        var mask = M(shape, true, true, true, false);
        // Target 0: (1² + 0²) / 2; target 1: 2² / 1 (its second day is missing); each weighs 1/2 (neuralhydrology).
        Assert.Equal((0.5 * 0.5) + (0.5 * 4), new MseLoss(new MseOptions()).Compute(prediction, observation, mask, null).item<double>(), 6);
    }

    [Fact]
    public void MaskedNaNObservationsLeaveTheGradientFinite()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 1, 2, 3, 4).requires_grad_();
        var observation = F(Shape, 0, 2, float.NaN, 1);
        var mask = M(Shape, true, true, false, true);
        new MseLoss(new MseOptions()).Compute(prediction, observation, mask, null).backward();
        // d/dŷ = 2 (ŷ − y) / 3 where observed, 0 elsewhere.
        Assert.Equal([2f / 3, 0, 0, 2f], prediction.grad!.data<float>());
    }

    [Fact]
    public void ABatchWithoutObservationsGivesZeroWithAZeroGradient()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = F(Shape, 1, 2, 3, 4).requires_grad_();
        var observation = F(Shape, float.NaN, float.NaN, float.NaN, float.NaN);
        var loss = new MseLoss(new MseOptions()).Compute(prediction, observation, M(Shape, false, false, false, false), null);
        Assert.Equal(0.0, loss.item<double>());
        loss.backward();
        Assert.All(prediction.grad!.data<float>(), g => Assert.Equal(0f, g));
    }
}
