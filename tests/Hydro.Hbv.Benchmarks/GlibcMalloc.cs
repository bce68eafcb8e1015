using System.Runtime.InteropServices;

namespace Hydro.Hbv.Benchmarks;

/// <summary>
/// glibc's malloc knobs. The op-by-op HBV frees each day's temporaries at the end of the day's dispose scope, so the
/// heap top grows and shrinks every step; with glibc's defaults it is trimmed (and large blocks unmapped) each time and
/// faulted in again — ten times the page faults of the same loop in Python, whose tensors die one by one.
/// </summary>
internal static partial class GlibcMalloc
{
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;

    /// <summary>Environment for a child process with the same settings.</summary>
    public static readonly (string Name, string Value)[] Environment =
    [
        ("MALLOC_TRIM_THRESHOLD_", "1073741824"),
        ("MALLOC_MMAP_THRESHOLD_", "33554432"),
    ];

    /// <summary>Keeps up to 1 GiB of free heap top and serves blocks up to 32 MiB (glibc's maximum) from the heap.</summary>
    /// <returns>False when this is not glibc or it refused.</returns>
    public static bool Tune()
    {
        try
        {
            return mallopt(TrimThreshold, 1 << 30) == 1 && mallopt(MmapThreshold, 32 << 20) == 1;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc.so.6")]
    private static partial int mallopt(int param, int value);
}
