using System.Globalization;
using System.Reflection;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Losses;

/// <summary>
/// Base of the built-in losses: computes the loss of each target on its own and returns their weighted sum
/// <c>Σ_k w_k · L_k</c> (<see cref="LossOptions.TargetWeights"/>; default w_k = 1/K), as neuralhydrology does. A
/// loss implements <see cref="ComputeTarget"/> for one target.
/// </summary>
/// <remarks>
/// With one target (the usual case) the subclass sees the tensors unchanged. A target of weight 0 is not computed at
/// all, so it cannot bring a NaN into the sum. <see cref="BasinStatistics"/> are sliced to the target's column.
/// </remarks>
/// <typeparam name="TOptions">The loss's options, deriving from <see cref="LossOptions"/>.</typeparam>
public abstract class PerTargetLoss<TOptions> : Loss<TOptions>
    where TOptions : LossOptions
{
    /// <summary>Checks the weights, and their number against the experiment's targets when <paramref name="context"/> is given.</summary>
    /// <exception cref="ArgumentException">Invalid weights, or not one per target.</exception>
    protected PerTargetLoss(TOptions options, ComponentContext? context)
        : base(options)
    {
        if (LossOptions.TargetWeightsProblem(options.TargetWeights) is { } problem)
        {
            throw new ArgumentException($"{Key}: {problem}", nameof(options));
        }

        if (context is { Targets.Count: > 0 } && options.TargetWeights is { } weights && weights.Count != context.Targets.Count)
        {
            throw new ArgumentException(CountMessage(weights.Count, context.Targets.Count) + $" ({string.Join(", ", context.Targets)})", nameof(options));
        }
    }

    /// <summary>The component key from <see cref="ComponentAttribute"/>, for messages.</summary>
    protected string Key => GetType().GetCustomAttribute<ComponentAttribute>()?.Key ?? GetType().Name;

    /// <inheritdoc/>
    protected sealed override Tensor ComputeCore(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics)
    {
        var targets = prediction.size(2);
        var weights = Weights(targets);
        CheckStatistics(statistics, prediction.size(0), targets);
        if (targets == 1)
        {
            var loss = ComputeTarget(prediction, observation, mask, statistics, 0);
            if (weights[0] == 1)
            {
                return loss;
            }

            using (loss)
            {
                return loss * weights[0];
            }
        }

        using var scope = torch.NewDisposeScope();
        Tensor? total = null;
        for (var k = 0; k < targets; k++)
        {
            if (weights[k] == 0)
            {
                continue;
            }

            var term = ComputeTarget(prediction.narrow(2, k, 1), observation.narrow(2, k, 1), mask.narrow(2, k, 1), Slice(statistics, k), k) * weights[k];
            total = total is null ? term : total + term;
        }

        return total!.MoveToOuterDisposeScope();
    }

    /// <summary>The loss of one target: shapes are checked, tensors are [B, T, 1], statistics [B, 1].</summary>
    /// <param name="prediction">Predictions of the target [B, T, 1].</param>
    /// <param name="observation">Observations [B, T, 1] (ignored where <paramref name="mask"/> is false).</param>
    /// <param name="mask">True where observed [B, T, 1].</param>
    /// <param name="statistics">The target's column of the per-basin statistics [B, 1], when given.</param>
    /// <param name="target">Index of the target in the experiment's order, for messages.</param>
    protected abstract Tensor ComputeTarget(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics, int target);

    private double[] Weights(long targets)
    {
        if (Options.TargetWeights is not { } given)
        {
            return [.. Enumerable.Repeat(1.0 / targets, (int)targets)];
        }

        return given.Count == targets ? [.. given] : throw new ArgumentException(CountMessage(given.Count, targets));
    }

    private string CountMessage(int weights, long targets) => string.Create(CultureInfo.InvariantCulture,
        $"{Key}: target_weights has {weights} values but there are {targets} targets; give one weight per target, in the order of 'targets'");

    private static void CheckStatistics(BasinStatistics? statistics, long rows, long targets)
    {
        if (statistics?.TargetStd is { } std)
        {
            Shapes.Require(std, "statistics.TargetStd", rows, targets);
        }

        if (statistics?.TargetMean is { } mean)
        {
            Shapes.Require(mean, "statistics.TargetMean", rows, targets);
        }
    }

    private static BasinStatistics? Slice(BasinStatistics? statistics, long k) => statistics is null ? null : new()
    {
        TargetStd = statistics.TargetStd?.narrow(1, k, 1),
        TargetMean = statistics.TargetMean?.narrow(1, k, 1),
    };
}
