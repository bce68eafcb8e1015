using System.Runtime.CompilerServices;
using System.Text;
using Hydro.Torch.Native;

namespace Hydro.Torch;

/// <summary>
/// An n-dimensional array on a device, with autograd; a handle to a libtorch <c>at::Tensor</c>.
/// Names follow PyTorch and TorchSharp. Dispose it, or create it inside a <see cref="DisposeScope"/>.
/// </summary>
/// <remarks>Ops live in partial files by area: Tensor.Math.cs, Tensor.Shape.cs, Tensor.Autograd.cs …</remarks>
public partial class Tensor : IDisposable
{
    private readonly TensorHandle handle;

    /// <summary>Takes ownership of a native handle returned by the shim (never zero: see NativeMethods.Check).</summary>
    internal Tensor(IntPtr native)
    {
        handle = new TensorHandle(native);
        var scope = DisposeScope.Current;
        if (scope is not null)
        {
            scope.Add(this);
            Scope = scope;
        }
    }

    internal TensorHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle.IsClosed, this);
            return handle;
        }
    }

    /// <summary>The dispose scope that owns this tensor, if any.</summary>
    internal DisposeScope? Scope { get; set; }

    /// <summary>True once the native tensor has been released.</summary>
    public bool IsDisposed => handle.IsClosed;

    /// <summary>Wraps the result of a tensor-returning native call, throwing its error if it failed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Tensor From(IntPtr native) => new(NativeMethods.Check(native));

    /// <summary>Number of dimensions.</summary>
    public long dim() => NativeMethods.ht_ndim(Handle);

    /// <summary>Number of dimensions.</summary>
    public long ndim => dim();

    /// <summary>Size of each dimension.</summary>
    public unsafe long[] shape
    {
        get
        {
            var n = NativeMethods.ht_ndim(Handle);
            var result = new long[n];
            fixed (long* p = result)
            {
                NativeMethods.ht_shape(Handle, p);
            }

            return result;
        }
    }

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public long size(int dim)
    {
        var s = shape;
        return s[dim < 0 ? s.Length + dim : dim];
    }

    /// <summary>Size of each dimension.</summary>
    public long[] size() => shape;

    /// <summary>Element strides of each dimension.</summary>
    public unsafe long[] stride()
    {
        var n = NativeMethods.ht_ndim(Handle);
        var result = new long[n];
        fixed (long* p = result)
        {
            NativeMethods.ht_strides(Handle, p);
        }

        return result;
    }

    /// <summary>Number of elements.</summary>
    public long numel() => NativeMethods.ht_numel(Handle);

    /// <summary>Element type.</summary>
    public ScalarType dtype => (ScalarType)NativeMethods.ht_dtype(Handle);

    /// <summary>The device holding the data.</summary>
    public Device device => new((DeviceType)NativeMethods.ht_device_type(Handle), NativeMethods.ht_device_index(Handle));

    /// <summary>Whether the elements are laid out densely in row-major order.</summary>
    public bool is_contiguous() => NativeMethods.ht_is_contiguous(Handle) != 0;

    /// <summary>Releases the native tensor now (idempotent). Other tensors sharing its storage stay valid.</summary>
    public void Dispose()
    {
        if (handle.IsClosed)
        {
            return;
        }

        Scope?.Remove(this);
        Scope = null;
        handle.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Moves this tensor out of its dispose scope into the enclosing one, so it survives the scope's end.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        Scope?.MoveToOuter(this);
        return this;
    }

    /// <summary>Removes this tensor from any dispose scope: the caller owns it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        Scope?.Remove(this);
        Scope = null;
        return this;
    }

    /// <summary>A new handle to the same tensor (same storage and autograd identity), owned by the current scope.</summary>
    public Tensor alias() => From(NativeMethods.ht_alias(Handle));

    /// <summary>A copy with its own storage, part of the autograd graph.</summary>
    public Tensor clone() => From(NativeMethods.ht_clone(Handle));

    /// <summary>This tensor if contiguous, else a contiguous copy.</summary>
    public Tensor contiguous() => From(NativeMethods.ht_contiguous(Handle));

    /// <summary>Converts to another device and/or element type.</summary>
    public Tensor to(Device device, ScalarType? dtype = null, bool copy = false)
    {
        ArgumentNullException.ThrowIfNull(device);
        return From(NativeMethods.ht_to(Handle, (int)(dtype ?? this.dtype), (int)device.type, device.index, copy ? 1 : 0));
    }

    /// <summary>Converts to another element type on the same device.</summary>
    public Tensor to(ScalarType dtype, bool copy = false) => to(device, dtype, copy);

    /// <summary>Converts to a device given as text (<c>cpu</c>, <c>cuda:0</c>).</summary>
    public Tensor to(string device) => to(Device.Parse(device));

    /// <summary>Copy on the host.</summary>
    public Tensor cpu() => to(Device.CPU);

    /// <summary>Copy on a CUDA device.</summary>
    public Tensor cuda(int index = -1) => to(new Device(DeviceType.CUDA, index));

    /// <summary>Shorthand conversions.</summary>
    public Tensor @float() => to(ScalarType.Float32);

    /// <inheritdoc cref="float"/>
    public Tensor @double() => to(ScalarType.Float64);

    /// <inheritdoc cref="float"/>
    public Tensor @long() => to(ScalarType.Int64);

    /// <inheritdoc cref="float"/>
    public Tensor @bool() => to(ScalarType.Bool);

    /// <summary>The value of a one-element tensor.</summary>
    public T item<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(long) || typeof(T) == typeof(int) || typeof(T) == typeof(bool))
        {
            NativeMethods.Check(NativeMethods.ht_item_long(Handle, out var l));
            return typeof(T) == typeof(long) ? (T)(object)l : typeof(T) == typeof(int) ? (T)(object)(int)l : (T)(object)(l != 0);
        }

        NativeMethods.Check(NativeMethods.ht_item(Handle, out var d));
        if (typeof(T) == typeof(double))
        {
            return (T)(object)d;
        }

        if (typeof(T) == typeof(float))
        {
            return (T)(object)(float)d;
        }

        throw new NotSupportedException($"item<{typeof(T).Name}>() is not supported");
    }

    /// <summary>libtorch's printout of the values.</summary>
    public unsafe string ToString(bool withValues)
    {
        if (!withValues)
        {
            return ToString();
        }

        var buffer = new byte[4096];
        int n;
        fixed (byte* p = buffer)
        {
            n = NativeMethods.ht_to_string(Handle, p, buffer.Length);
        }

        NativeMethods.Check(n);
        if (n >= buffer.Length)
        {
            buffer = new byte[n + 1];
            fixed (byte* p = buffer)
            {
                NativeMethods.Check(NativeMethods.ht_to_string(Handle, p, buffer.Length));
            }
        }

        return Encoding.UTF8.GetString(buffer, 0, Math.Min(n, buffer.Length - 1));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        handle.IsClosed ? "Tensor(disposed)" : $"Tensor[{string.Join(", ", shape)}] {dtype} {device}";

    /// <summary>Takes every tensor out of a native list (then frees the list).</summary>
    internal static Tensor[] FromList(IntPtr list)
    {
        NativeMethods.Check(list);
        try
        {
            var n = NativeMethods.ht_list_size(list);
            var result = new Tensor[n];
            for (var i = 0; i < n; i++)
            {
                result[i] = From(NativeMethods.ht_list_take(list, i));
            }

            return result;
        }
        finally
        {
            NativeMethods.ht_list_free(list);
        }
    }

    /// <summary>Raw native pointers of several tensors, for calls taking a tensor array; keep the tensors alive.</summary>
    internal static IntPtr[] Pointers(ReadOnlySpan<Tensor> tensors)
    {
        var result = new IntPtr[tensors.Length];
        for (var i = 0; i < tensors.Length; i++)
        {
            result[i] = tensors[i].Handle.DangerousGetHandle();
        }

        return result;
    }

    /// <summary>The raw pointer of an optional tensor (zero for null); keep the tensor alive across the call.</summary>
    internal static IntPtr PointerOrZero(Tensor? t) => t is null ? IntPtr.Zero : t.Handle.DangerousGetHandle();

    internal static void KeepAlive(ReadOnlySpan<Tensor> tensors)
    {
        foreach (var t in tensors)
        {
            GC.KeepAlive(t);
        }
    }

    private static int Bool(bool b) => b ? 1 : 0;
}
