using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Losses.Mse;

/// <summary>Mean squared error over the observed entries: <c>1/N Σ_{mask} (ŷ − y)²</c>.</summary>
/// <remarks>
/// Every observed (basin, day) entry of a target weighs the same; targets are combined by
/// <see cref="PerTargetLoss{TOptions}"/>. A batch without any observed entry gives 0 (attached to the graph, with zero
/// gradient) rather than NaN: such a batch carries no information, and the trainer decides whether to skip it.
/// </remarks>
[Component("mse", typeof(MseOptions), Summary = "Mean squared error over the observed entries.")]
public sealed class MseLoss(MseOptions options, ComponentContext? context = null) : PerTargetLoss<MseOptions>(options, context)
{
    /// <inheritdoc/>
    protected override Tensor ComputeTarget(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics, int target)
    {
        using var scope = torch.NewDisposeScope();
        var difference = MaskedErrors.Difference(prediction, observation, mask);
        return MaskedErrors.MeanOverObserved(difference.square(), mask).MoveToOuterDisposeScope();
    }
}
