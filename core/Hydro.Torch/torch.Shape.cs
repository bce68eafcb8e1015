using Hydro.Torch.Native;

namespace Hydro.Torch;

public static partial class torch
{
    // ---- joining ----------------------------------------------------------------------------------

    /// <summary>Concatenates tensors of equal shape (except in <paramref name="dim"/>) along <paramref name="dim"/>.</summary>
    public static Tensor cat(Tensor[] tensors, long dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var p = Tensor.Pointers(tensors);
        var r = Tensor.From(NativeMethods.ht_sh_cat(p, p.Length, dim));
        Tensor.KeepAlive(tensors);
        return r;
    }

    /// <inheritdoc cref="cat(Tensor[], long)"/>
    public static Tensor cat(IEnumerable<Tensor> tensors, long dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        return cat(tensors.ToArray(), dim);
    }

    /// <summary>Alias of <see cref="cat(Tensor[], long)"/>.</summary>
    public static Tensor concat(Tensor[] tensors, long dim = 0) => cat(tensors, dim);

    /// <summary>Joins tensors of equal shape along a new dim <paramref name="dim"/>.</summary>
    public static Tensor stack(Tensor[] tensors, long dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var p = Tensor.Pointers(tensors);
        var r = Tensor.From(NativeMethods.ht_sh_stack(p, p.Length, dim));
        Tensor.KeepAlive(tensors);
        return r;
    }

