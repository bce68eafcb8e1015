using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Losses.RmseLogSqrt;

/// <summary>
/// The loss of the δ models (Feng et al. 2022, eq. 1–2): <c>(1 − α)·RMSE(Q) + α·RMSE(log10(√Q + 0.1))</c> over the
/// observed entries of the batch; the transformed term gives low flows weight.
/// </summary>
/// <remarks>
/// Meant for process models, whose predictions are in physical units and ≥ 0, and targets that are not normalised
/// (<c>training.normalize_targets: false</c>). √ has an infinite slope at 0, so before the root both prediction and
/// observation are clamped to at least <see cref="SqrtFloor"/> (10⁻⁶ target units): a prediction at or below it adds
/// a value as if it were 10⁻⁶ and passes no gradient through the transformed term (the plain RMSE term still pulls it),
/// and a negative value (a neural model's raw output, or a normalised target) is read as 10⁻⁶ there instead of
/// giving NaN. Each RMSE has a zero gradient at a perfect fit (<see cref="MaskedErrors.SafeSqrt"/>).
/// </remarks>
[Component("rmse_logsqrt", typeof(RmseLogSqrtOptions), Summary = "(1 - alpha)·RMSE(Q) + alpha·RMSE(log10(sqrt(Q) + 0.1)): the delta models' loss (Feng et al. 2022).")]
public sealed class RmseLogSqrtLoss : PerTargetLoss<RmseLogSqrtOptions>
{
    /// <summary>Smallest value put under the square root, in target units: keeps the gradient of √ finite at 0.</summary>
    public const double SqrtFloor = 1e-6;

    /// <summary>Creates the loss.</summary>
    /// <exception cref="ArgumentException"><see cref="RmseLogSqrtOptions.Alpha"/> outside [0, 1], or invalid target weights.</exception>
    public RmseLogSqrtLoss(RmseLogSqrtOptions options, ComponentContext? context = null)
        : base(options, context)
    {
        if (options.Alpha is not (>= 0 and <= 1))
        {
            throw new ArgumentException($"rmse_logsqrt: alpha must be in [0, 1] (Feng et al. 2022 use 0.25), got {options.Alpha}", nameof(options));
        }
    }

    /// <inheritdoc/>
    protected override Tensor ComputeTarget(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics, int target)
    {
        using var scope = torch.NewDisposeScope();
        var alpha = Options.Alpha;
        var observed = torch.where(mask, observation, 0.0);
        var plain = MaskedErrors.Rmse(prediction, observed, mask);
        var transformed = MaskedErrors.Rmse(Transform(prediction), Transform(observed), mask);
        return (((1 - alpha) * plain) + (alpha * transformed)).MoveToOuterDisposeScope();
    }

    /// <summary>log10(√max(Q, floor) + 0.1).</summary>
    private static Tensor Transform(Tensor q) => (q.clamp_min(SqrtFloor).sqrt() + 0.1).log10();
}
