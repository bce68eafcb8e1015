using System.Globalization;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Losses.NseStar;

/// <summary>
/// The basin-weighted squared error NSE* of Kratzert et al. (2019, eq. 13): each squared error is divided by
/// (s(b) + ε)², s(b) being the standard deviation of basin b's observed target over the training period, so that
/// every basin counts alike whatever its flow variability.
/// </summary>
/// <remarks>
/// <c>NSE* = 1/N Σ_{b,t,k observed} (ŷ − y)² / (s(b,k) + ε)²</c>, averaged over the N observed entries of the batch
/// as in neuralhydrology's <c>MaskedNSELoss</c> (the paper's 1/B Σ_b Σ_n with the per-basin sums pooled). s comes from
/// <see cref="BasinStatistics.TargetStd"/> [B, K]. A batch without any observed entry gives 0 (attached to the graph,
/// with zero gradient), not NaN; a row whose std is NaN or negative while it has observed entries is an error. Several
/// targets are combined by <see cref="PerTargetLoss{TOptions}"/>, each with its own std column.
/// </remarks>
[Component("nse_star", typeof(NseStarOptions), Summary = "NSE* of Kratzert et al. (2019): squared errors weighted by 1/(basin std + eps)^2.")]
public sealed class NseStarLoss : PerTargetLoss<NseStarOptions>
{
    /// <summary>Creates the loss.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="NseStarOptions.Eps"/> is not a positive number.</exception>
    /// <exception cref="ArgumentException">Invalid <see cref="LossOptions.TargetWeights"/>.</exception>
    public NseStarLoss(NseStarOptions options, ComponentContext? context = null)
        : base(options, context)
    {
        if (options.Eps is not (> 0 and <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Eps, "nse_star: eps must be in (0, 1000] (in target units; Kratzert et al. 2019 use 0.1)");
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">No target std in <paramref name="statistics"/>, a std of the wrong shape, or an invalid std for a row with observations.</exception>
    protected override Tensor ComputeTarget(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics, int target)
    {
        var std = statistics?.TargetStd ?? throw new ArgumentException(
            "nse_star needs the standard deviation of each basin's target over the training period (BasinStatistics.TargetStd, "
            + "[basins, targets]); pass the batch's statistics to the loss, or use loss type 'mse' where no per-basin statistics exist");
        using var scope = torch.NewDisposeScope();
        CheckStd(std, mask, target);
        var weight = (std.unsqueeze(1) + Options.Eps).square().reciprocal().expand_as(prediction);
        var difference = MaskedErrors.Difference(prediction, observation, mask);
        var weighted = difference.square() * torch.where(mask, weight, 0.0);
        return MaskedErrors.MeanOverObserved(weighted, mask).MoveToOuterDisposeScope();
    }

    /// <summary>Rows with observations need a finite, non-negative std; rows without any may hold NaN (no training data).</summary>
    private static void CheckStd(Tensor std, Tensor mask, int target)
    {
        var invalid = std.isfinite().logical_not().logical_or(std.lt(0)).logical_and(mask.any(1));
        if (!invalid.any().item<bool>())
        {
            return;
        }

        var flags = invalid.cpu().data<bool>();
        var values = std.detach().cpu().to(ScalarType.Float64).data<double>();
        var bad = Enumerable.Range(0, flags.Length).Where(i => flags[i])
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"row {i}, target {target}: {values[i]}"));
        throw new ArgumentException("nse_star: the target standard deviation must be finite and non-negative for every basin with observations in the batch; got "
            + string.Join("; ", bad) + ". Basins without observed targets in the training period have no std: leave them out of training");
    }
}
