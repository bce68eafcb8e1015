using System.Globalization;
using Hydro.Abstractions.Contracts;
using Hydro.NetCdf;

namespace Hydro.Plugins.Data.NetCdfGrid;

/// <summary>
/// One open <c>netcdf_grid</c> file: its time axis and step, coordinates, CRS, gauges and channels. The file stays
/// open for the dataset's lifetime (HDF5 caches decompressed chunks per handle; reopening is slow).
/// </summary>
internal sealed class GridFile : IDisposable
{
    private GridFile(NetCdfFile nc, string discharge)
    {
        Nc = nc;
        Discharge = discharge;
    }

    public NetCdfFile Nc { get; }

    public string Path => Nc.Path;

    public string Discharge { get; }

    /// <summary>Stamps of the time axis [T].</summary>
    public DateTime[] Times { get; private set; } = [];

    public TimeSpan Step { get; private set; }

    public double[] X { get; private set; } = [];

    public double[] Y { get; private set; } = [];

    public GridCrs Crs { get; private set; } = GridCrs.Unknown;

    /// <summary>Channel name → (variable, unit), in the options' (or the file's) order.</summary>
    public IReadOnlyList<(string Channel, string Variable, string Unit)> Channels { get; private set; } = [];

    public string[] GaugeIds { get; private set; } = [];

    /// <summary>Gauge areas (km²) [G].</summary>
    public double[] GaugeAreas { get; private set; } = [];

    public int[] GaugeRows { get; private set; } = [];

    public int[] GaugeColumns { get; private set; } = [];

    /// <summary>Discharge (m3 s-1) [T, G], row-major; NaN where missing.</summary>
    public float[] DischargeValues { get; private set; } = [];

    public int Height => Y.Length;

    public int Width => X.Length;

