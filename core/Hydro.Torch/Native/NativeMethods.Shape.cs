using System.Runtime.InteropServices;

namespace Hydro.Torch.Native;

/// <summary>Entry points of the shape (ops_shape.cpp, ht_sh_*) and indexing (ops_index.cpp, ht_ix_*) ops.</summary>
internal static partial class NativeMethods
{
    // ---- shape ----------------------------------------------------------------------------
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_reshape(TensorHandle t, long[] shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_view(TensorHandle t, long[] shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_flatten(TensorHandle t, long startDim, long endDim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_unflatten(TensorHandle t, long dim, long[] sizes, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_permute(TensorHandle t, long[] dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_transpose(TensorHandle t, long dim0, long dim1);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_t(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_movedim(TensorHandle t, long[] source, long[] destination, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_unsqueeze(TensorHandle t, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_squeeze(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_squeeze_dim(TensorHandle t, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_expand(TensorHandle t, long[] shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_broadcast_to(TensorHandle t, long[] shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_repeat(TensorHandle t, long[] repeats, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_flip(TensorHandle t, long[] dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_roll(TensorHandle t, long[] shifts, int ns, long[] dims, int nd);

    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_cat(IntPtr[] tensors, int n, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_stack(IntPtr[] tensors, int n, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_split(TensorHandle t, long size, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_split_with_sizes(TensorHandle t, long[] sizes, int n, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_chunk(TensorHandle t, long chunks, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sh_unbind(TensorHandle t, long dim);

    // ---- indexing ---------------------------------------------------------------------------
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_narrow(TensorHandle t, long dim, long start, long length);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_slice(TensorHandle t, long dim, int hasStart, long start, int hasEnd, long end, long step);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_select(TensorHandle t, long dim, long index);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_select_leading(TensorHandle t, long[] indices, int n);
    [LibraryImport(Lib)] internal static partial int ht_ix_assign_leading(TensorHandle t, long[] indices, int n, TensorHandle value);

    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_index_select(TensorHandle t, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_gather(TensorHandle t, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_scatter(TensorHandle t, long dim, TensorHandle index, TensorHandle src, int inplace);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_scatter_value(TensorHandle t, long dim, TensorHandle index, NativeScalar value, int inplace);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_scatter_add(TensorHandle t, long dim, TensorHandle index, TensorHandle src, int inplace);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr ht_ix_scatter_reduce(TensorHandle t, long dim, TensorHandle index, TensorHandle src, string reduce, int includeSelf, int inplace);

    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_index_add(TensorHandle t, long dim, TensorHandle index, TensorHandle source, NativeScalar alpha, int inplace);

    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_masked_fill(TensorHandle t, TensorHandle mask, NativeScalar value, int inplace);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_masked_fill_tensor(TensorHandle t, TensorHandle mask, TensorHandle value, int inplace);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_masked_select(TensorHandle t, TensorHandle mask);

    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_index(TensorHandle t, IntPtr[] indices, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_index_put(TensorHandle t, IntPtr[] indices, int n, TensorHandle values, int accumulate, int inplace);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_index_put_scalar(TensorHandle t, IntPtr[] indices, int n, NativeScalar value, int accumulate, int inplace);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_nonzero(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_argwhere(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_where_cond(TensorHandle condition);

    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_tril(TensorHandle t, long diagonal, int inplace);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_triu(TensorHandle t, long diagonal, int inplace);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_diag(TensorHandle t, long diagonal);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_diagonal(TensorHandle t, long offset, long dim1, long dim2);
    [LibraryImport(Lib)] internal static partial IntPtr ht_ix_take(TensorHandle t, TensorHandle index);
}
