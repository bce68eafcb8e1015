using Hydro.Torch.Native;

namespace Hydro.Torch;

public partial class Tensor
{
    // ---- reshaping ----------------------------------------------------------------------------

    /// <summary>The same elements in a new shape (a view when possible, else a copy); one size may be −1.</summary>
    public Tensor reshape(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return From(NativeMethods.ht_sh_reshape(Handle, shape, shape.Length));
    }

    /// <summary>A view with a new shape; fails when the strides do not allow one (use <see cref="reshape"/>).</summary>
    public Tensor view(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return From(NativeMethods.ht_sh_view(Handle, shape, shape.Length));
    }

    /// <summary>A view with the shape of <paramref name="other"/>.</summary>
    public Tensor view_as(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return view(other.shape);
    }

    /// <summary>Reshaped to the shape of <paramref name="other"/>.</summary>
    public Tensor reshape_as(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return reshape(other.shape);
    }

    /// <summary>Merges dims <paramref name="start_dim"/>..<paramref name="end_dim"/> into one.</summary>
    public Tensor flatten(long start_dim = 0, long end_dim = -1) => From(NativeMethods.ht_sh_flatten(Handle, start_dim, end_dim));

    /// <summary>Splits dim <paramref name="dim"/> into <paramref name="sizes"/> (one may be −1).</summary>
    public Tensor unflatten(long dim, params long[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        return From(NativeMethods.ht_sh_unflatten(Handle, dim, sizes, sizes.Length));
    }

    // ---- reordering dims --------------------------------------------------------------------------

    /// <summary>A view with the dims reordered: result dim i is input dim <c>dims[i]</c>.</summary>
    public Tensor permute(params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        return From(NativeMethods.ht_sh_permute(Handle, dims, dims.Length));
    }

    /// <summary>A view with dims <paramref name="dim0"/> and <paramref name="dim1"/> swapped.</summary>
    public Tensor transpose(long dim0, long dim1) => From(NativeMethods.ht_sh_transpose(Handle, dim0, dim1));

    /// <summary>Transpose of a tensor with at most 2 dims.</summary>
    public Tensor t() => From(NativeMethods.ht_sh_t(Handle));

    /// <summary>A view with dim <paramref name="source"/> moved to position <paramref name="destination"/>.</summary>
    public Tensor movedim(long source, long destination) => movedim([source], [destination]);

    /// <summary>A view with the dims <paramref name="source"/> moved to the positions <paramref name="destination"/>.</summary>
    public Tensor movedim(long[] source, long[] destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (source.Length != destination.Length)
        {
            throw new ArgumentException($"movedim: source has {source.Length} dims but destination has {destination.Length}");
        }

        return From(NativeMethods.ht_sh_movedim(Handle, source, destination, source.Length));
    }

    // ---- adding and removing dims of size 1 ---------------------------------------------------

    /// <summary>A view with a dim of size 1 inserted at <paramref name="dim"/>.</summary>
    public Tensor unsqueeze(long dim) => From(NativeMethods.ht_sh_unsqueeze(Handle, dim));

    /// <summary>A view without any dim of size 1.</summary>
    public Tensor squeeze() => From(NativeMethods.ht_sh_squeeze(Handle));

    /// <summary>A view without dim <paramref name="dim"/> if its size is 1 (else the same shape).</summary>
    public Tensor squeeze(long dim) => From(NativeMethods.ht_sh_squeeze_dim(Handle, dim));

    // ---- broadcasting and repetition ------------------------------------------------------------

    /// <summary>A view broadcasting dims of size 1 to <paramref name="sizes"/> (−1 keeps a size); no copy.</summary>
    public Tensor expand(params long[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        return From(NativeMethods.ht_sh_expand(Handle, sizes, sizes.Length));
    }

    /// <summary>Expanded to the shape of <paramref name="other"/>.</summary>
    public Tensor expand_as(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return expand(other.shape);
    }

    /// <summary>A view broadcast to <paramref name="shape"/> (NumPy rules).</summary>
    public Tensor broadcast_to(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return From(NativeMethods.ht_sh_broadcast_to(Handle, shape, shape.Length));
    }

    /// <summary>A copy tiled <c>repeats[i]</c> times along each dim (like <c>numpy.tile</c>).</summary>
    public Tensor repeat(params long[] repeats)
    {
        ArgumentNullException.ThrowIfNull(repeats);
        return From(NativeMethods.ht_sh_repeat(Handle, repeats, repeats.Length));
    }

    /// <summary>A copy with the order of elements reversed along <paramref name="dims"/>.</summary>
    public Tensor flip(params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        return From(NativeMethods.ht_sh_flip(Handle, dims, dims.Length));
    }

    /// <summary>Rolls the elements along <paramref name="dims"/> by <paramref name="shifts"/> (wrapping around).</summary>
    public Tensor roll(long[] shifts, long[] dims)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        ArgumentNullException.ThrowIfNull(dims);
        return From(NativeMethods.ht_sh_roll(Handle, shifts, shifts.Length, dims, dims.Length));
    }

    /// <summary>Rolls the elements along <paramref name="dim"/> by <paramref name="shifts"/>.</summary>
    public Tensor roll(long shifts, long dim) => roll([shifts], [dim]);

    /// <summary>Rolls the flattened elements by <paramref name="shifts"/>, keeping the shape.</summary>
    public Tensor roll(long shifts) => roll([shifts], []);

    // ---- splitting ------------------------------------------------------------------------------

    /// <summary>Views of consecutive pieces of <paramref name="split_size"/> along <paramref name="dim"/> (the last may be smaller).</summary>
    public Tensor[] split(long split_size, long dim = 0) => FromList(NativeMethods.ht_sh_split(Handle, split_size, dim));

    /// <summary>Views of consecutive pieces with the given sizes along <paramref name="dim"/> (they must sum to its size).</summary>
    public Tensor[] split(long[] split_sizes, long dim = 0)
    {
        ArgumentNullException.ThrowIfNull(split_sizes);
        return FromList(NativeMethods.ht_sh_split_with_sizes(Handle, split_sizes, split_sizes.Length, dim));
    }

    /// <summary>At most <paramref name="chunks"/> views of equal size (the last may be smaller) along <paramref name="dim"/>.</summary>
    public Tensor[] chunk(long chunks, long dim = 0) => FromList(NativeMethods.ht_sh_chunk(Handle, chunks, dim));

    /// <summary>The slices along <paramref name="dim"/>, each without that dim.</summary>
    public Tensor[] unbind(long dim = 0) => FromList(NativeMethods.ht_sh_unbind(Handle, dim));
}
