namespace Hydro.NetCdf.Native;

/// <summary>One open libnetcdf handle to a file version, shared by every <see cref="NetCdfFile"/> on it.</summary>
internal sealed class SharedHandle(string key, int ncid, NetCdfMetadata metadata)
{
    public string Key { get; } = key;

    public int Ncid { get; } = ncid;

    public NetCdfMetadata Metadata { get; } = metadata;

    public int References { get; set; } = 1;
}

/// <summary>The dimensions, variables and global attributes of an open file (read once, immutable).</summary>
internal sealed record NetCdfMetadata(
    IReadOnlyDictionary<string, NetCdfDimension> Dimensions,
    IReadOnlyDictionary<string, NetCdfVariable> Variables,
    IReadOnlyDictionary<string, NetCdfAttribute> Attributes);

/// <summary>
/// Reference-counted read handles, one per file version (full path, length, last write time). libnetcdf 4.9 with
/// HDF5 1.10 crashes (segfault) when the same HDF5 file is opened and closed through several handles in turn —
/// reproduced single-threaded in C by random open/read/close of cance.nc — so readers of one file share one handle.
/// A file replaced on disk (new length or time) gets a new handle; the old one lives until its readers close.
/// All members run under <see cref="Nc.Gate"/>.
/// </summary>
internal static class SharedHandles
{
    private static readonly Dictionary<string, SharedHandle> Open = new(StringComparer.Ordinal);

    public static SharedHandle Acquire(string path, Func<int, NetCdfMetadata> load)
    {
        lock (Nc.Gate)
        {
            var info = new FileInfo(path);
            var key = $"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
            if (Open.TryGetValue(key, out var shared))
            {
                shared.References++;
                return shared;
            }

            NetCdfException.Check(Nc.Open(path, out var ncid), path, null, "opening the file");
            try
            {
                shared = new SharedHandle(key, ncid, load(ncid));
            }
            catch
            {
                Nc.Close(ncid);
                throw;
            }

            Open[key] = shared;
            return shared;
        }
    }

    public static void Release(SharedHandle shared)
    {
        lock (Nc.Gate)
        {
            if (--shared.References == 0)
            {
                Open.Remove(shared.Key);
                Nc.Close(shared.Ncid);
            }
        }
    }
}
