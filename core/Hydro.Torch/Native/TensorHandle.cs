using System.Runtime.InteropServices;

namespace Hydro.Torch.Native;

/// <summary>Owns one native <c>at::Tensor*</c>; released exactly once, by Dispose or by the finaliser.</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal TensorHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.ht_free(handle);
        return true;
    }
}

/// <summary>Owns one native <c>at::Generator*</c>.</summary>
internal sealed class GeneratorHandle : SafeHandle
{
    public GeneratorHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal GeneratorHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.ht_generator_free(handle);
        return true;
    }
}

/// <summary>The C ABI's scalar: keeps int64 and double apart so that PyTorch's type promotion holds.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeScalar
{
    public double D;
    public long I;
    public int Kind;
}