    /// <summary>Opens and checks <paramref name="path"/>.</summary>
    /// <exception cref="DataException">Missing or unreadable file, missing or mis-shaped variable, irregular time axis.</exception>
    public static GridFile Open(string path, IReadOnlyDictionary<string, string>? channels, string discharge)
    {
        var nc = NetCdfFile.Open(path);
        var file = new GridFile(nc, discharge);
        try
        {
            file.Read(channels);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Index of the step stamped <paramref name="time"/>, or a DataException naming the file and the period.</summary>
    public int StepIndex(DateTime time, DateTime start, DateTime end, string basin)
    {
        var offset = time - Times[0];
        if (end < start || start < Times[0] || end > Times[^1] || offset.Ticks % Step.Ticks != 0 || (end - start).Ticks % Step.Ticks != 0)
        {
            throw new DataException($"{Path}: basin {basin}: the requested period {Stamp(start)}..{Stamp(end)} is not inside the time axis "
                + $"{Stamp(Times[0])}..{Stamp(Times[^1])} or not on its step of {Describe(Step)}; move the period inside it, on whole steps");
        }

        return (int)(offset.Ticks / Step.Ticks);
    }

    /// <summary>The D8 flow directions [H, W].</summary>
    public int[,] FlowDirection() => Grid("flow_direction");

    /// <summary>The file's basin mask [H, W] (nonzero = inside).</summary>
    public int[,] BasinMask() => Grid("basin_mask");

    public void Dispose() => Nc.Dispose();

    public static string Stamp(DateTime t) => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string Describe(TimeSpan step) => step.TotalDays >= 1 && step.Ticks % TimeSpan.TicksPerDay == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{step.TotalDays} day(s)")
        : step.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{step.TotalHours} hour(s)")
        : string.Create(CultureInfo.InvariantCulture, $"{step.TotalSeconds} s");

    private int[,] Grid(string name)
    {
        Nc.RequireDimensions(name, "y", "x");
        var flat = Nc.ReadInt(name);
        var grid = new int[Height, Width];
        Buffer.BlockCopy(flat, 0, grid, 0, flat.Length * sizeof(int));
        return grid;
    }

    private void Read(IReadOnlyDictionary<string, string>? channels)
    {
        Nc.Dimension("time");
        Nc.Dimension("y");
        Nc.Dimension("x");
        Nc.Dimension("gauge");
        Nc.RequireDimensions("time", "time");
        Times = Nc.ReadTimes();
        if (Times.Length < 2)
        {
            throw new NetCdfException(Path, "time", $"{Path}: variable 'time': {Times.Length} step(s); the time axis needs at least two to give the step.");
        }

        Step = Times[1] - Times[0];
        for (var t = 1; t < Times.Length; t++)
        {
            if (Times[t] - Times[t - 1] != Step || Step <= TimeSpan.Zero)
            {
                throw new NetCdfException(Path, "time", $"{Path}: variable 'time': the time axis is irregular: {Stamp(Times[t - 1])} → {Stamp(Times[t])} "
                    + $"after a first step of {Describe(Step)}; netcdf_grid needs a constant step (resample or fill the file's time axis).");
            }
        }

        Nc.RequireDimensions("x", "x");
        Nc.RequireDimensions("y", "y");
        X = Nc.ReadDouble("x");
        Y = Nc.ReadDouble("y");
        Crs = ReadCrs();
        Channels = ReadChannels(channels);

        Nc.RequireDimensions("gauge_id", "gauge");
        Nc.RequireDimensions("gauge_area", "gauge");
        Nc.RequireDimensions("gauge_row", "gauge");
        Nc.RequireDimensions("gauge_col", "gauge");
        GaugeIds = Nc.ReadStrings("gauge_id");
        GaugeAreas = Nc.ReadDouble("gauge_area");
        GaugeRows = Nc.ReadInt("gauge_row");
        GaugeColumns = Nc.ReadInt("gauge_col");
        for (var g = 0; g < GaugeIds.Length; g++)
        {
            if ((uint)GaugeRows[g] >= (uint)Height || (uint)GaugeColumns[g] >= (uint)Width)
            {
                throw new NetCdfException(Path, "gauge_row", $"{Path}: variable 'gauge_row'/'gauge_col': gauge {GaugeIds[g]}'s outlet cell ({GaugeRows[g]}, {GaugeColumns[g]}) "
                    + $"is outside the {Height}×{Width} grid (rows 0..{Height - 1}, columns 0..{Width - 1}); fix the gauge's row and column.");
            }

            if (!(GaugeAreas[g] > 0))
            {
                throw new NetCdfException(Path, "gauge_area", $"{Path}: variable 'gauge_area': gauge {GaugeIds[g]} has area {GaugeAreas[g].ToString(CultureInfo.InvariantCulture)} km2; "
                    + "streamflow in mm per step needs a positive area.");
            }
        }

        Nc.RequireDimensions(Discharge, "time", "gauge");
        DischargeValues = Nc.ReadFloat(Discharge);
    }

    private List<(string, string, string)> ReadChannels(IReadOnlyDictionary<string, string>? channels)
    {
        var result = new List<(string, string, string)>();
        if (channels is null)
        {
            foreach (var v in Nc.Variables.Values)
            {
                if (v.Type is NetCdfType.Float or NetCdfType.Double && v.Dimensions.SequenceEqual(["time", "y", "x"]))
                {
                    result.Add((v.Name, v.Name, v.Text("units") ?? "-"));
                }
            }

            if (result.Count == 0)
            {
                throw new NetCdfException(Path, null, $"{Path}: no float variable with dimensions (time, y, x): nothing to serve as a grid channel. "
                    + $"The file has: {string.Join(", ", Nc.Variables.Values)}.");
            }

            return result;
        }

        foreach (var (channel, variable) in channels)
        {
            var v = Nc.RequireDimensions(variable, "time", "y", "x");
            result.Add((channel, variable, v.Text("units") ?? "-"));
        }

        return result;
    }

    private GridCrs ReadCrs()
    {
        // The grid mapping named by the first channel-like variable, else a variable called crs; none: unknown CRS.
        var name = Nc.Variables.Values.Select(v => v.Text("grid_mapping")).FirstOrDefault(n => n is not null && Nc.Variables.ContainsKey(n))
            ?? (Nc.Variables.ContainsKey("crs") ? "crs" : null);
        var units = Nc.Variable("x").Text("units") ?? "m";
        if (name is null)
        {
            return GridCrs.Unknown with { Units = units };
        }

        var crs = Nc.Variable(name);
        var mapping = new Dictionary<string, object>();
        foreach (var a in crs.Attributes.Values)
        {
            if (a.Name is "crs_wkt" or "spatial_ref" or "epsg_code" or "GeoTransform")
            {
                continue;
            }

            mapping[a.Name] = a.IsText ? a.Text! : a.Numbers.Count == 1 ? a.Numbers[0] : a.Numbers.ToArray();
        }

        int? epsg = null;
        var code = crs.Text("epsg_code");
        if (code is not null && int.TryParse(code.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase) ? code[5..] : code, NumberStyles.None, CultureInfo.InvariantCulture, out var e))
        {
            epsg = e;
        }
        else if (crs.Numbers("epsg_code") is [var number])
        {
            epsg = (int)number;
        }

        return new GridCrs(epsg, crs.Text("crs_wkt") ?? crs.Text("spatial_ref"), mapping, units);
    }
}
