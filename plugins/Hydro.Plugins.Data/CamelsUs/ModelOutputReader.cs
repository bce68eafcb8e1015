using System.Text;
using Hydro.Plugins.Data.Common;

namespace Hydro.Plugins.Data.CamelsUs;

/// <summary>
/// Parses a CAMELS SAC-SMA + Snow-17 model output file: header <c>YR MNTH DY HR SWE PRCP RAIM TAIR PET ET MOD_RUN
/// OBS_RUN</c>, whitespace-separated daily rows. Returns the <see cref="CamelsVariables.Sacsma"/> columns; -999 is NaN.
/// </summary>
internal static class ModelOutputReader
{
    /// <summary>Format tag for the cache.</summary>
    public const string Format = "camels-sacsma-2";

    /// <summary>Parses the file's bytes.</summary>
    /// <exception cref="Hydro.Abstractions.Contracts.DataException">Any malformed line, with file and line.</exception>
    public static DailyTable Parse(string path, string basin, byte[] bytes)
    {
        var reader = new LineReader(bytes);
        if (!reader.TryRead(out var headerLine))
        {
            throw DataErrors.At(path, 1, "empty file (expected the header 'YR MNTH DY HR SWE PRCP RAIM TAIR PET ET MOD_RUN OBS_RUN')");
        }

        var header = Encoding.UTF8.GetString(headerLine).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (header.Length < 4 || !header.Take(4).SequenceEqual(["YR", "MNTH", "DY", "HR"]))
        {
            throw DataErrors.At(path, 1, $"header should start 'YR MNTH DY HR', found '{string.Join(' ', header)}'");
        }

        var source = CamelsVariables.Sacsma.Select(s => Array.IndexOf(header, s.Column)).ToArray();
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] < 0)
            {
                throw DataErrors.At(path, 1, $"header lacks column {CamelsVariables.Sacsma[i].Column}");
            }
        }

        var builder = new DailyTableBuilder(path, [.. CamelsVariables.Sacsma.Select(s => s.Name)], 13000);
        Span<Range> r = stackalloc Range[32];
        while (reader.TryRead(out var line))
        {
            if (LineReader.IsBlank(line))
            {
                continue;
            }

            var n = Fields.SplitWhitespace(line, r);
            if (n != header.Length)
            {
                throw DataErrors.At(path, reader.LineNumber, $"expected {header.Length} columns as in the header, found {n}" + (n < header.Length ? " (truncated line?)" : string.Empty));
            }

            if (!Dates.TryDay(line[r[0]], line[r[1]], line[r[2]], out var day))
            {
                throw DataErrors.At(path, reader.LineNumber, $"invalid date {DataErrors.Show(line[r[0].Start..r[2].End])}");
            }

            var row = builder.Add(day, reader.LineNumber);
            for (var c = 0; c < source.Length; c++)
            {
                var field = line[r[source[c]]];
                if (!Numbers.TryParseFloat(field, out var v))
                {
                    throw DataErrors.Value(path, reader.LineNumber, header[source[c]], basin, day, field);
                }

                row[c] = v == -999f ? float.NaN : v;
            }
        }

        return builder.Build(reader.LineNumber);
    }
}
