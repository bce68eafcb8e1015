using Hydro.Torch.Native;

namespace Hydro.Torch;

/// <summary>Reductions and scans. Dims may be negative (counted from the end).</summary>
public partial class Tensor
{
    /// <summary>Reduces over <paramref name="dim"/>, or over everything when it is null.</summary>
    private unsafe Tensor MathReduce(ReduceOp op, long[]? dim, bool keepdim, ScalarType? dtype = null)
    {
        fixed (long* p = dim)
        {
            return From(NativeMethods.ht_reduce(Handle, op, p, dim?.Length ?? -1, Bool(keepdim), dtype.HasValue ? (int)dtype.Value : -1));
        }
    }

    private unsafe Tensor MathStdVar(int var, long[]? dim, bool unbiased, bool keepdim)
    {
        fixed (long* p = dim)
        {
            return From(NativeMethods.ht_std_var(Handle, var, p, dim?.Length ?? -1, Bool(unbiased), Bool(keepdim)));
        }
    }

    /// <summary>Sum over <paramref name="dim"/>, or of all elements when null (integers and bools sum as int64 unless <paramref name="dtype"/> is given).</summary>
    /// <remarks>There is deliberately no <c>sum(ScalarType)</c> overload: C# would bind <c>sum(0)</c> to it (0 converts to any enum).</remarks>
    public Tensor sum(long[]? dim = null, bool keepdim = false, ScalarType? dtype = null) => MathReduce(ReduceOp.Sum, dim, keepdim, dtype);

    /// <summary>Sum over one dimension.</summary>
    public Tensor sum(long dim, bool keepdim = false, ScalarType? dtype = null) => MathReduce(ReduceOp.Sum, [dim], keepdim, dtype);

    /// <summary>Mean over <paramref name="dim"/>, or of all elements when null (floating-point input, or give <paramref name="dtype"/>).</summary>
    public Tensor mean(long[]? dim = null, bool keepdim = false, ScalarType? dtype = null) => MathReduce(ReduceOp.Mean, dim, keepdim, dtype);

    /// <summary>Mean over one dimension.</summary>
    public Tensor mean(long dim, bool keepdim = false, ScalarType? dtype = null) => MathReduce(ReduceOp.Mean, [dim], keepdim, dtype);

    /// <summary>Sum treating NaN as zero, over <paramref name="dim"/> (all when null).</summary>
    public Tensor nansum(long[]? dim = null, bool keepdim = false, ScalarType? dtype = null) => MathReduce(ReduceOp.NanSum, dim, keepdim, dtype);

    /// <summary>Mean ignoring NaN, over <paramref name="dim"/> (all when null).</summary>
    public Tensor nanmean(long[]? dim = null, bool keepdim = false, ScalarType? dtype = null) => MathReduce(ReduceOp.NanMean, dim, keepdim, dtype);

    /// <summary>Standard deviation of all elements (Bessel-corrected when <paramref name="unbiased"/>).</summary>
    public Tensor std(bool unbiased = true) => MathStdVar(0, null, unbiased, false);

    /// <summary>Standard deviation over <paramref name="dim"/>.</summary>
    public Tensor std(long[] dim, bool unbiased = true, bool keepdim = false) => MathStdVar(0, dim, unbiased, keepdim);

    /// <summary>Standard deviation over one dimension.</summary>
    public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => MathStdVar(0, [dim], unbiased, keepdim);

    /// <summary>Variance of all elements (Bessel-corrected when <paramref name="unbiased"/>).</summary>
    public Tensor var(bool unbiased = true) => MathStdVar(1, null, unbiased, false);

    /// <summary>Variance over <paramref name="dim"/>.</summary>
    public Tensor var(long[] dim, bool unbiased = true, bool keepdim = false) => MathStdVar(1, dim, unbiased, keepdim);

    /// <summary>Variance over one dimension.</summary>
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => MathStdVar(1, [dim], unbiased, keepdim);

    /// <summary>Smallest element.</summary>
    public Tensor min() => From(NativeMethods.ht_min_max_all(Handle, 0));

    /// <summary>Largest element.</summary>
    public Tensor max() => From(NativeMethods.ht_min_max_all(Handle, 1));

    /// <summary>Smallest values along <paramref name="dim"/> and their indices.</summary>
    public (Tensor values, Tensor indices) min(long dim, bool keepdim = false)
    {
        var r = FromList(NativeMethods.ht_min_max_dim(Handle, 0, dim, Bool(keepdim)));
        return (r[0], r[1]);
    }

