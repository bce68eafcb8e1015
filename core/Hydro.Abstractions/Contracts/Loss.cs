using Hydro.Abstractions.Components;
using Hydro.Torch;

namespace Hydro.Abstractions.Contracts;

/// <summary>Base class for losses: keeps the options and checks that prediction, observation and mask agree.</summary>
/// <typeparam name="TOptions">The options class named by the component's <see cref="ComponentAttribute"/>.</typeparam>
public abstract class Loss<TOptions> : ILoss
    where TOptions : class
{
    /// <summary>Creates the loss.</summary>
    protected Loss(TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The bound options.</summary>
    public TOptions Options { get; }

    /// <inheritdoc/>
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(mask);
        Shapes.Require(observation, "observation", prediction.shape);
        Shapes.Require(mask, "mask", prediction.shape);
        if (mask.dtype != ScalarType.Bool)
        {
            throw new ArgumentException($"mask must be bool, got {mask.dtype}", nameof(mask));
        }

        return ComputeCore(prediction, observation, mask, statistics);
    }

    /// <summary>The loss itself: shapes are already checked.</summary>
    protected abstract Tensor ComputeCore(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics);
}
