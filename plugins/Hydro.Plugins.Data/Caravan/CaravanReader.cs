using System.Text;
using Hydro.Plugins.Data.Common;

namespace Hydro.Plugins.Data.Caravan;

/// <summary>
/// Parses a Caravan time series CSV: header <c>date,&lt;variables…&gt;</c>, one row per day with ISO dates; an
/// empty field (or <c>NaN</c>) is a missing value.
/// </summary>
internal static class CaravanReader
{
    /// <summary>Format tag for the cache.</summary>
    public const string Format = "caravan-csv-2";

    /// <summary>The variable names of a header line (after <c>date</c>).</summary>
    /// <exception cref="Hydro.Abstractions.Contracts.DataException">No header or first column not <c>date</c>.</exception>
    public static string[] Header(string path, ReadOnlySpan<byte> line)
    {
        var names = Encoding.UTF8.GetString(line).Split(',').Select(n => n.Trim().Trim('"')).ToArray();
        if (names.Length < 2 || names[0] != "date")
        {
            throw DataErrors.At(path, 1, $"header should be 'date,<variable>,…', found '{Encoding.UTF8.GetString(line)}'");
        }

        var repeated = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null || names.Any(n => n.Length == 0))
        {
            throw DataErrors.At(path, 1, repeated is not null ? $"column '{repeated.Key}' appears twice in the header" : "empty column name in the header");
        }

        return names[1..];
    }

    /// <summary>Parses the file's bytes.</summary>
    /// <exception cref="Hydro.Abstractions.Contracts.DataException">Any malformed line, with file and line.</exception>
    public static DailyTable Parse(string path, string basin, byte[] bytes)
    {
        var reader = new LineReader(bytes);
        if (!reader.TryRead(out var headerLine))
        {
            throw DataErrors.At(path, 1, "empty file (expected a header 'date,<variable>,…')");
        }

        var names = Header(path, headerLine);
        var width = names.Length + 1;
        var builder = new DailyTableBuilder(path, names, 13000);
        Span<Range> r = stackalloc Range[Math.Min(width + 1, 512)];
        if (width + 1 > r.Length)
        {
            throw DataErrors.At(path, 1, $"{width} columns; at most {r.Length - 1} are supported");
        }

        while (reader.TryRead(out var line))
        {
            if (LineReader.IsBlank(line))
            {
                continue;
            }

            var n = Fields.SplitDelimited(line, (byte)',', r);
            if (n != width)
            {
                throw DataErrors.At(path, reader.LineNumber, $"expected {width} columns as in the header, found {n}" + (n < width ? " (truncated line?)" : string.Empty));
            }

            if (!Dates.TryDayIso(line[r[0]], out var day))
            {
                throw DataErrors.At(path, reader.LineNumber, $"invalid date {DataErrors.Show(line[r[0]])} (expected yyyy-MM-dd)");
            }

            var row = builder.Add(day, reader.LineNumber);
            for (var c = 1; c < width; c++)
            {
                var field = line[r[c]];
                if (field.IsEmpty)
                {
                    row[c - 1] = float.NaN;
                }
                else if (!Numbers.TryParseFloat(field, out row[c - 1]))
                {
                    throw DataErrors.Value(path, reader.LineNumber, names[c - 1], basin, day, field);
                }
            }
        }

        return builder.Build(reader.LineNumber);
    }
}
