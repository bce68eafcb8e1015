using System.Text;
using Hydro.Plugins.Data.Common;

namespace Hydro.Plugins.Data.CamelsUs;

/// <summary>
/// Parses a CAMELS basin-mean forcing file: three header lines (gauge latitude in °, mean elevation in m, area in
/// m²), a column header <c>Year Mnth Day Hr dayl(s) prcp(mm/day) srad(W/m2) swe(mm) tmax(C) tmin(C) vp(Pa)</c>
/// (any case, any column order after the date), then one whitespace-separated row per day (spaces or tabs);
/// a value of exactly -999 is NaN, blank rows are skipped.
/// </summary>
internal static class ForcingReader
{
    /// <summary>Format tag for the cache.</summary>
    public const string Format = "camels-forcing-2";

    /// <summary>Header index of the latitude in <see cref="DailyTable.Header"/>.</summary>
    public const int Latitude = 0;

    /// <summary>Header index of the area (m²).</summary>
    public const int Area = 2;

    private static readonly string[] HeaderNames = ["latitude", "elevation", "area"];

    /// <summary>Parses the file's bytes; columns in <see cref="CamelsVariables.Forcing"/> order.</summary>
    /// <exception cref="Hydro.Abstractions.Contracts.DataException">Any malformed line, with file and line.</exception>
    public static DailyTable Parse(string path, string basin, byte[] bytes)
    {
        var reader = new LineReader(bytes);
        var header = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!reader.TryRead(out var line))
            {
                throw DataErrors.At(path, reader.LineNumber + 1, $"file ends before header line {i + 1} ({HeaderNames[i]})");
            }

            if (!Numbers.TryParseDouble(line.Trim(" \t"u8), out header[i]) || double.IsNaN(header[i]))
            {
                throw DataErrors.At(path, reader.LineNumber, $"header line {i + 1} should be the basin {HeaderNames[i]} (a number), found {DataErrors.Show(line)}");
            }
        }

        if (header[Area] <= 0)
        {
            throw DataErrors.At(path, 3, $"basin area must be positive (m²), found {header[Area]}");
        }

        if (!reader.TryRead(out var columnsLine))
        {
            throw DataErrors.At(path, 4, "file ends before the column header");
        }

        var map = MapColumns(path, reader.LineNumber, columnsLine, out var tokens);
        var names = CamelsVariables.Forcing.Select(f => f.Name).ToArray();
        var builder = new DailyTableBuilder(path, names, 13000);
        Span<Range> r = stackalloc Range[16];
        while (reader.TryRead(out var line))
        {
            if (LineReader.IsBlank(line))
            {
                continue;
            }

            var n = Fields.SplitWhitespace(line, r);
            if (n != 11)
            {
                throw DataErrors.At(path, reader.LineNumber, $"expected 11 columns (Year Mnth Day Hr and 7 variables), found {n}" + (n < 11 ? " (truncated line?)" : string.Empty));
            }

            if (!Dates.TryDay(line[r[0]], line[r[1]], line[r[2]], out var day))
            {
                throw DataErrors.At(path, reader.LineNumber, $"invalid date {DataErrors.Show(line[r[0].Start..r[2].End])}");
            }

            var row = builder.Add(day, reader.LineNumber);
            for (var c = 0; c < 7; c++)
            {
                var field = line[r[4 + c]];
                if (!Numbers.TryParseFloat(field, out var v))
                {
                    throw DataErrors.Value(path, reader.LineNumber, tokens[4 + c], basin, day, field);
                }

                row[map[c]] = v == -999f ? float.NaN : v;
            }
        }

        return builder.Build(reader.LineNumber, header);
    }

    /// <summary>For each file column after the date, the index of its variable in <see cref="CamelsVariables.Forcing"/>.</summary>
    private static int[] MapColumns(string path, int lineNumber, ReadOnlySpan<byte> line, out string[] tokens)
    {
        tokens = Encoding.UTF8.GetString(line).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var expected = "Year Mnth Day Hr " + string.Join(' ', CamelsVariables.Forcing.Select(f => $"{f.Name}({f.HeaderUnit})"));
        if (tokens.Length != 11 || !tokens.Take(4).Select(t => t.ToLowerInvariant()).SequenceEqual(["year", "mnth", "day", "hr"]))
        {
            throw DataErrors.At(path, lineNumber, $"column header should read '{expected}' (any case), found '{string.Join(' ', tokens)}'");
        }

        var map = new int[7];
        var seen = new bool[7];
        for (var i = 0; i < 7; i++)
        {
            var token = tokens[4 + i].ToLowerInvariant();
            var open = token.IndexOf('(', StringComparison.Ordinal);
            var name = open < 0 ? token : token[..open];
            var unit = open < 0 || !token.EndsWith(')') ? string.Empty : token[(open + 1)..^1];
            var index = Array.FindIndex(CamelsVariables.Forcing, f => f.Name == name);
            if (index < 0 || seen[index])
            {
                throw DataErrors.At(path, lineNumber, $"unexpected column '{tokens[4 + i]}'; the header should read '{expected}'");
            }

            if (unit != CamelsVariables.Forcing[index].HeaderUnit)
            {
                throw DataErrors.At(path, lineNumber, $"column '{tokens[4 + i]}' should be in {CamelsVariables.Forcing[index].HeaderUnit} ('{name}({CamelsVariables.Forcing[index].HeaderUnit})'); values in other units are not converted");
            }

            seen[index] = true;
            map[i] = index;
        }

        return map;
    }
}
