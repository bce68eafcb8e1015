namespace Hydro.Plugins.Data.Common;

/// <summary>Splits a line into fields as ranges into the line (no copies).</summary>
internal static class Fields
{
    /// <summary>
    /// Fields separated by runs of spaces and tabs. Returns the number of fields on the line, which may exceed the
    /// length of <paramref name="ranges"/> (only that many are stored).
    /// </summary>
    public static int SplitWhitespace(ReadOnlySpan<byte> line, Span<Range> ranges)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && (line[i] == (byte)' ' || line[i] == (byte)'\t'))
            {
                i++;
            }

            if (i == line.Length)
            {
                return count;
            }

            var start = i;
            while (i < line.Length && line[i] != (byte)' ' && line[i] != (byte)'\t')
            {
                i++;
            }

            if (count < ranges.Length)
            {
                ranges[count] = start..i;
            }

            count++;
        }
    }

    /// <summary>
    /// Fields separated by <paramref name="delimiter"/> (<c>,</c> or <c>;</c>); spaces and tabs around a field are
    /// trimmed and a field in double quotes may hold the delimiter (the quotes are dropped). Returns the number of
    /// fields, which may exceed the length of <paramref name="ranges"/>.
    /// </summary>
    public static int SplitDelimited(ReadOnlySpan<byte> line, byte delimiter, Span<Range> ranges)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && (line[i] == (byte)' ' || line[i] == (byte)'\t'))
            {
                i++;
            }

            int start, end;
            if (i < line.Length && line[i] == (byte)'"')
            {
                start = i + 1;
                var close = line[start..].IndexOf((byte)'"');
                end = close < 0 ? line.Length : start + close;
                i = close < 0 ? line.Length : end + 1;
                var next = line[i..].IndexOf(delimiter);
                i = next < 0 ? line.Length : i + next;
            }
            else
            {
                start = i;
                var next = line[i..].IndexOf(delimiter);
                i = next < 0 ? line.Length : i + next;
                end = i;
                while (end > start && (line[end - 1] == (byte)' ' || line[end - 1] == (byte)'\t'))
                {
                    end--;
                }
            }

            if (count < ranges.Length)
            {
                ranges[count] = start..end;
            }

            count++;
            if (i >= line.Length)
            {
                return count;
            }

            i++; // past the delimiter
        }
    }
}
