using System.Runtime.InteropServices;

namespace Hydro.Torch.Native;

/// <summary>
/// Keeps freed tensor memory in the process on Linux/glibc, so that a training step reuses the pages of the last one
/// instead of mapping, zero-faulting and unmapping them again. Applied once, before the first native call.
/// </summary>
/// <remarks>
/// glibc serves every allocation above its mmap threshold (128 KiB, adapting up to 32 MiB) with a fresh <c>mmap</c>
/// and returns it with <c>munmap</c> on free; libtorch's CPU tensors are such allocations, so each step faults in
/// all its activations page by page (millions of minor faults per epoch; most of a ConvLSTM step's time at 64×64).
/// <c>mallopt</c> raises the mmap threshold to 2 GiB − 1 (M_MMAP_THRESHOLD), stops trimming the heap top
/// (M_TRIM_THRESHOLD) and grows the heap in 64 MiB steps (M_TOP_PAD). On the main thread (where <c>hydro</c> trains)
/// every block below 2 GiB then comes from the heap; other threads' arenas grow in heaps of at most 64 MiB, so larger
/// blocks there are still mapped. The price: memory freed by a step stays with
/// the process (resident size stays at its peak) until it exits. <c>HYDRO_MALLOC=system</c> keeps glibc's defaults;
/// the glibc environment variables (<c>MALLOC_MMAP_THRESHOLD_</c> …), when set, are left to rule.
/// </remarks>
internal static partial class HeapTuning
{
    private const int MmapThreshold = -3;
    private const int TrimThreshold = -1;
    private const int TopPad = -2;
    private static int applied;

    /// <summary>Whether the tuning is in effect in this process.</summary>
    internal static bool Active { get; private set; }

    /// <summary>Applies the settings once (no-op off Linux, with HYDRO_MALLOC=system, or when glibc variables are set).</summary>
    internal static void Apply()
    {
        if (Interlocked.Exchange(ref applied, 1) == 1 || !OperatingSystem.IsLinux() || !Wanted(Environment.GetEnvironmentVariable))
        {
            return;
        }

        try
        {
            Active = mallopt(MmapThreshold, int.MaxValue) == 1
                & mallopt(TrimThreshold, int.MaxValue) == 1
                & mallopt(TopPad, 64 << 20) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl): nothing to tune.
        }
    }

    /// <summary>Whether the environment asks for the tuning.</summary>
    internal static bool Wanted(Func<string, string?> environment) =>
        !string.Equals(environment("HYDRO_MALLOC"), "system", StringComparison.OrdinalIgnoreCase)
        && environment("MALLOC_MMAP_THRESHOLD_") is null && environment("MALLOC_TRIM_THRESHOLD_") is null
        && environment("MALLOC_TOP_PAD_") is null && environment("GLIBC_TUNABLES") is null;

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);
}
