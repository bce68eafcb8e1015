using System.Globalization;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Losses.Kge;

/// <summary>
/// 1 − KGE, the Kling–Gupta efficiency of Gupta et al. (2009), over the observed entries: per batch row (a basin's
/// window) and averaged over rows, or pooled over the batch (<see cref="KgeOptions.Over"/>).
/// </summary>
/// <remarks>
/// <c>KGE = 1 − √((r − 1)² + (α − 1)² + (β − 1)²)</c>, r the Pearson correlation of simulation and observation,
/// α = σ_s/σ_o, β = μ_s/μ_o, all over the observed entries of the group (population moments; α and r do not depend on
/// the choice). <c>sample</c> (default) is the KGE of each basin's window, as a δ model trained on long windows sees
/// it; rows with fewer than 2 observed entries, an observed variance ≤ ε or |μ_o| ≤ ε are left out (their KGE is
/// undefined) and the loss is the mean of 1 − KGE over the others — 0 with a zero gradient if none is left. A batch
/// that has observations but no row with 2 of them is an error (the loss would never learn): with
/// <c>predict_last_n: 1</c> use <c>over: batch</c>. β needs targets in physical units: a normalised target has a mean
/// near 0. σ_s = √(var_s + ε) keeps the gradient finite for a constant simulation; the outer root has a zero gradient
/// at a perfect fit.
/// </remarks>
[Component("kge", typeof(KgeOptions), Summary = "1 - KGE (Gupta et al. 2009) over the observed entries, per basin window or over the batch.")]
public sealed class KgeLoss : PerTargetLoss<KgeOptions>
{
    /// <summary>Creates the loss.</summary>
    /// <exception cref="ArgumentException">ε outside (0, 1], or invalid target weights.</exception>
    public KgeLoss(KgeOptions options, ComponentContext? context = null)
        : base(options, context)
    {
        if (options.Eps is not (> 0 and <= 1))
        {
            throw new ArgumentException($"kge: eps must be in (0, 1], got {options.Eps}", nameof(options));
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">Grouping by sample, and no row has 2 observed entries although some are observed.</exception>
    protected override Tensor ComputeTarget(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics, int target)
    {
        using var scope = torch.NewDisposeScope();
        var rows = Options.Over == KgeGrouping.Batch ? 1 : prediction.size(0);
        var sim = prediction.reshape(rows, -1);
        var obs = observation.reshape(rows, -1);
        var observed = mask.reshape(rows, -1);
        var count = observed.sum(1, dtype: sim.dtype);
        if (Options.Over == KgeGrouping.Sample && count.max().item<double>() is > 0 and < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"kge (over: sample) needs at least 2 observed steps in a batch row to compute its KGE, but no row of this batch has more than 1 (target {target}); score more steps per window (training.predict_last_n ≥ 2) or set 'over: batch' on the loss"));
        }

        return OneMinusKge(sim, torch.where(observed, obs, 0.0), observed, count, Options.Eps).MoveToOuterDisposeScope();
    }

    /// <summary>Mean over the valid rows of √((r − 1)² + (α − 1)² + (β − 1)²); rows [R, N], <paramref name="count"/> [R].</summary>
    private static Tensor OneMinusKge(Tensor sim, Tensor obs, Tensor mask, Tensor count, double eps)
    {
        var n = count.clamp_min(1);
        var muS = torch.where(mask, sim, 0.0).sum(1) / n;
        var muO = obs.sum(1) / n;
        var ds = torch.where(mask, sim - muS.unsqueeze(1), 0.0);
        var dO = torch.where(mask, obs - muO.unsqueeze(1), 0.0);
        var varS = ds.square().sum(1) / n;
        var varO = dO.square().sum(1) / n;
        var cov = (ds * dO).sum(1) / n;

        // Rows whose KGE is undefined get harmless stand-ins before any division, so no NaN reaches the gradient.
        var valid = count.ge(2).logical_and(varO.gt(eps)).logical_and(muO.abs().gt(eps));
        var sdO = torch.where(valid, varO, 1.0).sqrt();
        var meanO = torch.where(valid, muO, 1.0);
        var sdS = (varS + eps).sqrt();
        var r = cov / (sdS * sdO);
        var alpha = sdS / sdO;
        var beta = muS / meanO;
        var distance = MaskedErrors.SafeSqrt((r - 1).square() + (alpha - 1).square() + (beta - 1).square());
        return torch.where(valid, distance, 0.0).sum() / valid.sum(dtype: sim.dtype).clamp_min(1);
    }
}
