namespace Hydro.Plugins.Data.Common;

/// <summary>
/// The parsed time series of one file: one contiguous <c>float[]</c> per column over the days
/// <see cref="FirstDay"/> … <see cref="FirstDay"/> + <see cref="Length"/> − 1; NaN where a value is missing or a day
/// has no row.
/// </summary>
internal sealed class DailyTable
{
    private readonly float[][] values;

    /// <summary>Wraps parsed columns (each of length <paramref name="length"/>).</summary>
    public DailyTable(string file, IReadOnlyList<string> columns, int firstDay, int length, float[][] values, double[]? header = null)
    {
        Header = header ?? [];
        File = file;
        Columns = columns;
        FirstDay = firstDay;
        Length = length;
        this.values = values;
    }

    /// <summary>The file the table was read from.</summary>
    public string File { get; }

    /// <summary>Numbers read from the file's header lines (e.g. latitude, elevation, area of a CAMELS forcing file).</summary>
    public double[] Header { get; }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary><see cref="DateOnly.DayNumber"/> of the first row.</summary>
    public int FirstDay { get; }

    /// <summary>Number of days.</summary>
    public int Length { get; }

    /// <summary>Day number of the last row.</summary>
    public int LastDay => FirstDay + Length - 1;

    /// <summary>The values of column <paramref name="index"/>.</summary>
    public float[] Column(int index) => values[index];

    /// <summary>The values of the named column.</summary>
    public float[] Column(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == name)
            {
                return values[i];
            }
        }

        throw new KeyNotFoundException(name);
    }

    /// <summary>
    /// Copies <paramref name="source"/>, whose element 0 is day <paramref name="sourceFirstDay"/>, into column
    /// <paramref name="column"/> of <paramref name="destination"/>, whose row 0 is day <paramref name="startDay"/>;
    /// rows outside the source's days become NaN.
    /// </summary>
    public static void CopyInto(ReadOnlySpan<float> source, int sourceFirstDay, int startDay, float[,] destination, int column)
    {
        var rows = destination.GetLength(0);
        for (var t = 0; t < rows; t++)
        {
            var i = startDay + t - sourceFirstDay;
            destination[t, column] = (uint)i < (uint)source.Length ? source[i] : float.NaN;
        }
    }
}
