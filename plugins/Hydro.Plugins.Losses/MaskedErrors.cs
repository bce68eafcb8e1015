using Hydro.Torch;

namespace Hydro.Plugins.Losses;

/// <summary>The masked error arithmetic the losses share.</summary>
/// <remarks>
/// Unobserved entries are replaced by zero with <c>where</c> <em>before</em> anything is squared or weighted, so NaN
/// observations (or NaN weights of rows without observations) reach neither the value nor the gradient.
/// </remarks>
internal static class MaskedErrors
{
    /// <summary>(ŷ − y) where observed, 0 elsewhere [B, T, K].</summary>
    public static Tensor Difference(Tensor prediction, Tensor observation, Tensor mask) =>
        torch.where(mask, prediction - observation, 0.0);

    /// <summary>
    /// Σ <paramref name="values"/> / max(n, 1) with n the number of observed entries: the mean over observed entries,
    /// and an exact 0 (still attached to the graph, with zero gradient) when nothing is observed.
    /// </summary>
    public static Tensor MeanOverObserved(Tensor values, Tensor mask) =>
        values.sum() / mask.sum(dtype: values.dtype).clamp_min(1);
}
