using System.Runtime.InteropServices;

namespace Hydro.Torch.Tests.Memory;

/// <summary>Freed tensor memory stays in the process heap (Native/HeapTuning.cs), read back through glibc's mallinfo2.</summary>
public partial class HeapTuningTests
{
    [Fact]
    public void ALargeTensorComesFromTheHeapNotAFreshMapping()
    {
        Assert.True(OperatingSystem.IsLinux());
        Assert.True(Native.HeapTuning.Wanted(Environment.GetEnvironmentVariable), "the test process must run with glibc's default malloc settings");
        using (torch.zeros([1])) // the first native call applies the tuning
        {
        }

        Assert.True(Native.HeapTuning.Active);

        // 40 MiB is above glibc's own mmap threshold (at most 32 MiB): without the tuning it is mmap'd and counted in
        // hblkhd while it lives. A test runs on a pool thread, whose glibc arena grows in heaps of at most 64 MiB, so
        // the tensor stays below that (the main thread's arena has no such limit). Other tests may allocate meanwhile.
        var before = mallinfo2().MappedBytes;
        using var big = torch.ones([10L << 20]);
        var during = mallinfo2().MappedBytes;
        Assert.Equal(10L << 20, (long)big.sum().item<float>());
        Assert.True(during - before < (nuint)(20 << 20), $"mapped bytes grew by {during - before} while a 40 MiB tensor lived");
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("system", null, false)]
    [InlineData("SYSTEM", null, false)]
    [InlineData("tuned", null, true)]
    [InlineData(null, "1048576", false)]
    public void TheEnvironmentCanTurnItOff(string? hydroMalloc, string? glibcThreshold, bool wanted) =>
        Assert.Equal(wanted, Native.HeapTuning.Wanted(name => name switch
        {
            "HYDRO_MALLOC" => hydroMalloc,
            "MALLOC_MMAP_THRESHOLD_" => glibcThreshold,
            _ => null,
        }));

    [LibraryImport("libc.so.6")]
    private static partial MallInfo2 mallinfo2();

    /// <summary>glibc's struct mallinfo2 (ten size_t fields); hblkhd is the bytes held in mmap'd blocks.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallInfo2
    {
        public readonly nuint Arena;
        public readonly nuint Ordblks;
        public readonly nuint Smblks;
        public readonly nuint Hblks;
        public readonly nuint MappedBytes;
        public readonly nuint Usmblks;
        public readonly nuint Fsmblks;
        public readonly nuint Uordblks;
        public readonly nuint Fordblks;
        public readonly nuint Keepcost;
    }
}
