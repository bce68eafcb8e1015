using Hydro.NetCdf.Native;

namespace Hydro.NetCdf;

// Hyperslab reads. start/count are per dimension in the variable's order (null: the whole variable); the result
// is row-major (the last dimension varies fastest), e.g. [count0 * count1 * count2] for (time, y, x).
public sealed partial class NetCdfFile
{
    /// <summary>
    /// Reads a window as float, CF-decoded: values equal to <c>_FillValue</c> or <c>missing_value</c> become NaN, then
    /// packed values are unpacked (<c>value * scale_factor + add_offset</c>). Any numeric stored type is accepted.
    /// </summary>
    /// <param name="variable">The variable name.</param>
    /// <param name="start">First index per dimension; null: all zeros.</param>
    /// <param name="count">Number of elements per dimension; null: up to the end.</param>
    /// <returns>Row-major values, <c>[count0 * count1 * …]</c>.</returns>
    public float[] ReadFloat(string variable, int[]? start = null, int[]? count = null)
    {
        var v = Numeric(variable);
        var (s, c, n) = Window(v, start, count, v.Dimensions.Count);
        var cf = CfEncoding.Of(v);
        if (v.Type != NetCdfType.Float || cf.IsPacked)
        {
            var d = ReadDouble(variable, start, count);
            return Array.ConvertAll(d, x => (float)x);
        }

        var values = new float[n];
        if (n > 0)
        {
            Check(Nc.GetVara(ncid, v.Id, s, c, values), variable, Reading(v, s, c));
            cf.Mask(values);
        }

        return values;
    }

    /// <summary>Reads a window as double, CF-decoded like <see cref="ReadFloat"/>.</summary>
    public double[] ReadDouble(string variable, int[]? start = null, int[]? count = null)
    {
        var v = Numeric(variable);
        var (s, c, n) = Window(v, start, count, v.Dimensions.Count);
        var values = new double[n];
        if (n > 0)
        {
            Check(Nc.GetVara(ncid, v.Id, s, c, values), variable, Reading(v, s, c));
            CfEncoding.Of(v).Decode(values);
        }

        return values;
    }

    /// <summary>
    /// Reads a window as int, raw: no fill masking or unpacking (an int has no NaN); use it for masks, flags
    /// and indices (e.g. <c>basin_mask</c>, <c>gauge_row</c>). Values outside the int range fail (NC_ERANGE).
    /// </summary>
    public int[] ReadInt(string variable, int[]? start = null, int[]? count = null)
    {
        var v = Numeric(variable);
        var (s, c, n) = Window(v, start, count, v.Dimensions.Count);
        var values = new int[n];
        if (n > 0)
        {
            Check(Nc.GetVara(ncid, v.Id, s, c, values), variable, Reading(v, s, c));
        }

        return values;
    }

    /// <summary>
    /// Reads strings: an NC_STRING variable (window over all its dimensions) or a char array whose last dimension is
    /// the string length (window over the other dimensions; trailing NULs removed), e.g. <c>gauge_id(gauge)</c>.
    /// </summary>
    public string[] ReadStrings(string variable, int[]? start = null, int[]? count = null)
    {
        ThrowIfDisposed();
        var v = Variable(variable);
        if (v.Type == NetCdfType.String)
        {
            var (s, c, n) = Window(v, start, count, v.Dimensions.Count);
            var values = new string[n];
            if (n > 0)
            {
                Check(Nc.GetVaraStrings(ncid, v.Id, s, c, values), variable, Reading(v, s, c));
            }

            return values;
        }

        if (v.Type == NetCdfType.Char && v.Dimensions.Count >= 1)
        {
            var (s, c, n) = Window(v, start, count, v.Dimensions.Count - 1);
            var width = v.Shape[^1];
            var bytes = new byte[(long)n * width];
            if (bytes.Length > 0)
            {
                Check(Nc.GetVaraText(ncid, v.Id, [.. s, 0], [.. c, width], bytes), variable, Reading(v, s, c));
            }

            var values = new string[n];
            for (var i = 0; i < n; i++)
            {
                values[i] = System.Text.Encoding.UTF8.GetString(bytes, i * width, width).TrimEnd('\0');
            }

            return values;
        }

        throw new NetCdfException(Path, variable,
            $"expected strings (NC_STRING or a char array) but the variable holds {v.Type}. Read it with ReadFloat/ReadDouble/ReadInt.");
    }

    private NetCdfVariable Numeric(string variable)
    {
        ThrowIfDisposed();
        var v = Variable(variable);
        if (v.Type is < NetCdfType.Byte or > NetCdfType.UInt64 or NetCdfType.Char)
        {
            throw new NetCdfException(Path, variable,
                $"expected numbers but the variable holds {v.Type}{(v.Type is NetCdfType.Char or NetCdfType.String ? "; read it with ReadStrings" : "")}.");
        }

        return v;
    }

    // Validates a window against the first `rank` dimensions and returns it in the native layout.
    private (long[] Start, long[] Count, int Size) Window(NetCdfVariable v, int[]? start, int[]? count, int rank)
    {
        start ??= new int[rank];
        count ??= [.. Enumerable.Range(0, rank).Select(i => v.Shape[i] - (i < start.Length ? start[i] : 0))];
        var ok = start.Length == rank && count.Length == rank;
        for (var i = 0; ok && i < rank; i++)
        {
            ok = start[i] >= 0 && count[i] >= 0 && (long)start[i] + count[i] <= v.Shape[i];
        }

        if (!ok)
        {
            throw new NetCdfException(Path, v.Name,
                $"the window start [{string.Join(", ", start)}] count [{string.Join(", ", count)}] does not fit the variable " +
                $"{v.Name}({string.Join(", ", v.Dimensions.Take(rank))}) of shape [{string.Join(", ", v.Shape.Take(rank))}]. " +
                "Check the period, basin or cells asked for against the file's extent.");
        }

        var size = count.Aggregate(1L, (a, b) => a * b);
        if (size > Array.MaxLength)
        {
            throw new NetCdfException(Path, v.Name, $"the window holds {size} values, more than one array can; read it in smaller windows.");
        }

        return (Array.ConvertAll(start, x => (long)x), Array.ConvertAll(count, x => (long)x), (int)size);
    }

    private static string Reading(NetCdfVariable v, long[] start, long[] count) =>
        $"reading {v.Name} start [{string.Join(", ", start)}] count [{string.Join(", ", count)}]";
}
