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

    /// <summary>√(1/N Σ_{mask} (ŷ − y)²), exactly 0 with a zero gradient at a perfect fit or without observations.</summary>
    public static Tensor Rmse(Tensor prediction, Tensor observation, Tensor mask)
    {
        using var scope = torch.NewDisposeScope();
        var mse = MeanOverObserved(Difference(prediction, observation, mask).square(), mask);
        return SafeSqrt(mse).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// √x for x ≥ 0 with a zero gradient where x = 0: √ has an infinite slope at 0, so the root is taken of
    /// <c>where(x &gt; 0, x, 1)</c> and a second <c>where</c> puts the 0 back (the NaN-free "double where").
    /// </summary>
    public static Tensor SafeSqrt(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var positive = x.gt(0);
        return torch.where(positive, torch.where(positive, x, 1.0).sqrt(), 0.0).MoveToOuterDisposeScope();
    }
}
