using Hydro.NetCdf.Native;

namespace Hydro.NetCdf;

// Hyperslab writes: start/count per dimension in the variable's order (null: the whole variable, or for an
// unlimited first dimension as many records as the values fill); values row-major, last dimension fastest.
public sealed partial class NetCdfWriter
{
    /// <summary>Writes float values (converted by the library to the variable's type).</summary>
    public void Write(string variable, float[] values, int[]? start = null, int[]? count = null)
    {
        var (id, s, c) = Window(variable, values.Length, start, count);
        Check(Nc.PutVara(ncid, id, s, c, values), variable, "writing values");
    }

    /// <summary>Writes double values.</summary>
    public void Write(string variable, double[] values, int[]? start = null, int[]? count = null)
    {
        var (id, s, c) = Window(variable, values.Length, start, count);
        Check(Nc.PutVara(ncid, id, s, c, values), variable, "writing values");
    }

    /// <summary>Writes int values.</summary>
    public void Write(string variable, int[] values, int[]? start = null, int[]? count = null)
    {
        var (id, s, c) = Window(variable, values.Length, start, count);
        Check(Nc.PutVara(ncid, id, s, c, values), variable, "writing values");
    }

    /// <summary>Writes strings into an NC_STRING variable.</summary>
    public void Write(string variable, IReadOnlyList<string> values, int[]? start = null, int[]? count = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (variables.TryGetValue(variable, out var v) && v.Type != NetCdfType.String)
        {
            throw new ArgumentException($"variable '{variable}' is {v.Type}, not String.", nameof(variable));
        }

        var (id, s, c) = Window(variable, values.Count, start, count);
        Check(Nc.PutVaraStrings(ncid, id, s, c, values), variable, "writing strings");
    }

    private (int Id, long[] Start, long[] Count) Window(string variable, int length, int[]? start, int[]? count)
    {
        var v = variables[CheckedVariable(variable)];
        var rank = v.Dimensions.Length;
        start ??= new int[rank];
        if (count is null)
        {
            var lengths = v.Dimensions.Select(d => dimensions[d]).ToArray();
            var inner = lengths.Skip(1).Aggregate(1L, (a, d) => a * d.Length);
            count = [.. lengths.Select((d, i) => d.Unlimited && i == 0 && inner > 0 ? (int)(length / inner) : d.Length - start[i])];
        }

        var size = count.Aggregate(1L, (a, b) => a * b);
        if (start.Length != rank || count.Length != rank || size != length)
        {
            throw new ArgumentException(
                $"{Path}: variable '{variable}({string.Join(", ", v.Dimensions)})': {length} values do not fill the window start " +
                $"[{string.Join(", ", start)}] count [{string.Join(", ", count)}] ({size} values).", nameof(variable));
        }

        return (v.Id, Array.ConvertAll(start, x => (long)x), Array.ConvertAll(count, x => (long)x));
    }
}
