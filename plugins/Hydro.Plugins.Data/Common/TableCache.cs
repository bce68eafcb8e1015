using System.Security.Cryptography;
using System.Text;

namespace Hydro.Plugins.Data.Common;

/// <summary>
/// Optional on-disk cache of parsed tables: a binary copy of the columns, named by the SHA-256 of the file's
/// (decompressed) bytes and the parser's format tag, so an edited file is parsed again and an unchanged one is read
/// back as raw floats. Without a directory every call parses.
/// </summary>
internal sealed class TableCache(string? directory)
{
    private const int Magic = 0x54445948; // "HYDT"
    private const int Version = 1;

    /// <summary>The parsed table of <paramref name="path"/>, from the cache when present.</summary>
    public DailyTable Get(string path, string format, Func<byte[], DailyTable> parse)
    {
        var bytes = DataFiles.Read(path);
        if (directory is null)
        {
            return parse(bytes);
        }

        var key = Convert.ToHexStringLower(SHA256.HashData(bytes)) + "." + format + ".bin";
        var cached = Path.Combine(directory, key);
        if (File.Exists(cached) && TryRead(cached, path) is { } hit)
        {
            return hit;
        }

        var table = parse(bytes);
        Directory.CreateDirectory(directory);
        var temp = cached + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = File.Create(temp))
        {
            Write(stream, table);
        }

        File.Move(temp, cached, overwrite: true);
        return table;
    }

    private static void Write(Stream stream, DailyTable table)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(table.FirstDay);
        writer.Write(table.Length);
        writer.Write(table.Header.Length);
        foreach (var h in table.Header)
        {
            writer.Write(h);
        }

        writer.Write(table.Columns.Count);
        foreach (var name in table.Columns)
        {
            writer.Write(name);
        }

        for (var c = 0; c < table.Columns.Count; c++)
        {
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(table.Column(c).AsSpan()));
        }
    }

    private static DailyTable? TryRead(string cached, string path)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(cached), Encoding.UTF8);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
            {
                return null;
            }

            var first = reader.ReadInt32();
            var length = reader.ReadInt32();
            var header = new double[reader.ReadInt32()];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = reader.ReadDouble();
            }

            var columns = new string[reader.ReadInt32()];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = reader.ReadString();
            }

            var values = new float[columns.Length][];
            for (var c = 0; c < columns.Length; c++)
            {
                values[c] = new float[length];
                reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values[c].AsSpan()));
            }

            return new DailyTable(path, columns, first, length, values, header);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ArgumentException)
        {
            return null; // a damaged cache entry is parsed again and overwritten
        }
    }
}
