using Hydro.Plugins.Data.Common;

namespace Hydro.Plugins.Data.CamelsUs;

/// <summary>
/// Parses a CAMELS USGS streamflow file: rows <c>gauge_id year month day Q flag</c>, Q in ft³/s. A row flagged
/// <c>M</c> (missing) or with a negative Q (the file's <c>-999.00</c>) becomes NaN; flags <c>A</c> and <c>A:e</c> are
/// kept as values. The gauge id of every row must be the file's basin.
/// </summary>
internal static class StreamflowReader
{
    /// <summary>Format tag for the cache.</summary>
    public const string Format = "camels-streamflow-2";

    /// <summary>The table's single column, discharge in ft³/s.</summary>
    public const string Column = "streamflow_cfs";

    /// <summary>Parses the file's bytes.</summary>
    /// <exception cref="Hydro.Abstractions.Contracts.DataException">Any malformed line, with file and line.</exception>
    public static DailyTable Parse(string path, string basin, byte[] bytes)
    {
        var reader = new LineReader(bytes);
        var builder = new DailyTableBuilder(path, [Column], 13000);
        var id = System.Text.Encoding.ASCII.GetBytes(basin);
        Span<Range> r = stackalloc Range[8];
        while (reader.TryRead(out var line))
        {
            if (LineReader.IsBlank(line))
            {
                continue;
            }

            var n = Fields.SplitWhitespace(line, r);
            if (n != 6)
            {
                throw DataErrors.At(path, reader.LineNumber, $"expected 6 columns (gauge_id year month day Q flag), found {n}" + (n < 6 ? " (truncated line?)" : string.Empty));
            }

            if (!line[r[0]].SequenceEqual(id))
            {
                throw DataErrors.At(path, reader.LineNumber, $"gauge id {DataErrors.Show(line[r[0]])} differs from the file's basin '{basin}'");
            }

            if (!Dates.TryDay(line[r[1]], line[r[2]], line[r[3]], out var day))
            {
                throw DataErrors.At(path, reader.LineNumber, $"invalid date {DataErrors.Show(line[r[1].Start..r[3].End])}");
            }

            if (!Numbers.TryParseDouble(line[r[4]], out var q))
            {
                throw DataErrors.Value(path, reader.LineNumber, "Q (discharge)", basin, day, line[r[4]]);
            }

            var flag = line[r[5]];
            if (flag[0] is not ((byte)'A' or (byte)'M' or (byte)'P' or (byte)'E'))
            {
                throw DataErrors.At(path, reader.LineNumber, $"unknown quality flag {DataErrors.Show(flag)} (expected A, A:e or M)");
            }

            builder.Add(day, reader.LineNumber)[0] = flag[0] == (byte)'M' || q < 0 ? float.NaN : (float)q;
        }

        return builder.Build(reader.LineNumber);
    }
}
