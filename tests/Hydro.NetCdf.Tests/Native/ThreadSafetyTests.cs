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
            return nc.ReadFloat("precipitation", [t, 0, 0], [3, 20, 20]);
        }

        var steps = Enumerable.Range(0, 24).Select(i => i * 97 % 2900).ToArray();
        var serial = steps.Select(t => Window(TestData.Cance, t)).ToArray();
        var parallel = new float[steps.Length][];
        Parallel.For(0, steps.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            parallel[i] = Window(TestData.Cance, steps[i]);
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
}
