namespace Hydro.Plugins.Data.Common;

/// <summary>
/// Walks the lines of a file held in memory without copying: <c>\n</c> or <c>\r\n</c> endings, a UTF-8 byte-order
/// mark skipped, a last line without newline returned like any other.
/// </summary>
internal ref struct LineReader
{
    private ReadOnlySpan<byte> rest;

    /// <summary>Starts at the beginning of <paramref name="data"/>.</summary>
    public LineReader(ReadOnlySpan<byte> data)
    {
        rest = data.StartsWith("\uFEFF"u8) ? data[3..] : data;
        LineNumber = 0;
    }

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Returns the next line without its ending; false at the end of the data.</summary>
    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        if (rest.IsEmpty)
        {
            line = default;
            return false;
        }

        var end = rest.IndexOf((byte)'\n');
        if (end < 0)
        {
            line = rest;
            rest = default;
        }
        else
        {
            line = rest[..end];
            rest = rest[(end + 1)..];
        }

        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        LineNumber++;
        return true;
    }

    /// <summary>True when a line holds only spaces and tabs.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t"u8).IsEmpty;
}
