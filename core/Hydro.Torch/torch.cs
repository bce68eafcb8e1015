using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Hydro.Torch.Native;

namespace Hydro.Torch;

/// <summary>Tensor factories, grad mode, seeding, devices: the <c>torch</c> namespace of PyTorch.</summary>
/// <remarks>Functional ops (cat, stack, matmul …) live in partial files by area beside this one.</remarks>
public static partial class torch
{
    /// <summary>Default element type of factories (PyTorch's float32).</summary>
    public const ScalarType DefaultDType = ScalarType.Float32;

    /// <summary>Opens a dispose scope on this thread; dispose it to free every tensor created inside.</summary>
    public static DisposeScope NewDisposeScope() => new();

    // ---- factories ------------------------------------------------------------------------

    /// <summary>Uninitialised tensor.</summary>
    public static unsafe Tensor empty(long[] size, ScalarType dtype = DefaultDType, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = size)
        {
            return Tensor.From(NativeMethods.ht_empty(p, size.Length, (int)dtype, (int)d.type, d.index, requires_grad ? 1 : 0));
        }
    }

    /// <summary>Tensor of zeros.</summary>
    public static unsafe Tensor zeros(long[] size, ScalarType dtype = DefaultDType, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = size)
        {
            return Tensor.From(NativeMethods.ht_zeros(p, size.Length, (int)dtype, (int)d.type, d.index, requires_grad ? 1 : 0));
        }
    }

    /// <inheritdoc cref="zeros(long[], ScalarType, Device?, bool)"/>
    public static Tensor zeros(params long[] size) => zeros(size, DefaultDType);

    /// <summary>Tensor of ones.</summary>
    public static unsafe Tensor ones(long[] size, ScalarType dtype = DefaultDType, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = size)
        {
            return Tensor.From(NativeMethods.ht_ones(p, size.Length, (int)dtype, (int)d.type, d.index, requires_grad ? 1 : 0));
        }
    }

    /// <inheritdoc cref="ones(long[], ScalarType, Device?, bool)"/>
    public static Tensor ones(params long[] size) => ones(size, DefaultDType);

    /// <summary>Tensor filled with <paramref name="value"/>.</summary>
    public static unsafe Tensor full(long[] size, Scalar value, ScalarType dtype = DefaultDType, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = size)
        {
            return Tensor.From(NativeMethods.ht_full(p, size.Length, value.Native, (int)dtype, (int)d.type, d.index, requires_grad ? 1 : 0));
        }
    }

    /// <summary>Values start, start+step, … below end.</summary>
    public static Tensor arange(Scalar start, Scalar end, Scalar step, ScalarType dtype, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return Tensor.From(NativeMethods.ht_arange(start.Native, end.Native, step.Native, (int)dtype, (int)d.type, d.index));
    }

    /// <summary>0, 1, …, end−1 as int64.</summary>
    public static Tensor arange(long end, Device? device = null) => arange(0L, end, 1L, ScalarType.Int64, device);

    /// <summary><paramref name="steps"/> evenly spaced values from start to end inclusive.</summary>
    public static Tensor linspace(double start, double end, long steps, ScalarType dtype = DefaultDType, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return Tensor.From(NativeMethods.ht_linspace(start, end, steps, (int)dtype, (int)d.type, d.index));
    }

    /// <summary>Copies a .NET array into a new tensor of the given shape (default: 1-D).</summary>
    public static unsafe Tensor tensor<T>(T[] data, long[]? shape = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        return tensor((ReadOnlySpan<T>)data, shape, device, requires_grad);
    }

    /// <summary>Copies a span into a new tensor of the given shape (default: 1-D).</summary>
    public static unsafe Tensor tensor<T>(ReadOnlySpan<T> data, long[]? shape = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged
    {
        shape ??= [data.Length];
        CheckCount(data.Length, shape);
        var d = device ?? Device.CPU;
        Tensor result;
        fixed (T* p = data)
        fixed (long* s = shape)
        {
            result = Tensor.From(NativeMethods.ht_from_data(p, s, shape.Length, (int)ScalarTypeExtensions.Of<T>(), (int)d.type, d.index));
        }

        return requires_grad ? result.requires_grad_() : result;
    }

    /// <summary>Copies a 2-D array into a new tensor.</summary>
    public static unsafe Tensor tensor<T>(T[,] data, Device? device = null, bool requires_grad = false)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var span = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(data)), data.Length);
        return tensor(span, [data.GetLength(0), data.GetLength(1)], device, requires_grad);
    }

    /// <summary>A 0-dimensional tensor holding one value.</summary>
    public static Tensor tensor(double value, ScalarType dtype = DefaultDType, Device? device = null, bool requires_grad = false) =>
        full([], value, dtype, device, requires_grad);

    /// <summary>
    /// A CPU tensor that shares the array's memory (no copy): the array is pinned until libtorch releases the
    /// tensor, and writes on either side are seen by the other.
    /// </summary>
    public static unsafe Tensor from_array<T>(T[] data, params long[] shape)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        if (shape.Length == 0)
        {
            shape = [data.Length];
        }

        CheckCount(data.Length, shape);
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            fixed (long* s = shape)
            {
                return Tensor.From(NativeMethods.ht_from_blob(
                    (void*)pin.AddrOfPinnedObject(), s, shape.Length, (int)ScalarTypeExtensions.Of<T>(), &ReleasePin, GCHandle.ToIntPtr(pin)));
            }
        }
        catch
        {
            pin.Free();
            throw;
        }
    }

    [UnmanagedCallersOnly]
    private static void ReleasePin(IntPtr context) => GCHandle.FromIntPtr(context).Free();

    private static void CheckCount(int count, long[] shape)
    {
        long expected = 1;
        foreach (var s in shape)
        {
            expected *= s;
        }

        if (expected != count)
        {
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {expected} elements but the data has {count}");
        }
    }

    // ---- randomness -----------------------------------------------------------------------

    /// <summary>Seeds the global generators (CPU and CUDA).</summary>
    public static void manual_seed(ulong seed) => NativeMethods.ht_manual_seed(seed);

    /// <summary>A new explicit CPU generator seeded with <paramref name="seed"/>.</summary>
    public static Generator Generator(ulong seed) => new(seed);

    /// <summary>Uniform samples in [0, 1).</summary>
    public static unsafe Tensor rand(long[] size, Generator? generator = null, ScalarType dtype = DefaultDType, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = size)
        {
            var t = Tensor.From(NativeMethods.ht_rand(p, size.Length, Torch.Generator.Pointer(generator), (int)dtype, (int)d.type, d.index, requires_grad ? 1 : 0));
            GC.KeepAlive(generator);
            return t;
        }
    }

    /// <inheritdoc cref="rand(long[], Generator?, ScalarType, Device?, bool)"/>
    public static Tensor rand(params long[] size) => rand(size, null);

    /// <summary>Standard normal samples.</summary>
    public static unsafe Tensor randn(long[] size, Generator? generator = null, ScalarType dtype = DefaultDType, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = size)
        {
            var t = Tensor.From(NativeMethods.ht_randn(p, size.Length, Torch.Generator.Pointer(generator), (int)dtype, (int)d.type, d.index, requires_grad ? 1 : 0));
            GC.KeepAlive(generator);
            return t;
        }
    }

    /// <inheritdoc cref="randn(long[], Generator?, ScalarType, Device?, bool)"/>
    public static Tensor randn(params long[] size) => randn(size, null);

    /// <summary>Integers uniform in [low, high).</summary>
    public static unsafe Tensor randint(long low, long high, long[] size, Generator? generator = null, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = size)
        {
            var t = Tensor.From(NativeMethods.ht_randint(low, high, p, size.Length, Torch.Generator.Pointer(generator), (int)dtype, (int)d.type, d.index));
            GC.KeepAlive(generator);
            return t;
        }
    }

    /// <summary>A random permutation of 0..n−1.</summary>
    public static Tensor randperm(long n, Generator? generator = null, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = device ?? Device.CPU;
        var t = Tensor.From(NativeMethods.ht_randperm(n, Torch.Generator.Pointer(generator), (int)dtype, (int)d.type, d.index));
        GC.KeepAlive(generator);
        return t;
    }

    /// <summary>Bernoulli samples with probabilities <paramref name="p"/>.</summary>
    public static Tensor bernoulli(Tensor p, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        var t = Tensor.From(NativeMethods.ht_bernoulli(p.Handle, Torch.Generator.Pointer(generator)));
        GC.KeepAlive(generator);
        return t;
    }

    // ---- grad mode ------------------------------------------------------------------------

    /// <summary>Whether autograd records operations on this thread.</summary>
    public static bool is_grad_enabled() => NativeMethods.ht_grad_enabled() != 0;

    /// <summary>Turns recording off on this thread until the returned scope is disposed.</summary>
    public static IDisposable no_grad() => new GradModeScope(false);

    /// <summary>Turns recording on on this thread until the returned scope is disposed.</summary>
    public static IDisposable enable_grad() => new GradModeScope(true);

    private sealed class GradModeScope : IDisposable
    {
        private readonly bool previous;
        private bool disposed;

        internal GradModeScope(bool enabled)
        {
            previous = is_grad_enabled();
            NativeMethods.ht_set_grad_enabled(enabled ? 1 : 0);
        }

        public void Dispose()
        {
            if (!disposed)
            {
                disposed = true;
                NativeMethods.ht_set_grad_enabled(previous ? 1 : 0);
            }
        }
    }

    // ---- threads, version, CUDA -----------------------------------------------------------

    /// <summary>Intra-op threads libtorch uses.</summary>
    public static int get_num_threads() => NativeMethods.ht_get_num_threads();

    /// <summary>Sets the intra-op threads libtorch uses.</summary>
    public static void set_num_threads(int n) => NativeMethods.ht_set_num_threads(n);

    /// <summary>The libtorch version the shim was built against.</summary>
    public static unsafe string version
    {
        get
        {
            var buffer = stackalloc byte[64];
            var n = NativeMethods.ht_torch_version(buffer, 64);
            return Encoding.UTF8.GetString(buffer, n);
        }
    }

    /// <summary>CUDA devices.</summary>
    public static class cuda
    {
        /// <summary>True when the shim was built against a CUDA libtorch and a GPU is present.</summary>
        public static bool is_available() => NativeMethods.ht_cuda_is_available() != 0;

        /// <summary>Number of visible CUDA devices.</summary>
        public static int device_count() => NativeMethods.ht_cuda_device_count();

        /// <summary>Waits for all work on a device (default: current) to finish.</summary>
        public static void synchronize(int index = -1) => NativeMethods.Check(NativeMethods.ht_cuda_synchronize(index));
    }
}
