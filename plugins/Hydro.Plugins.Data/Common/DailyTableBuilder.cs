namespace Hydro.Plugins.Data.Common;

/// <summary>
/// Collects the rows of a daily file in order, rejecting duplicated and out-of-order dates with the line numbers of
/// both rows, and builds a <see cref="DailyTable"/> (days without a row become NaN).
/// </summary>
internal sealed class DailyTableBuilder
{
    private readonly string file;
    private readonly string[] columns;
    private int[] days;
    private int[] lines;
    private float[] values;
    private int count;

    /// <summary>Starts an empty table with the given columns.</summary>
    public DailyTableBuilder(string file, string[] columns, int capacity = 4096)
    {
        this.file = file;
        this.columns = columns;
        days = new int[capacity];
        lines = new int[capacity];
        values = new float[capacity * columns.Length];
    }

    /// <summary>Number of rows added.</summary>
    public int Count => count;

    /// <summary>Adds a row for <paramref name="day"/> read at <paramref name="line"/>; returns its value slots.</summary>
    /// <exception cref="Hydro.Abstractions.Contracts.DataException">The date repeats or precedes the previous row's.</exception>
    public Span<float> Add(int day, int line)
    {
        if (count > 0 && day <= days[count - 1])
        {
            var previous = days[count - 1];
            throw day == previous
                ? DataErrors.At(file, line, $"duplicated date {DataErrors.Day(day)} (already on line {lines[count - 1]})")
                : DataErrors.At(file, line, $"dates out of order: {DataErrors.Day(day)} follows {DataErrors.Day(previous)} (line {lines[count - 1]})");
        }

        if (count == days.Length)
        {
            Array.Resize(ref days, count * 2);
            Array.Resize(ref lines, count * 2);
            Array.Resize(ref values, count * 2 * columns.Length);
        }

        days[count] = day;
        lines[count] = line;
        count++;
        return values.AsSpan((count - 1) * columns.Length, columns.Length);
    }

    /// <summary>Builds the column-major table.</summary>
    /// <exception cref="Hydro.Abstractions.Contracts.DataException">No data rows.</exception>
    public DailyTable Build(int lastLine, double[]? header = null)
    {
        if (count == 0)
        {
            throw DataErrors.At(file, lastLine, "no data rows (empty or truncated file)");
        }

        var first = days[0];
        var length = days[count - 1] - first + 1;
        var width = columns.Length;
        var result = new float[width][];
        for (var c = 0; c < width; c++)
        {
            var column = new float[length];
            if (length != count)
            {
                column.AsSpan().Fill(float.NaN);
            }

            for (var r = 0; r < count; r++)
            {
                column[days[r] - first] = values[(r * width) + c];
            }

            result[c] = column;
        }

        return new DailyTable(file, columns, first, length, result, header);
    }
}
