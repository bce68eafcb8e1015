using Hydro.Abstractions.Contracts;
using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Data;

/// <summary>
/// Per-basin dates for the train, validation and test periods (neuralhydrology's per-basin period files), read from a
/// CSV file with the header <c>basin,period,start,end</c> and one row per basin and period (dates YYYY-MM-DD or
/// YYYY-MM-DDTHH:MM, both included; an end given as a date is the day's last step). Basins and periods without a row
/// use the experiment's dates.
/// </summary>
public sealed class PerBasinPeriods
{
    /// <summary>No per-basin dates.</summary>
    public static readonly PerBasinPeriods None = new(new Dictionary<(string, string), (PeriodDate, PeriodDate)>());

    private static readonly string[] Periods = ["train", "validation", "test"];
    private readonly Dictionary<(string Basin, string Period), (PeriodDate Start, PeriodDate End)> dates;

    private PerBasinPeriods(Dictionary<(string Basin, string Period), (PeriodDate Start, PeriodDate End)> dates) => this.dates = dates;

    /// <summary>Rows read.</summary>
    public int Count => dates.Count;

    /// <summary>The first and last step of <paramref name="period"/> for <paramref name="basin"/> with data of step <paramref name="step"/>, or <paramref name="fallback"/>.</summary>
    public (DateTime Start, DateTime End) For(string basin, string period, (DateTime Start, DateTime End) fallback, TimeSpan step) =>
        dates.TryGetValue((basin, period), out var d) ? (d.Start.AsStart, d.End.AsEnd(step)) : fallback;

    /// <summary>Reads the file; null path gives <see cref="None"/>.</summary>
    /// <exception cref="DataException">Unreadable file, bad header, bad row (the message names the file and line).</exception>
    public static PerBasinPeriods Load(string? path)
    {
        if (path is null)
        {
            return None;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"periods.per_basin_file '{path}' cannot be read: {e.Message}", e);
        }

        if (lines.Length == 0 || lines[0].Trim() != "basin,period,start,end")
        {
            throw new DataException($"{path}:1: the header must be 'basin,period,start,end'");
        }

        var dates = new Dictionary<(string, string), (PeriodDate, PeriodDate)>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var where = $"{path}:{i + 1}";
            var f = line.Split(',');
            if (f.Length != 4)
            {
                throw new DataException($"{where}: expected 4 comma-separated columns basin,period,start,end, found {f.Length}");
            }

            var (basin, period) = (f[0].Trim(), f[1].Trim());
            if (!Periods.Contains(period))
            {
                throw new DataException($"{where}: period '{period}' is not train, validation or test");
            }

            var start = Date(f[2], where);
            var end = Date(f[3], where);
            if (end.Value <= start.Value)
            {
                throw new DataException($"{where}: basin {basin}: the {period} period ends on {end}, not after its start {start}");
            }

            if (!dates.TryAdd((basin, period), (start, end)))
            {
                throw new DataException($"{where}: basin {basin} has a second {period} row");
            }
        }

        return new PerBasinPeriods(dates);
    }

    private static PeriodDate Date(string text, string where) =>
        PeriodDate.TryParse(text, out var d)
            ? d
            : throw new DataException($"{where}: '{text.Trim()}' is not a date YYYY-MM-DD or a date and time YYYY-MM-DDTHH:MM");
}
