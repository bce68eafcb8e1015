using System.Security.Cryptography;
using System.Text;

namespace Hydro.Plugins.Data.Common;

/// <summary>
/// Optional on-disk cache of parsed tables: a binary copy of the columns, named by the SHA-256 of the file's
/// (decompressed) bytes and the parser's format tag, so an edited file is parsed again and an unchanged one is read
/// back as raw floats. Without a directory every call parses.
/// </summary>
/// <remarks>
/// Entry layout (version 2): magic <c>HYDT</c>, version, payload length (int64), payload, SHA-256 of the payload.
/// The checksum is verified before the payload is parsed, so a flipped byte or a damaged length field cannot change
/// the data or allocate from garbage: such an entry (or any entry that fails to read) is reported once through
/// <c>warn</c>, the source file is parsed again and the entry is overwritten. Entries of another version are
/// replaced silently. SHA-256 (the BCL's, hardware-accelerated) is used because no faster hash is referenced; it costs
/// far less than parsing the text it replaces.
/// </remarks>
internal sealed class TableCache(string? directory, Action<string>? warn = null)
{
    private const int Magic = 0x54445948; // "HYDT"
    private const int Version = 2;
    private const int Prefix = 16; // magic, version, payload length
    private const int HashBytes = 32;

    private readonly Action<string> warn = warn ?? (static message => Console.Error.WriteLine(message));

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
        if (File.Exists(cached))
        {
            var (hit, damage) = TryRead(cached, path);
            if (hit is not null)
            {
                return hit;
            }

            if (damage is not null)
            {
                warn($"hydro: warning: {cached}: damaged cache entry for {path} ({damage}); parsed the file again and rewrote the entry");
            }
        }

        var table = parse(bytes);
        Directory.CreateDirectory(directory);
        var temp = cached + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = File.Create(temp))
        {
            using var payload = new MemoryStream();
            Write(payload, table);
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(payload.Length);
            writer.Write(payload.GetBuffer(), 0, (int)payload.Length);
            writer.Write(SHA256.HashData(payload.GetBuffer().AsSpan(0, (int)payload.Length)));
        }

        File.Move(temp, cached, overwrite: true);
        return table;
    }

    private static void Write(Stream stream, DailyTable table)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
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

    /// <summary>The cached table, or null with why the entry is damaged (null reason: another version, replaced silently).</summary>
    private static (DailyTable? Table, string? Damage) TryRead(string cached, string path)
    {
        try
        {
            var file = File.ReadAllBytes(cached);
            if (file.Length < 8 || BitConverter.ToInt32(file, 0) != Magic)
            {
                return (null, "not a cache entry");
            }

            if (BitConverter.ToInt32(file, 4) != Version)
            {
                return (null, null);
            }

            if (file.Length < Prefix + HashBytes || BitConverter.ToInt64(file, 8) != file.Length - Prefix - HashBytes)
            {
                return (null, "truncated or wrong length");
            }

            var payload = file.AsSpan(Prefix, file.Length - Prefix - HashBytes);
            if (!SHA256.HashData(payload).AsSpan().SequenceEqual(file.AsSpan(file.Length - HashBytes)))
            {
                return (null, "checksum mismatch");
            }

            using var reader = new BinaryReader(new MemoryStream(file, Prefix, payload.Length, writable: false), Encoding.UTF8);
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

            return (new DailyTable(path, columns, first, length, values, header), null);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ArgumentException or OverflowException or OutOfMemoryException or UnauthorizedAccessException)
        {
            return (null, e.Message); // a damaged cache entry is parsed again and overwritten
        }
    }
}