    /// <inheritdoc cref="stack(Tensor[], long)"/>
    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        return stack(tensors.ToArray(), dim);
    }

    // ---- splitting --------------------------------------------------------------------------------

    /// <inheritdoc cref="Tensor.split(long, long)"/>
    public static Tensor[] split(Tensor tensor, long split_size, long dim = 0) => ShapeArg(tensor).split(split_size, dim);

    /// <inheritdoc cref="Tensor.split(long[], long)"/>
    public static Tensor[] split(Tensor tensor, long[] split_sizes, long dim = 0) => ShapeArg(tensor).split(split_sizes, dim);

    /// <inheritdoc cref="Tensor.chunk(long, long)"/>
    public static Tensor[] chunk(Tensor tensor, long chunks, long dim = 0) => ShapeArg(tensor).chunk(chunks, dim);

    /// <inheritdoc cref="Tensor.unbind(long)"/>
    public static Tensor[] unbind(Tensor tensor, long dim = 0) => ShapeArg(tensor).unbind(dim);

    // ---- shape ------------------------------------------------------------------------------------

    /// <inheritdoc cref="Tensor.reshape(long[])"/>
    public static Tensor reshape(Tensor input, params long[] shape) => ShapeArg(input).reshape(shape);

    /// <inheritdoc cref="Tensor.flatten(long, long)"/>
    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => ShapeArg(input).flatten(start_dim, end_dim);

    /// <inheritdoc cref="Tensor.unflatten(long, long[])"/>
    public static Tensor unflatten(Tensor input, long dim, params long[] sizes) => ShapeArg(input).unflatten(dim, sizes);

    /// <inheritdoc cref="Tensor.permute(long[])"/>
    public static Tensor permute(Tensor input, params long[] dims) => ShapeArg(input).permute(dims);

    /// <inheritdoc cref="Tensor.transpose(long, long)"/>
    public static Tensor transpose(Tensor input, long dim0, long dim1) => ShapeArg(input).transpose(dim0, dim1);

    /// <inheritdoc cref="Tensor.t"/>
    public static Tensor t(Tensor input) => ShapeArg(input).t();

    /// <inheritdoc cref="Tensor.movedim(long, long)"/>
    public static Tensor movedim(Tensor input, long source, long destination) => ShapeArg(input).movedim(source, destination);

    /// <inheritdoc cref="Tensor.unsqueeze(long)"/>
    public static Tensor unsqueeze(Tensor input, long dim) => ShapeArg(input).unsqueeze(dim);

    /// <inheritdoc cref="Tensor.squeeze()"/>
    public static Tensor squeeze(Tensor input) => ShapeArg(input).squeeze();

    /// <inheritdoc cref="Tensor.squeeze(long)"/>
    public static Tensor squeeze(Tensor input, long dim) => ShapeArg(input).squeeze(dim);

    /// <inheritdoc cref="Tensor.broadcast_to(long[])"/>
    public static Tensor broadcast_to(Tensor input, params long[] shape) => ShapeArg(input).broadcast_to(shape);

    /// <inheritdoc cref="Tensor.flip(long[])"/>
    public static Tensor flip(Tensor input, params long[] dims) => ShapeArg(input).flip(dims);

    /// <inheritdoc cref="Tensor.roll(long[], long[])"/>
    public static Tensor roll(Tensor input, long[] shifts, long[] dims) => ShapeArg(input).roll(shifts, dims);

    /// <inheritdoc cref="Tensor.roll(long, long)"/>
    public static Tensor roll(Tensor input, long shifts, long dim) => ShapeArg(input).roll(shifts, dim);

    // ---- indexing ---------------------------------------------------------------------------------

    /// <inheritdoc cref="Tensor.narrow(long, long, long)"/>
    public static Tensor narrow(Tensor input, long dim, long start, long length) => ShapeArg(input).narrow(dim, start, length);

    /// <inheritdoc cref="Tensor.select(long, long)"/>
    public static Tensor select(Tensor input, long dim, long index) => ShapeArg(input).select(dim, index);

    /// <inheritdoc cref="Tensor.index_select(long, Tensor)"/>
    public static Tensor index_select(Tensor input, long dim, Tensor index) => ShapeArg(input).index_select(dim, index);

    /// <inheritdoc cref="Tensor.gather(long, Tensor)"/>
    public static Tensor gather(Tensor input, long dim, Tensor index) => ShapeArg(input).gather(dim, index);

    /// <inheritdoc cref="Tensor.take(Tensor)"/>
    public static Tensor take(Tensor input, Tensor index) => ShapeArg(input).take(index);

    /// <inheritdoc cref="Tensor.scatter(long, Tensor, Tensor)"/>
    public static Tensor scatter(Tensor input, long dim, Tensor index, Tensor src) => ShapeArg(input).scatter(dim, index, src);

    /// <inheritdoc cref="Tensor.scatter(long, Tensor, Scalar)"/>
    public static Tensor scatter(Tensor input, long dim, Tensor index, Scalar value) => ShapeArg(input).scatter(dim, index, value);

    /// <inheritdoc cref="Tensor.scatter_add(long, Tensor, Tensor)"/>
    public static Tensor scatter_add(Tensor input, long dim, Tensor index, Tensor src) => ShapeArg(input).scatter_add(dim, index, src);

    /// <inheritdoc cref="Tensor.scatter_reduce(long, Tensor, Tensor, string, bool)"/>
    public static Tensor scatter_reduce(Tensor input, long dim, Tensor index, Tensor src, string reduce, bool include_self = true) =>
        ShapeArg(input).scatter_reduce(dim, index, src, reduce, include_self);

    /// <inheritdoc cref="Tensor.index_add(long, Tensor, Tensor, Scalar)"/>
    public static Tensor index_add(Tensor input, long dim, Tensor index, Tensor source, Scalar alpha) => ShapeArg(input).index_add(dim, index, source, alpha);

    /// <inheritdoc cref="Tensor.index_add(long, Tensor, Tensor)"/>
    public static Tensor index_add(Tensor input, long dim, Tensor index, Tensor source) => ShapeArg(input).index_add(dim, index, source);

    /// <inheritdoc cref="Tensor.masked_fill(Tensor, Scalar)"/>
    public static Tensor masked_fill(Tensor input, Tensor mask, Scalar value) => ShapeArg(input).masked_fill(mask, value);

    /// <inheritdoc cref="Tensor.masked_fill(Tensor, Tensor)"/>
    public static Tensor masked_fill(Tensor input, Tensor mask, Tensor value) => ShapeArg(input).masked_fill(mask, value);

    /// <inheritdoc cref="Tensor.masked_select(Tensor)"/>
    public static Tensor masked_select(Tensor input, Tensor mask) => ShapeArg(input).masked_select(mask);

    /// <inheritdoc cref="Tensor.index_put(Tensor?[], Tensor, bool)"/>
    public static Tensor index_put(Tensor input, Tensor?[] indices, Tensor values, bool accumulate = false) =>
        ShapeArg(input).index_put(indices, values, accumulate);

    /// <inheritdoc cref="Tensor.nonzero"/>
    public static Tensor nonzero(Tensor input) => ShapeArg(input).nonzero();

    /// <inheritdoc cref="Tensor.argwhere"/>
    public static Tensor argwhere(Tensor input) => ShapeArg(input).argwhere();

    /// <summary>
    /// <c>torch.where(condition)</c>: the indices of the non-zero elements as one int64 tensor per dim of
    /// <paramref name="condition"/> (same as <c>nonzero(as_tuple=True)</c>).
    /// </summary>
    public static Tensor[] where(Tensor condition) =>
        Tensor.FromList(NativeMethods.ht_ix_where_cond(ShapeArg(condition).Handle));

    /// <inheritdoc cref="Tensor.tril(long)"/>
    public static Tensor tril(Tensor input, long diagonal = 0) => ShapeArg(input).tril(diagonal);

    /// <inheritdoc cref="Tensor.triu(long)"/>
    public static Tensor triu(Tensor input, long diagonal = 0) => ShapeArg(input).triu(diagonal);

    /// <inheritdoc cref="Tensor.diag(long)"/>
    public static Tensor diag(Tensor input, long diagonal = 0) => ShapeArg(input).diag(diagonal);

    /// <inheritdoc cref="Tensor.diagonal(long, long, long)"/>
    public static Tensor diagonal(Tensor input, long offset = 0, long dim1 = 0, long dim2 = 1) => ShapeArg(input).diagonal(offset, dim1, dim2);

    private static Tensor ShapeArg(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input;
    }
}
