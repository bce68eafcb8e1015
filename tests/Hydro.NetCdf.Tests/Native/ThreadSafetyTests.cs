using Hydro.NetCdf.Tests.Support;

namespace Hydro.NetCdf.Tests.Native;

/// <summary>
/// libnetcdf/HDF5 are not thread-safe: every native call is serialised by one lock, so concurrent readers and a
/// writer on other threads get the same values as a serial read (without the lock this corrupts or crashes).
/// </summary>
public sealed class ThreadSafetyTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void ConcurrentReadsAndWritesMatchSerialReads()
    {
        float[] Window(string path, int t)
        {
            using var nc = NetCdfFile.Open(path);
            return nc.ReadFloat("precipitation", [t, 0, 0], [3, 12, 12]);
        }

        // Both files, steps within one HDF5 chunk of each (cance: 744 steps) to keep the test quick.
        var steps = Enumerable.Range(0, 24).Select(i => i * 29 % 360).ToArray();
        string File(int i) => i % 2 == 0 ? TestData.Cance : TestData.Lez;
        var serial = steps.Select((t, i) => Window(File(i), t)).ToArray();
        var parallel = new float[steps.Length][];
        Parallel.For(0, steps.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            parallel[i] = Window(File(i), steps[i]);
            if (i % 4 == 0)
            {
                NetCdfWriter.WriteBasinTable(dir.File($"t{i}.nc"), new CfBasinTable(["b"], [new DateTime(2000, 1, 1).AddDays(i)],
                    [new CfField("q", [i], "mm", "q")]));
            }
        });

        for (var i = 0; i < steps.Length; i++)
        {
            Assert.Equal(serial[i], parallel[i]);
        }

        Assert.Equal(6, Directory.GetFiles(dir.Path, "t*.nc").Length);
    }

    [Fact]
    public void ManyHandlesToOneFileOpenAndCloseInAnyOrder()
    {
        // Plain libnetcdf 4.9 segfaults on this sequence (tried in C): the readers share one handle instead.
        var random = new Random(1);
        var open = new NetCdfFile?[8];
        var expected = NetCdfFileRead(TestData.Cance);
        for (var step = 0; step < 400; step++)
        {
            var k = random.Next(open.Length);
            if (open[k] is null)
            {
                open[k] = NetCdfFile.Open(TestData.Cance);
                Assert.Equal(15, open[k]!.Variables.Count);
            }
            else if (random.Next(2) == 0)
            {
                Assert.Equal(expected, open[k]!.ReadFloat("pet", [5, 3, 3], [1, 3, 3]));
            }
            else
            {
                open[k]!.Dispose();
                open[k] = null;
            }
        }

        foreach (var nc in open)
        {
            nc?.Dispose();
        }
    }

    private static float[] NetCdfFileRead(string path)
    {
        using var nc = NetCdfFile.Open(path);
        return nc.ReadFloat("pet", [5, 3, 3], [1, 3, 3]);
    }
}
