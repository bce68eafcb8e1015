using Hydro.Torch.Native;

namespace Hydro.Torch;

public partial class Tensor
{
    /// <summary>Copies the elements, in row-major order, into a new array (from any device).</summary>
    /// <exception cref="ArgumentException">T does not match <see cref="dtype"/>.</exception>
    public unsafe T[] data<T>()
        where T : unmanaged
    {
        CheckElementType<T>();
        var result = new T[numel()];
        fixed (T* p = result)
        {
            NativeMethods.Check(NativeMethods.ht_copy_to(Handle, p, (long)result.Length * sizeof(T)));
        }

        return result;
    }

    /// <summary>Copies the elements, in row-major order, into <paramref name="destination"/>.</summary>
    public unsafe void CopyTo<T>(Span<T> destination)
        where T : unmanaged
    {
        CheckElementType<T>();
        fixed (T* p = destination)
        {
            NativeMethods.Check(NativeMethods.ht_copy_to(Handle, p, (long)destination.Length * sizeof(T)));
        }
    }

    /// <summary>
    /// The elements of a contiguous CPU tensor as a span over libtorch's own memory (no copy).
    /// Valid while this tensor is alive; writing through it bypasses autograd.
    /// </summary>
    public unsafe Span<T> AsSpan<T>()
        where T : unmanaged
    {
        CheckElementType<T>();
        if (device.type != DeviceType.CPU || !is_contiguous())
        {
            throw new InvalidOperationException("AsSpan needs a contiguous CPU tensor; call .cpu().contiguous() first");
        }

        return new Span<T>((void*)NativeMethods.ht_data_ptr(Handle), checked((int)numel()));
    }

    private void CheckElementType<T>()
        where T : unmanaged
    {
        var expected = ScalarTypeExtensions.Of<T>();
        if (expected != dtype)
        {
            throw new ArgumentException($"tensor holds {dtype}, not {typeof(T).Name} ({expected}); convert with .to(ScalarType.{expected}) first");
        }
    }
}
