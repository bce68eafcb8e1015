namespace Hydro.NetCdf;

/// <summary>
/// CF decoding of stored numbers (CF-1.8 §2.5.1 missing data, §8.1 packed data): a stored value equal to
/// <c>_FillValue</c> or to one of <c>missing_value</c> is missing (NaN); others are unpacked as
/// <c>stored * scale_factor + add_offset</c>. Like xarray's default, <c>valid_min/valid_max/valid_range</c> are not
/// applied and the library's default fill values are not masked unless declared as <c>_FillValue</c>.
/// </summary>
internal sealed class CfEncoding
{
    private readonly double[] missing;
    private readonly double scale;
    private readonly double offset;

    private CfEncoding(double[] missing, double scale, double offset)
    {
        this.missing = missing;
        this.scale = scale;
        this.offset = offset;
    }

    public bool IsPacked => scale != 1 || offset != 0;

    public static CfEncoding Of(NetCdfVariable v)
    {
        var missing = (v.Numbers("_FillValue") ?? []).Concat(v.Numbers("missing_value") ?? [])
            .Where(x => !double.IsNaN(x)).Distinct().ToArray();
        var scale = v.Numbers("scale_factor") is [var s, ..] ? s : 1.0;
        var offset = v.Numbers("add_offset") is [var o, ..] ? o : 0.0;
        return new CfEncoding(missing, scale, offset);
    }

    public void Mask(float[] values)
    {
        foreach (var m in missing)
        {
            var f = (float)m;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] == f)
                {
                    values[i] = float.NaN;
                }
            }
        }
    }

    public void Decode(double[] values)
    {
        foreach (var m in missing)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] == m)
                {
                    values[i] = double.NaN;
                }
            }
        }

        if (IsPacked)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = values[i] * scale + offset;
            }
        }
    }
}
