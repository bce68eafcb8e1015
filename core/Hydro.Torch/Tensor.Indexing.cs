using Hydro.Torch.Native;

namespace Hydro.Torch;

public partial class Tensor
{
    // ---- indexers ---------------------------------------------------------------------------------

    /// <summary>
    /// <c>t[i0, i1, …]</c>: the view selecting index <c>i_k</c> of leading dim k (negative counts from the end).
    /// Setting copies the value (broadcast) into that view, in place.
    /// </summary>
    public Tensor this[params long[] indices]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(indices);
            return From(NativeMethods.ht_ix_select_leading(Handle, indices, indices.Length));
        }

        set
        {
            ArgumentNullException.ThrowIfNull(indices);
            ArgumentNullException.ThrowIfNull(value);
            NativeMethods.Check(NativeMethods.ht_ix_assign_leading(Handle, indices, indices.Length, value.Handle));
        }
    }

    /// <summary>
    /// <c>t[index]</c> with a bool mask (the selected elements, 1-D when the mask has this tensor's shape) or an
    /// int64 tensor of indices along dim 0 (a copy, like PyTorch's advanced indexing). Setting writes the value
    /// (broadcast) into those positions in place (<see cref="index_put_(Tensor?[], Tensor, bool)"/>).
    /// </summary>
    public Tensor this[Tensor index]
    {
        get => this.index(index);
        set => index_put_([index], value);
    }

    // ---- views: narrow, slice, select -------------------------------------------------------------

    /// <summary>A view of <paramref name="length"/> entries of dim <paramref name="dim"/> from <paramref name="start"/>.</summary>
    public Tensor narrow(long dim, long start, long length) => From(NativeMethods.ht_ix_narrow(Handle, dim, start, length));

    /// <summary>
    /// A view of entries start, start+step, … below end along <paramref name="dim"/> (Python's <c>t[..., start:end:step]</c>);
    /// null bounds mean the beginning/end, negative ones count from the end, out-of-range ones are clamped.
    /// </summary>
    public Tensor slice(long dim, long? start, long? end, long step = 1) =>
        From(NativeMethods.ht_ix_slice(Handle, dim, Bool(start.HasValue), start ?? 0, Bool(end.HasValue), end ?? 0, step));

    /// <summary>A view of entry <paramref name="index"/> of dim <paramref name="dim"/>, without that dim (negative index counts from the end).</summary>
    public Tensor select(long dim, long index) => From(NativeMethods.ht_ix_select(Handle, dim, index));

    // ---- gathers -----------------------------------------------------------------------------------

    /// <summary>The entries of dim <paramref name="dim"/> listed in the 1-D int64 <paramref name="index"/> (a copy).</summary>
    public Tensor index_select(long dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return From(NativeMethods.ht_ix_index_select(Handle, dim, index.Handle));
    }

    /// <summary><c>out[i][j] = this[index[i][j]][j]</c> for dim 0 (likewise for other dims); the result has index's shape.</summary>
    public Tensor gather(long dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return From(NativeMethods.ht_ix_gather(Handle, dim, index.Handle));
    }

    /// <summary>The elements at flat (row-major) positions <paramref name="index"/>, in index's shape.</summary>
    public Tensor take(Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return From(NativeMethods.ht_ix_take(Handle, index.Handle));
    }

    // ---- scatters ----------------------------------------------------------------------------------

    /// <summary>A copy with <c>out[index[i][j]][j] = src[i][j]</c> for dim 0 (likewise for other dims); inverse of gather.</summary>
    public Tensor scatter(long dim, Tensor index, Tensor src) => Scatter(dim, index, src, false);

    /// <summary>In-place <see cref="scatter(long, Tensor, Tensor)"/>.</summary>
    public Tensor scatter_(long dim, Tensor index, Tensor src) => Scatter(dim, index, src, true);

    /// <summary>A copy with <paramref name="value"/> written at the positions <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public Tensor scatter(long dim, Tensor index, Scalar value) => ScatterValue(dim, index, value, false);

    /// <summary>In-place <see cref="scatter(long, Tensor, Scalar)"/>.</summary>
    public Tensor scatter_(long dim, Tensor index, Scalar value) => ScatterValue(dim, index, value, true);

    /// <summary>Like scatter, but adds <paramref name="src"/> into the positions (repeated indices accumulate).</summary>
    public Tensor scatter_add(long dim, Tensor index, Tensor src) => ScatterAdd(dim, index, src, false);

    /// <summary>In-place <see cref="scatter_add(long, Tensor, Tensor)"/>.</summary>
    public Tensor scatter_add_(long dim, Tensor index, Tensor src) => ScatterAdd(dim, index, src, true);

    /// <summary>Reduces <paramref name="src"/> into the positions with <c>sum</c>, <c>prod</c>, <c>mean</c>, <c>amax</c> or <c>amin</c>.</summary>
    public Tensor scatter_reduce(long dim, Tensor index, Tensor src, string reduce, bool include_self = true) =>
        ScatterReduce(dim, index, src, reduce, include_self, false);

    /// <summary>In-place <see cref="scatter_reduce(long, Tensor, Tensor, string, bool)"/>.</summary>
    public Tensor scatter_reduce_(long dim, Tensor index, Tensor src, string reduce, bool include_self = true) =>
        ScatterReduce(dim, index, src, reduce, include_self, true);

    /// <summary>A copy with <c>alpha·source</c> slices added at the entries <paramref name="index"/> of dim <paramref name="dim"/>.</summary>
    public Tensor index_add(long dim, Tensor index, Tensor source, Scalar alpha) => IndexAdd(dim, index, source, alpha, false);

    /// <inheritdoc cref="index_add(long, Tensor, Tensor, Scalar)"/>
    public Tensor index_add(long dim, Tensor index, Tensor source) => IndexAdd(dim, index, source, 1L, false);

    /// <summary>In-place <see cref="index_add(long, Tensor, Tensor, Scalar)"/>.</summary>
    public Tensor index_add_(long dim, Tensor index, Tensor source, Scalar alpha) => IndexAdd(dim, index, source, alpha, true);

    /// <inheritdoc cref="index_add_(long, Tensor, Tensor, Scalar)"/>
    public Tensor index_add_(long dim, Tensor index, Tensor source) => IndexAdd(dim, index, source, 1L, true);

    // ---- masks -------------------------------------------------------------------------------------

    /// <summary>A copy with <paramref name="value"/> where the (broadcast) bool <paramref name="mask"/> is true.</summary>
    public Tensor masked_fill(Tensor mask, Scalar value) => MaskedFill(mask, value, false);

    /// <summary>In-place <see cref="masked_fill(Tensor, Scalar)"/>.</summary>
    public Tensor masked_fill_(Tensor mask, Scalar value) => MaskedFill(mask, value, true);

    /// <summary>A copy with the 0-dim <paramref name="value"/> where <paramref name="mask"/> is true (differentiable in value).</summary>
    public Tensor masked_fill(Tensor mask, Tensor value) => MaskedFill(mask, value, false);

    /// <summary>In-place <see cref="masked_fill(Tensor, Tensor)"/>.</summary>
    public Tensor masked_fill_(Tensor mask, Tensor value) => MaskedFill(mask, value, true);

    /// <summary>The elements where the (broadcast) bool <paramref name="mask"/> is true, as a 1-D copy.</summary>
    public Tensor masked_select(Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return From(NativeMethods.ht_ix_masked_select(Handle, mask.Handle));
    }

    // ---- advanced indexing -------------------------------------------------------------------------

    /// <summary>
    /// PyTorch's advanced indexing <c>t[i0, i1, …]</c> with int64 or bool index tensors, one per leading dim;
    /// a null entry keeps that dim whole (<c>:</c>).
    /// </summary>
    public Tensor index(params Tensor?[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var p = IndexPointers(indices);
        var r = From(NativeMethods.ht_ix_index(Handle, p, p.Length));
        GC.KeepAlive(indices);
        return r;
    }

    /// <summary>In place: <c>t[indices] = values</c> (broadcast), or <c>+=</c> with <paramref name="accumulate"/>.</summary>
    public Tensor index_put_(Tensor?[] indices, Tensor values, bool accumulate = false) => IndexPut(indices, values, accumulate, true);

    /// <summary>In place: <c>t[indices] = value</c>, or <c>+=</c> with <paramref name="accumulate"/>.</summary>
    public Tensor index_put_(Tensor?[] indices, Scalar value, bool accumulate = false) => IndexPut(indices, value, accumulate, true);

    /// <summary>Out-of-place <see cref="index_put_(Tensor?[], Tensor, bool)"/>.</summary>
    public Tensor index_put(Tensor?[] indices, Tensor values, bool accumulate = false) => IndexPut(indices, values, accumulate, false);

    /// <summary>Out-of-place <see cref="index_put_(Tensor?[], Scalar, bool)"/>.</summary>
    public Tensor index_put(Tensor?[] indices, Scalar value, bool accumulate = false) => IndexPut(indices, value, accumulate, false);

    /// <summary>Indices of the non-zero elements, one row per element: shape [count, ndim] (int64).</summary>
    public Tensor nonzero() => From(NativeMethods.ht_ix_nonzero(Handle));

    /// <summary>Same as <see cref="nonzero"/> (NumPy's name).</summary>
    public Tensor argwhere() => From(NativeMethods.ht_ix_argwhere(Handle));

    // ---- triangles and diagonals -------------------------------------------------------------------

    /// <summary>Lower triangle of the last two dims (on and below diagonal <paramref name="diagonal"/>), the rest zero.</summary>
    public Tensor tril(long diagonal = 0) => From(NativeMethods.ht_ix_tril(Handle, diagonal, 0));

    /// <summary>In-place <see cref="tril"/>.</summary>
    public Tensor tril_(long diagonal = 0) => IndexingInPlace(NativeMethods.ht_ix_tril(Handle, diagonal, 1));

    /// <summary>Upper triangle of the last two dims (on and above diagonal <paramref name="diagonal"/>), the rest zero.</summary>
    public Tensor triu(long diagonal = 0) => From(NativeMethods.ht_ix_triu(Handle, diagonal, 0));

    /// <summary>In-place <see cref="triu"/>.</summary>
    public Tensor triu_(long diagonal = 0) => IndexingInPlace(NativeMethods.ht_ix_triu(Handle, diagonal, 1));

    /// <summary>For a 1-D tensor, a square matrix with it on a diagonal; for a 2-D one, that diagonal as 1-D.</summary>
    public Tensor diag(long diagonal = 0) => From(NativeMethods.ht_ix_diag(Handle, diagonal));

    /// <summary>A view of the diagonal <paramref name="offset"/> of dims <paramref name="dim1"/>, <paramref name="dim2"/>, appended as the last dim.</summary>
    public Tensor diagonal(long offset = 0, long dim1 = 0, long dim2 = 1) => From(NativeMethods.ht_ix_diagonal(Handle, offset, dim1, dim2));

    // ---- helpers -----------------------------------------------------------------------------------

    /// <summary>Checks the result of an in-place native op, drops its extra handle and returns this tensor.</summary>
    private Tensor IndexingInPlace(IntPtr result)
    {
        NativeMethods.ht_free(NativeMethods.Check(result));
        return this;
    }

    private Tensor IndexingResult(IntPtr result, bool inplace) => inplace ? IndexingInPlace(result) : From(result);

    private static IntPtr[] IndexPointers(Tensor?[] indices)
    {
        var p = new IntPtr[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            p[i] = PointerOrZero(indices[i]);
        }

        return p;
    }

    private Tensor Scatter(long dim, Tensor index, Tensor src, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(src);
        return IndexingResult(NativeMethods.ht_ix_scatter(Handle, dim, index.Handle, src.Handle, Bool(inplace)), inplace);
    }

    private Tensor ScatterValue(long dim, Tensor index, Scalar value, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(index);
        return IndexingResult(NativeMethods.ht_ix_scatter_value(Handle, dim, index.Handle, value.Native, Bool(inplace)), inplace);
    }

    private Tensor ScatterAdd(long dim, Tensor index, Tensor src, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(src);
        return IndexingResult(NativeMethods.ht_ix_scatter_add(Handle, dim, index.Handle, src.Handle, Bool(inplace)), inplace);
    }

    private Tensor ScatterReduce(long dim, Tensor index, Tensor src, string reduce, bool includeSelf, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(src);
        ArgumentNullException.ThrowIfNull(reduce);
        return IndexingResult(NativeMethods.ht_ix_scatter_reduce(Handle, dim, index.Handle, src.Handle, reduce, Bool(includeSelf), Bool(inplace)), inplace);
    }

    private Tensor IndexAdd(long dim, Tensor index, Tensor source, Scalar alpha, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(source);
        return IndexingResult(NativeMethods.ht_ix_index_add(Handle, dim, index.Handle, source.Handle, alpha.Native, Bool(inplace)), inplace);
    }

    private Tensor MaskedFill(Tensor mask, Scalar value, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return IndexingResult(NativeMethods.ht_ix_masked_fill(Handle, mask.Handle, value.Native, Bool(inplace)), inplace);
    }

    private Tensor MaskedFill(Tensor mask, Tensor value, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(value);
        return IndexingResult(NativeMethods.ht_ix_masked_fill_tensor(Handle, mask.Handle, value.Handle, Bool(inplace)), inplace);
    }

    private Tensor IndexPut(Tensor?[] indices, Tensor values, bool accumulate, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(values);
        var p = IndexPointers(indices);
        var r = IndexingResult(NativeMethods.ht_ix_index_put(Handle, p, p.Length, values.Handle, Bool(accumulate), Bool(inplace)), inplace);
        GC.KeepAlive(indices);
        return r;
    }

    private Tensor IndexPut(Tensor?[] indices, Scalar value, bool accumulate, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var p = IndexPointers(indices);
        var r = IndexingResult(NativeMethods.ht_ix_index_put_scalar(Handle, p, p.Length, value.Native, Bool(accumulate), Bool(inplace)), inplace);
        GC.KeepAlive(indices);
        return r;
    }
}