    /// <summary>Largest values along <paramref name="dim"/> and their indices.</summary>
    public (Tensor values, Tensor indices) max(long dim, bool keepdim = false)
    {
        var r = FromList(NativeMethods.ht_min_max_dim(Handle, 1, dim, Bool(keepdim)));
        return (r[0], r[1]);
    }

    /// <summary>Element-wise minimum with <paramref name="other"/> (as <see cref="minimum"/>).</summary>
    public Tensor min(Tensor other) => minimum(other);

    /// <summary>Element-wise maximum with <paramref name="other"/> (as <see cref="maximum"/>).</summary>
    public Tensor max(Tensor other) => maximum(other);

    /// <summary>Smallest values over <paramref name="dim"/> (all when null); gradient shared evenly among ties.</summary>
    public Tensor amin(long[]? dim = null, bool keepdim = false) => MathReduce(ReduceOp.Amin, dim, keepdim);

    /// <summary>Largest values over <paramref name="dim"/> (all when null); gradient shared evenly among ties.</summary>
    public Tensor amax(long[]? dim = null, bool keepdim = false) => MathReduce(ReduceOp.Amax, dim, keepdim);

    /// <summary>Index of the smallest element (flattened when <paramref name="dim"/> is null).</summary>
    public Tensor argmin(long? dim = null, bool keepdim = false) =>
        From(NativeMethods.ht_arg_min_max(Handle, 0, dim ?? 0, Bool(dim.HasValue), Bool(keepdim)));

    /// <summary>Index of the largest element (flattened when <paramref name="dim"/> is null).</summary>
    public Tensor argmax(long? dim = null, bool keepdim = false) =>
        From(NativeMethods.ht_arg_min_max(Handle, 1, dim ?? 0, Bool(dim.HasValue), Bool(keepdim)));

    /// <summary>Product over one dimension, or of all elements when <paramref name="dim"/> is null.</summary>
    public Tensor prod(long? dim = null, bool keepdim = false, ScalarType? dtype = null) =>
        From(NativeMethods.ht_prod(Handle, dim ?? 0, Bool(dim.HasValue), Bool(keepdim), dtype.HasValue ? (int)dtype.Value : -1));

    /// <summary>Cumulative sum along <paramref name="dim"/>.</summary>
    public Tensor cumsum(long dim, ScalarType? dtype = null) => From(NativeMethods.ht_cum(Handle, 0, dim, dtype.HasValue ? (int)dtype.Value : -1));

    /// <summary>Cumulative product along <paramref name="dim"/>.</summary>
    public Tensor cumprod(long dim, ScalarType? dtype = null) => From(NativeMethods.ht_cum(Handle, 1, dim, dtype.HasValue ? (int)dtype.Value : -1));

    /// <summary>log Σ exp over <paramref name="dim"/>, computed stably.</summary>
    public Tensor logsumexp(long[] dim, bool keepdim = false) => MathReduce(ReduceOp.LogSumExp, dim, keepdim);

    /// <summary>log Σ exp over one dimension, computed stably.</summary>
    public Tensor logsumexp(long dim, bool keepdim = false) => MathReduce(ReduceOp.LogSumExp, [dim], keepdim);

    /// <summary>Vector p-norm over <paramref name="dim"/> (all elements when null); p may be ±∞.</summary>
    public unsafe Tensor norm(double p = 2.0, long[]? dim = null, bool keepdim = false)
    {
        fixed (long* d = dim)
        {
            return From(NativeMethods.ht_norm(Handle, p, d, dim?.Length ?? -1, Bool(keepdim)));
        }
    }

    /// <summary>True if every element is non-zero (bool result).</summary>
    public Tensor all() => From(NativeMethods.ht_all_any(Handle, 0, 0, 0, 0));

    /// <summary>Whether every element along <paramref name="dim"/> is non-zero.</summary>
    public Tensor all(long dim, bool keepdim = false) => From(NativeMethods.ht_all_any(Handle, 0, dim, 1, Bool(keepdim)));

    /// <summary>True if any element is non-zero (bool result).</summary>
    public Tensor any() => From(NativeMethods.ht_all_any(Handle, 1, 0, 0, 0));

    /// <summary>Whether any element along <paramref name="dim"/> is non-zero.</summary>
    public Tensor any(long dim, bool keepdim = false) => From(NativeMethods.ht_all_any(Handle, 1, dim, 1, Bool(keepdim)));

    /// <summary>Number of non-zero elements over <paramref name="dim"/> (all when null).</summary>
    public Tensor count_nonzero(long[]? dim = null) => MathReduce(ReduceOp.CountNonzero, dim, false);
}
