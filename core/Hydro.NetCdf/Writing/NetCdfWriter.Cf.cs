namespace Hydro.NetCdf;

// CF building blocks (time axis, projected grid, basin axis, float fields) and the two one-call layouts.
public sealed partial class NetCdfWriter
{
    private string? gridMapping;

    /// <summary>Writes a <c>(time, y, x)</c> grid series with x/y coordinates and grid mapping, atomically.</summary>
    public static void WriteGridSeries(string path, CfGridSeries series, int deflateLevel = 4)
    {
        ArgumentNullException.ThrowIfNull(series);
        using var w = Create(path, deflateLevel);
        w.SetGlobals(series.Title, series.History);
        w.DefineTime("time", series.Times, series.TimeUnits ?? DefaultTimeUnits(series.Times));
        w.DefineGrid(series.X, series.Y, series.Crs);
        foreach (var field in series.Fields)
        {
            w.WriteField(field, "time", "y", "x");
        }

        w.Commit();
    }

    /// <summary>Writes per-basin series <c>(basin, time)</c> as a CF timeSeries collection, atomically.</summary>
    public static void WriteBasinTable(string path, CfBasinTable table, int deflateLevel = 4)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var w = Create(path, deflateLevel);
        w.SetGlobals(table.Title, table.History);
        w.SetGlobalAttribute("featureType", "timeSeries");
        w.DefineBasins(table.Basins);
        w.DefineTime("time", table.Times, table.TimeUnits ?? DefaultTimeUnits(table.Times));
        foreach (var field in table.Fields)
        {
            w.WriteField(field, "basin", "time");
        }

        w.Commit();
    }

    /// <summary>
    /// The coarsest unit (days, hours, minutes, seconds) in which every time is a whole number since the first one.
    /// </summary>
    public static CfTimeUnits DefaultTimeUnits(IReadOnlyList<DateTime> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var epoch = times.Count > 0 ? times[0] : new DateTime(1970, 1, 1);
        var unit = new[] { (CfTimeUnit.Days, TimeSpan.TicksPerDay), (CfTimeUnit.Hours, TimeSpan.TicksPerHour), (CfTimeUnit.Minutes, TimeSpan.TicksPerMinute) }
            .FirstOrDefault(u => times.All(t => (t - epoch).Ticks % u.Item2 == 0), (CfTimeUnit.Seconds, 0)).Item1;
        return CfTimeUnits.Create(unit, epoch);
    }

    /// <summary>Defines dimension <paramref name="name"/> and its CF time coordinate, and writes the times.</summary>
    public void DefineTime(string name, IReadOnlyList<DateTime> times, CfTimeUnits units)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(units);
        DefineDimension(name, times.Count);
        DefineVariable(name, NetCdfType.Double, name);
        SetAttribute(name, "standard_name", "time");
        SetAttribute(name, "long_name", "time");
        SetAttribute(name, "axis", "T");
        SetAttribute(name, "units", units.Units);
        SetAttribute(name, "calendar", units.CalendarName);
        Write(name, times.Select(units.Encode).ToArray());
    }

    /// <summary>
    /// Defines dimensions <c>y</c>, <c>x</c> with projected coordinates (m) and, when given, a grid mapping variable
    /// with the attributes of <paramref name="crs"/> (e.g. the input file's <c>crs</c>); later (…, y, x) fields refer to it.
    /// </summary>
    public void DefineGrid(IReadOnlyList<double> x, IReadOnlyList<double> y, NetCdfVariable? crs = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        foreach (var (name, values, axis) in new[] { ("y", y, "Y"), ("x", x, "X") })
        {
            DefineDimension(name, values.Count);
            DefineVariable(name, NetCdfType.Double, name);
            SetAttribute(name, "standard_name", $"projection_{name}_coordinate");
            SetAttribute(name, "long_name", $"{name} of cell centre");
            SetAttribute(name, "units", "m");
            SetAttribute(name, "axis", axis);
            Write(name, values.ToArray());
        }

        if (crs is not null)
        {
            gridMapping = crs.Name;
            DefineVariable(crs.Name, NetCdfType.Int);
            CopyAttributes(crs, crs.Name);
        }
    }

    /// <summary>Defines dimension <c>basin</c> and a string coordinate with the ids (<c>cf_role = timeseries_id</c>).</summary>
    public void DefineBasins(IReadOnlyList<string> ids, string name = "basin")
    {
        ArgumentNullException.ThrowIfNull(ids);
        DefineDimension(name, ids.Count);
        DefineVariable(name, NetCdfType.String, name);
        SetAttribute(name, "cf_role", "timeseries_id");
        SetAttribute(name, "long_name", "basin (gauge) id");
        Write(name, ids);
    }

    /// <summary>
    /// Defines a float variable over <paramref name="dimensions"/> with <c>_FillValue = NaN</c>, units, long_name,
    /// standard_name and, for grids (last dimensions y, x) after <see cref="DefineGrid"/> with a crs, grid_mapping;
    /// then writes its values.
    /// </summary>
    public void WriteField(CfField field, params string[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(field);
        DefineVariable(field.Name, NetCdfType.Float, dimensions);
        SetAttribute(field.Name, "_FillValue", double.NaN);
        SetAttribute(field.Name, "units", field.Units);
        SetAttribute(field.Name, "long_name", field.LongName);
        if (field.StandardName is not null)
        {
            SetAttribute(field.Name, "standard_name", field.StandardName);
        }

        if (gridMapping is not null && dimensions is [.., "y", "x"])
        {
            SetAttribute(field.Name, "grid_mapping", gridMapping);
        }

        Write(field.Name, field.Values);
    }

    private void SetGlobals(string? title, string? history)
    {
        if (title is not null)
        {
            SetGlobalAttribute("title", title);
        }

        if (history is not null)
        {
            SetGlobalAttribute("history", history);
        }
    }
}
