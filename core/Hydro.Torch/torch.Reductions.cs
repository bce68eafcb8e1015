namespace Hydro.Torch;

/// <summary>Reductions and scans as functions (<c>torch.sum(x, [1])</c> …).</summary>
public static partial class torch
{
    /// <inheritdoc cref="Tensor.sum(long[], bool, ScalarType?)"/>
    public static Tensor sum(Tensor input, long[]? dim = null, bool keepdim = false, ScalarType? dtype = null) => MathIn(input).sum(dim, keepdim, dtype);

    /// <inheritdoc cref="Tensor.sum(long, bool, ScalarType?)"/>
    public static Tensor sum(Tensor input, long dim, bool keepdim = false, ScalarType? dtype = null) => MathIn(input).sum(dim, keepdim, dtype);

    /// <inheritdoc cref="Tensor.mean(long[], bool, ScalarType?)"/>
    public static Tensor mean(Tensor input, long[]? dim = null, bool keepdim = false, ScalarType? dtype = null) => MathIn(input).mean(dim, keepdim, dtype);

    /// <inheritdoc cref="Tensor.mean(long, bool, ScalarType?)"/>
    public static Tensor mean(Tensor input, long dim, bool keepdim = false, ScalarType? dtype = null) => MathIn(input).mean(dim, keepdim, dtype);

    /// <inheritdoc cref="Tensor.nansum"/>
    public static Tensor nansum(Tensor input, long[]? dim = null, bool keepdim = false, ScalarType? dtype = null) => MathIn(input).nansum(dim, keepdim, dtype);

    /// <inheritdoc cref="Tensor.nanmean"/>
    public static Tensor nanmean(Tensor input, long[]? dim = null, bool keepdim = false, ScalarType? dtype = null) => MathIn(input).nanmean(dim, keepdim, dtype);

    /// <inheritdoc cref="Tensor.std(bool)"/>
    public static Tensor std(Tensor input, bool unbiased = true) => MathIn(input).std(unbiased);

    /// <inheritdoc cref="Tensor.std(long[], bool, bool)"/>
    public static Tensor std(Tensor input, long[] dim, bool unbiased = true, bool keepdim = false) => MathIn(input).std(dim, unbiased, keepdim);

    /// <inheritdoc cref="Tensor.var(bool)"/>
    public static Tensor var(Tensor input, bool unbiased = true) => MathIn(input).var(unbiased);

    /// <inheritdoc cref="Tensor.var(long[], bool, bool)"/>
    public static Tensor var(Tensor input, long[] dim, bool unbiased = true, bool keepdim = false) => MathIn(input).var(dim, unbiased, keepdim);

    /// <inheritdoc cref="Tensor.min()"/>
    public static Tensor min(Tensor input) => MathIn(input).min();

    /// <inheritdoc cref="Tensor.max()"/>
    public static Tensor max(Tensor input) => MathIn(input).max();

    /// <inheritdoc cref="Tensor.min(long, bool)"/>
    public static (Tensor values, Tensor indices) min(Tensor input, long dim, bool keepdim = false) => MathIn(input).min(dim, keepdim);

    /// <inheritdoc cref="Tensor.max(long, bool)"/>
    public static (Tensor values, Tensor indices) max(Tensor input, long dim, bool keepdim = false) => MathIn(input).max(dim, keepdim);

    /// <inheritdoc cref="Tensor.min(Tensor)"/>
    public static Tensor min(Tensor input, Tensor other) => MathIn(input).minimum(other);

    /// <inheritdoc cref="Tensor.max(Tensor)"/>
    public static Tensor max(Tensor input, Tensor other) => MathIn(input).maximum(other);

    /// <inheritdoc cref="Tensor.amin"/>
    public static Tensor amin(Tensor input, long[]? dim = null, bool keepdim = false) => MathIn(input).amin(dim, keepdim);

    /// <inheritdoc cref="Tensor.amax"/>
    public static Tensor amax(Tensor input, long[]? dim = null, bool keepdim = false) => MathIn(input).amax(dim, keepdim);

    /// <inheritdoc cref="Tensor.argmin"/>
    public static Tensor argmin(Tensor input, long? dim = null, bool keepdim = false) => MathIn(input).argmin(dim, keepdim);

    /// <inheritdoc cref="Tensor.argmax"/>
    public static Tensor argmax(Tensor input, long? dim = null, bool keepdim = false) => MathIn(input).argmax(dim, keepdim);

    /// <inheritdoc cref="Tensor.prod"/>
    public static Tensor prod(Tensor input, long? dim = null, bool keepdim = false, ScalarType? dtype = null) => MathIn(input).prod(dim, keepdim, dtype);

    /// <inheritdoc cref="Tensor.cumsum"/>
    public static Tensor cumsum(Tensor input, long dim, ScalarType? dtype = null) => MathIn(input).cumsum(dim, dtype);

    /// <inheritdoc cref="Tensor.cumprod"/>
    public static Tensor cumprod(Tensor input, long dim, ScalarType? dtype = null) => MathIn(input).cumprod(dim, dtype);

    /// <inheritdoc cref="Tensor.logsumexp(long[], bool)"/>
    public static Tensor logsumexp(Tensor input, long[] dim, bool keepdim = false) => MathIn(input).logsumexp(dim, keepdim);

    /// <inheritdoc cref="Tensor.logsumexp(long, bool)"/>
    public static Tensor logsumexp(Tensor input, long dim, bool keepdim = false) => MathIn(input).logsumexp(dim, keepdim);

    /// <inheritdoc cref="Tensor.norm"/>
    public static Tensor norm(Tensor input, double p = 2.0, long[]? dim = null, bool keepdim = false) => MathIn(input).norm(p, dim, keepdim);

    /// <inheritdoc cref="Tensor.all()"/>
    public static Tensor all(Tensor input) => MathIn(input).all();

    /// <inheritdoc cref="Tensor.all(long, bool)"/>
    public static Tensor all(Tensor input, long dim, bool keepdim = false) => MathIn(input).all(dim, keepdim);

    /// <inheritdoc cref="Tensor.any()"/>
    public static Tensor any(Tensor input) => MathIn(input).any();

    /// <inheritdoc cref="Tensor.any(long, bool)"/>
    public static Tensor any(Tensor input, long dim, bool keepdim = false) => MathIn(input).any(dim, keepdim);

    /// <inheritdoc cref="Tensor.count_nonzero"/>
    public static Tensor count_nonzero(Tensor input, long[]? dim = null) => MathIn(input).count_nonzero(dim);
}
