using System.IO.Compression;

namespace Hydro.Plugins.Data.Common;

/// <summary>Reads data files into memory: plain text, or gzip when the name ends in <c>.gz</c>.</summary>
internal static class DataFiles
{
    /// <summary>The file's bytes, decompressed when it is gzip.</summary>
    /// <exception cref="Hydro.Abstractions.Contracts.DataException">The file is missing, unreadable or not valid gzip.</exception>
    public static byte[] Read(string path)
    {
        try
        {
            if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                return File.ReadAllBytes(path);
            }

            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var memory = new MemoryStream(capacity: (int)Math.Min(int.MaxValue / 2, file.Length * 4));
            gzip.CopyTo(memory);
            return memory.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw DataErrors.In(path, $"cannot read: {e.Message}");
        }
    }

    /// <summary>
    /// The first and last non-blank lines of a file, for cheap date ranges: reads only the head and tail of a plain
    /// file (a gzip file is read whole). Empty strings when the file has no such lines.
    /// </summary>
    public static (string First, string Last) Edges(string path, int skipLines)
    {
        byte[] head, tail;
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            head = tail = Read(path);
        }
        else
        {
            using var file = File.OpenRead(path);
            head = new byte[(int)Math.Min(file.Length, 16384)];
            file.ReadExactly(head);
            tail = new byte[(int)Math.Min(file.Length, 4096)];
            file.Seek(-tail.Length, SeekOrigin.End);
            file.ReadExactly(tail);
        }

        var first = string.Empty;
        var reader = new LineReader(head);
        while (reader.TryRead(out var line))
        {
            if (reader.LineNumber > skipLines && !LineReader.IsBlank(line))
            {
                first = System.Text.Encoding.UTF8.GetString(line);
                break;
            }
        }

        var last = string.Empty;
        var span = tail.AsSpan().TrimEnd(" \t\r\n"u8);
        var cut = span.LastIndexOf((byte)'\n');
        if (cut >= 0 || tail.Length < 4096)
        {
            last = System.Text.Encoding.UTF8.GetString(span[(cut + 1)..]).Trim();
        }

        return (first, last);
    }
}
