using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Hydro.Torch.Native;

/// <summary>Entry points of libhydro_torch: tensor lifecycle, creation, data access, autograd, randomness.</summary>
/// <remarks>
/// Conventions (native/src/common.h): functions returning a tensor return <see cref="IntPtr.Zero"/> on failure;
/// functions returning int return -1 on failure; the message is then read with <c>ht_last_error</c>.
/// Other areas (math, shape, nn …) have their own partial files beside this one.
/// </remarks>
internal static partial class NativeMethods
{
    internal const string Lib = "hydro_torch";

    static NativeMethods()
    {
        NativeLibraryResolver.Register();
        HeapTuning.Apply();
    }

    [LibraryImport(Lib)] internal static partial IntPtr ht_last_error();
    [LibraryImport(Lib)] internal static partial void ht_clear_error();

    [LibraryImport(Lib)] internal static partial void ht_free(IntPtr t);
    [LibraryImport(Lib)] internal static partial int ht_ndim(TensorHandle t);
    [LibraryImport(Lib)] internal static unsafe partial void ht_shape(TensorHandle t, long* shape);
    [LibraryImport(Lib)] internal static unsafe partial void ht_strides(TensorHandle t, long* strides);
    [LibraryImport(Lib)] internal static partial long ht_numel(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ht_dtype(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ht_device_type(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ht_device_index(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ht_is_contiguous(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ht_data_ptr(TensorHandle t);

    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_empty(long* shape, int ndim, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_zeros(long* shape, int ndim, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_ones(long* shape, int ndim, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_full(long* shape, int ndim, NativeScalar value, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr ht_arange(NativeScalar start, NativeScalar end, NativeScalar step, int dtype, int dev, int idx);
    [LibraryImport(Lib)] internal static partial IntPtr ht_linspace(double start, double end, long steps, int dtype, int dev, int idx);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_from_data(void* data, long* shape, int ndim, int dtype, int dev, int idx);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_from_blob(void* data, long* shape, int ndim, int dtype, delegate* unmanaged<IntPtr, void> deleter, IntPtr context);
    [LibraryImport(Lib)] internal static unsafe partial int ht_copy_to(TensorHandle t, void* dest, long bytes);
    [LibraryImport(Lib)] internal static partial int ht_item(TensorHandle t, out double value);
    [LibraryImport(Lib)] internal static partial int ht_item_long(TensorHandle t, out long value);
    [LibraryImport(Lib)] internal static partial IntPtr ht_to(TensorHandle t, int dtype, int dev, int idx, int copy);
    [LibraryImport(Lib)] internal static partial IntPtr ht_clone(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ht_contiguous(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ht_alias(TensorHandle t);
    [LibraryImport(Lib)] internal static unsafe partial int ht_to_string(TensorHandle t, byte* buffer, int capacity);

    [LibraryImport(Lib)] internal static partial int ht_list_size(IntPtr list);
    [LibraryImport(Lib)] internal static partial IntPtr ht_list_take(IntPtr list, int i);
    [LibraryImport(Lib)] internal static partial void ht_list_free(IntPtr list);

    [LibraryImport(Lib)] internal static partial int ht_requires_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ht_set_requires_grad(TensorHandle t, int value);
    [LibraryImport(Lib)] internal static partial int ht_is_leaf(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ht_backward(TensorHandle t, IntPtr gradient, int retainGraph, int createGraph);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_autograd_grad(IntPtr* outputs, int nOut, IntPtr* gradOutputs, int nGrad, IntPtr* inputs, int nIn, int retainGraph, int createGraph, int allowUnused);
    [LibraryImport(Lib)] internal static partial IntPtr ht_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ht_set_grad(TensorHandle t, IntPtr grad);
    [LibraryImport(Lib)] internal static partial int ht_zero_grad(TensorHandle t, int setToNone);
    [LibraryImport(Lib)] internal static partial int ht_retain_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ht_detach(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ht_detach_(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ht_grad_enabled();
    [LibraryImport(Lib)] internal static partial void ht_set_grad_enabled(int enabled);

    [LibraryImport(Lib)] internal static partial void ht_manual_seed(ulong seed);
    [LibraryImport(Lib)] internal static partial IntPtr ht_generator_new(ulong seed);
    [LibraryImport(Lib)] internal static partial void ht_generator_free(IntPtr g);
    [LibraryImport(Lib)] internal static partial int ht_generator_manual_seed(GeneratorHandle g, ulong seed);
    [LibraryImport(Lib)] internal static partial int ht_generator_get_state(GeneratorHandle g, out IntPtr state);
    [LibraryImport(Lib)] internal static partial int ht_generator_set_state(GeneratorHandle g, TensorHandle state);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_rand(long* shape, int ndim, IntPtr g, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_randn(long* shape, int ndim, IntPtr g, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_randint(long low, long high, long* shape, int ndim, IntPtr g, int dtype, int dev, int idx);
    [LibraryImport(Lib)] internal static partial IntPtr ht_randperm(long n, IntPtr g, int dtype, int dev, int idx);
    [LibraryImport(Lib)] internal static partial int ht_uniform_(TensorHandle t, double from, double to, IntPtr g);
    [LibraryImport(Lib)] internal static partial int ht_normal_(TensorHandle t, double mean, double std, IntPtr g);
    [LibraryImport(Lib)] internal static partial IntPtr ht_bernoulli(TensorHandle p, IntPtr g);

    [LibraryImport(Lib)] internal static partial int ht_cuda_is_available();
    [LibraryImport(Lib)] internal static partial int ht_cuda_device_count();
    [LibraryImport(Lib)] internal static partial int ht_cuda_synchronize(int index);
    [LibraryImport(Lib)] internal static partial int ht_get_num_threads();
    [LibraryImport(Lib)] internal static partial void ht_set_num_threads(int n);
    [LibraryImport(Lib)] internal static unsafe partial int ht_torch_version(byte* buffer, int capacity);

    /// <summary>Throws the pending libtorch error when a tensor-returning call yielded NULL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static IntPtr Check(IntPtr result)
    {
        if (result == IntPtr.Zero)
        {
            ThrowLastError();
        }

        return result;
    }

    /// <summary>Throws the pending libtorch error when a status-returning call yielded -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Check(int status)
    {
        if (status < 0)
        {
            ThrowLastError();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowLastError()
    {
        var message = Marshal.PtrToStringUTF8(ht_last_error()) ?? "libtorch call failed without a message";
        ht_clear_error();
        throw new TorchException(message);
    }
}
