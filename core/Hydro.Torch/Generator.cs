using Hydro.Torch.Native;

namespace Hydro.Torch;

/// <summary>An explicit CPU random-number generator, so that components draw from injected, seeded streams.</summary>
public sealed class Generator : IDisposable
{
    internal Generator(ulong seed) => Handle = new GeneratorHandle(NativeMethods.Check(NativeMethods.ht_generator_new(seed)));

    internal GeneratorHandle Handle { get; }

    /// <summary>Restarts the stream from <paramref name="seed"/>.</summary>
    public Generator manual_seed(ulong seed)
    {
        NativeMethods.Check(NativeMethods.ht_generator_manual_seed(Handle, seed));
        return this;
    }

    /// <summary>The generator's full state (a byte tensor), e.g. for checkpoints.</summary>
    public Tensor get_state()
    {
        NativeMethods.Check(NativeMethods.ht_generator_get_state(Handle, out var state));
        return new Tensor(state);
    }

    /// <summary>Restores a state taken with <see cref="get_state"/>.</summary>
    public void set_state(Tensor state)
    {
        ArgumentNullException.ThrowIfNull(state);
        NativeMethods.Check(NativeMethods.ht_generator_set_state(Handle, state.Handle));
    }

    /// <inheritdoc/>
    public void Dispose() => Handle.Dispose();

    internal static IntPtr Pointer(Generator? g) => g is null ? IntPtr.Zero : g.Handle.DangerousGetHandle();
}
