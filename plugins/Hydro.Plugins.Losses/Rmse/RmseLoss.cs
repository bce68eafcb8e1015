using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Losses.Rmse;

/// <summary>Root mean squared error over the observed entries: <c>√(1/N Σ_{mask} (ŷ − y)²)</c>.</summary>
/// <remarks>
/// √ has an infinite slope at 0, so a perfect fit (or a batch without observations) would give a NaN gradient; the
/// root is taken by <see cref="MaskedErrors.SafeSqrt"/>, so that the loss is exactly 0 there with a zero gradient.
/// </remarks>
[Component("rmse", typeof(RmseOptions), Summary = "Root mean squared error over the observed entries.")]
public sealed class RmseLoss(RmseOptions options, ComponentContext? context = null) : PerTargetLoss<RmseOptions>(options, context)
{
    /// <inheritdoc/>
    protected override Tensor ComputeTarget(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics, int target) =>
        MaskedErrors.Rmse(prediction, observation, mask);
}
