using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Losses.Rmse;

/// <summary>Root mean squared error over the observed entries: <c>√(1/N Σ_{mask} (ŷ − y)²)</c>.</summary>
/// <remarks>
/// √ has an infinite slope at 0, so a perfect fit (or a batch without observations) would give a NaN gradient; the
/// root is taken through a second <c>where</c> so that the loss is exactly 0 there with a zero gradient.
/// </remarks>
[Component("rmse", typeof(RmseOptions), Summary = "Root mean squared error over the observed entries.")]
public sealed class RmseLoss(RmseOptions options) : Loss<RmseOptions>(options)
{
    /// <inheritdoc/>
    protected override Tensor ComputeCore(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics)
    {
        using var scope = torch.NewDisposeScope();
        var difference = MaskedErrors.Difference(prediction, observation, mask);
        var mse = MaskedErrors.MeanOverObserved(difference.square(), mask);
        var positive = mse.gt(0);
        var root = torch.where(positive, mse, 1.0).sqrt();
        return torch.where(positive, root, 0.0).MoveToOuterDisposeScope();
    }
}
