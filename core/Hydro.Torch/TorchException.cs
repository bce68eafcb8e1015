namespace Hydro.Torch;

/// <summary>A failure inside libtorch (shape mismatch, bad dtype, out-of-range index …), with libtorch's message.</summary>
/// <remarks>The native call has already been unwound; the process and every other tensor remain usable.</remarks>
public sealed class TorchException : Exception
{
    public TorchException()
    {
    }

    public TorchException(string message)
        : base(message)
    {
    }

    public TorchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
