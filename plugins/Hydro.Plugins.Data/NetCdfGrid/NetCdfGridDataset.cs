using System.Globalization;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;

namespace Hydro.Plugins.Data.NetCdfGrid;

/// <summary>
/// Gridded catchments from CF NetCDF files (one grid per file, several gauges per grid), e.g. the Lez (daily) and Cance
/// (hourly) files of ../shared/data/grid. One basin per gauge, id = <c>gauge_id</c>.
/// </summary>
/// <remarks>
/// <para>Grid (<see cref="IGriddedDataset"/>): the file's whole grid, x / y cell centres (row 0 is <c>y[0]</c>), the CRS
/// of the grid-mapping variable (EPSG from <c>epsg_code</c>, WKT from <c>crs_wkt</c>, the CF attributes), and the
/// basin's mask: the cells draining to the gauge's outlet cell through the D8 <c>flow_direction</c>
/// (<see cref="D8Catchment"/>), or the file's <c>basin_mask</c>. <see cref="LoadGrid"/> reads only the requested time
/// window (a hyperslab).</para>
/// <para>Lumped (dynamic): each channel's mean over the basin's mask (NaN when any masked cell is missing), under the
/// channel's name and unit; <c>discharge</c> (m3 s-1) as in the file; <c>streamflow</c> (mm per step, the target):
/// q = Q·Δt / (A·1000) with Q in m3 s-1, Δt the step in seconds and A the gauge's <c>gauge_area</c> in km² (the
/// published area, not the mask's cell count: the 1 km cells only approximate the catchment). Static: <c>area</c>
/// (km², gauge_area) and <c>mask_cells</c> (-).</para>
/// </remarks>
[Component("netcdf_grid", typeof(NetCdfGridOptions), Summary = "Gridded catchments from CF NetCDF files (time, y, x, gauge): grids with D8-traced masks, basin means and discharge as streamflow in mm per step.")]
public sealed class NetCdfGridDataset : IGriddedDataset
{
    private readonly List<GridFile> files = [];
    private readonly Dictionary<string, (GridFile File, int Gauge, bool[,] Mask, int[] Cells)> basins = [];
    private readonly string[] order;
    private readonly VariableInfo[] variables;
    private readonly VariableInfo[] channels;
    private readonly TimeSpan step;

    /// <summary>Opens the files and builds each gauge's mask.</summary>
    /// <exception cref="DataException">Missing or bad file, variable or dimension; unknown gauge; files with different steps or channels.</exception>
    public NetCdfGridDataset(NetCdfGridOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (options.Files.Count == 0)
        {
            throw new DataException("netcdf_grid: 'files' is empty; list at least one CF NetCDF file (e.g. files: [../shared/data/grid/lez.nc])");
        }

        try
        {
            foreach (var path in options.Files)
            {
                files.Add(GridFile.Open(path, options.Channels, options.Discharge));
            }

            var first = files[0];
            step = first.Step;
            channels = [.. first.Channels.Select(c => new VariableInfo(c.Channel, c.Unit, false))];
            foreach (var f in files.Skip(1))
            {
                if (f.Step != step)
                {
                    throw new DataException($"{f.Path}: time step {GridFile.Describe(f.Step)} differs from {first.Path}'s {GridFile.Describe(step)}; one netcdf_grid dataset needs one step (use separate experiments)");
                }

                if (!f.Channels.Select(c => c.Channel).SequenceEqual(first.Channels.Select(c => c.Channel)))
                {
                    throw new DataException($"{f.Path}: grid channels {string.Join(", ", f.Channels.Select(c => c.Channel))} differ from {first.Path}'s {string.Join(", ", first.Channels.Select(c => c.Channel))}; set 'channels' to map the same names");
                }
            }

            foreach (var f in files)
            {
                for (var g = 0; g < f.GaugeIds.Length; g++)
                {
                    if (basins.TryGetValue(f.GaugeIds[g], out var seen))
                    {
                        throw new DataException($"{f.Path}: gauge {f.GaugeIds[g]} also appears in {seen.File.Path}; gauge ids must be unique across 'files'");
                    }

                    basins[f.GaugeIds[g]] = (f, g, new bool[0, 0], []);
                }
            }

            var wanted = context.Basins ?? options.Gauges ?? [.. basins.Keys];
            foreach (var id in wanted)
            {
                if (!basins.TryGetValue(id, out var b))
                {
                    throw new DataException($"netcdf_grid: unknown gauge '{id}'; the files ({string.Join(", ", files.Select(f => f.Path))}) have gauges {string.Join(", ", basins.Keys)}");
                }

                var mask = Mask(b.File, b.Gauge, options.Mask);
                basins[id] = (b.File, b.Gauge, mask, Cells(mask));
            }

            order = [.. wanted];
            foreach (var id in basins.Keys.Except(order).ToList())
            {
                basins.Remove(id);
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        var perStep = StepUnit(step);
        variables =
        [
            .. channels,
            new("discharge", "m3 s-1", false),
            new("streamflow", perStep, false),
            new("area", "km2", true),
            new("mask_cells", "-", true),
        ];
    }

    /// <inheritdoc/>
    public DatasetDescription Describe() =>
        new(order, variables, files.Min(f => f.Times[0]), files.Max(f => f.Times[^1])) { Step = step };

    /// <inheritdoc/>
    public GridDescription DescribeGrid(string basin)
    {
        var b = Basin(basin);
        return new GridDescription(channels, (double[])b.File.X.Clone(), (double[])b.File.Y.Clone(), (bool[,])b.Mask.Clone(), b.File.Crs)
        {
            Attributes = new Dictionary<string, string>
            {
                ["source_file"] = b.File.Path,
                ["gauge_row"] = b.File.GaugeRows[b.Gauge].ToString(CultureInfo.InvariantCulture),
                ["gauge_col"] = b.File.GaugeColumns[b.Gauge].ToString(CultureInfo.InvariantCulture),
            },
        };
    }

    /// <inheritdoc/>
    public GridSeries LoadGrid(string basin, GridRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = Basin(basin);
        var wanted = request.Channels.Select(n => Channel(b.File, basin, n)).ToArray();
        var t0 = b.File.StepIndex(request.Start, request.Start, request.End, basin);
        var steps = (int)((request.End - request.Start).Ticks / step.Ticks) + 1;
        int h = b.File.Height, w = b.File.Width, cells = h * w;
        var values = new float[(long)steps * wanted.Length * cells];
        for (var k = 0; k < wanted.Length; k++)
        {
            var window = b.File.Nc.ReadFloat(wanted[k], [t0, 0, 0], [steps, h, w]);
            for (var t = 0; t < steps; t++)
            {
                window.AsSpan(t * cells, cells).CopyTo(values.AsSpan((int)((((long)t * wanted.Length) + k) * cells), cells));
            }
        }

        return new GridSeries(basin, request.Start, steps, wanted.Length, h, w, values);
    }

    /// <inheritdoc/>
    public BasinSeries Load(string basin, DataRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = Basin(basin);
        Check(basin, request.Dynamic, false, "inputs.dynamic");
        Check(basin, request.Static, true, "inputs.static");
        Check(basin, request.Targets, false, "targets");
        var t0 = b.File.StepIndex(request.Start, request.Start, request.End, basin);
        var steps = (int)((request.End - request.Start).Ticks / step.Ticks) + 1;
        var cache = new Dictionary<string, float[]>();
        var statics = request.Static.Select(n => n == "area" ? (float)b.File.GaugeAreas[b.Gauge] : b.Cells.Length).ToArray();
        return new BasinSeries(basin, request.Start, Columns(b, request.Dynamic, t0, steps, cache), statics, Columns(b, request.Targets, t0, steps, cache));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var f in files)
        {
            f.Dispose();
        }

        files.Clear();
    }

    /// <summary>Streamflow in mm per step from discharge in m3 s-1: q = Q·Δt / (A·1000), A in km².</summary>
    public static double ToMillimetres(double discharge, TimeSpan step, double areaKm2) => discharge * step.TotalSeconds / (areaKm2 * 1000);

    private static string StepUnit(TimeSpan step) => step == TimeSpan.FromDays(1) ? "mm/day"
        : step == TimeSpan.FromHours(1) ? "mm/h"
        : "mm per " + GridFile.Describe(step);

    private static int[] Cells(bool[,] mask)
    {
        var cells = new List<int>();
        var i = 0;
        foreach (var inside in mask)
        {
            if (inside)
            {
                cells.Add(i);
            }

            i++;
        }

        return [.. cells];
    }

    private static bool[,] Mask(GridFile file, int gauge, GridMaskSource source)
    {
        var traced = D8Catchment.Upstream(file.FlowDirection(), file.GaugeRows[gauge], file.GaugeColumns[gauge]);
        if (source == GridMaskSource.FlowDirection)
        {
            return traced;
        }

        var given = file.BasinMask();
        var mask = new bool[file.Height, file.Width];
        int count = 0, tracedCount = 0;
        for (var i = 0; i < file.Height; i++)
        {
            for (var j = 0; j < file.Width; j++)
            {
                mask[i, j] = given[i, j] != 0;
                count += mask[i, j] ? 1 : 0;
                tracedCount += traced[i, j] ? 1 : 0;
            }
        }

        return count == tracedCount ? mask
            : throw new DataException($"{file.Path}: variable 'basin_mask': it has {count} cells but gauge {file.GaugeIds[gauge]}'s catchment traced through flow_direction has {tracedCount}: "
                + "basin_mask belongs to another gauge (the outlet). Use mask: flow_direction for nested gauges.");
    }

    private static string Channel(GridFile file, string basin, string name) =>
        file.Channels.FirstOrDefault(c => c.Channel == name).Variable
        ?? throw new DataException($"{file.Path}: basin {basin}: '{name}' is not a grid channel; channels: {string.Join(", ", file.Channels.Select(c => c.Channel))}");

    private (GridFile File, int Gauge, bool[,] Mask, int[] Cells) Basin(string basin)
    {
        ArgumentNullException.ThrowIfNull(basin);
        return basins.TryGetValue(basin, out var b) ? b
            : throw new DataException($"netcdf_grid: unknown basin '{basin}'; this dataset serves {string.Join(", ", order)} (option 'gauges')");
    }

    private void Check(string basin, IReadOnlyList<string> names, bool isStatic, string where)
    {
        foreach (var name in names)
        {
            if (Array.Find(variables, v => v.Name == name) is { } v && v.Static == isStatic)
            {
                continue;
            }

            var valid = string.Join(", ", variables.Where(v => v.Static == isStatic).Select(v => $"{v.Name} ({v.Unit})"));
            throw new DataException($"netcdf_grid: basin {basin}: unknown {(isStatic ? "static attribute" : "time series")} '{name}' in {where}; valid: {valid}");
        }
    }

    private float[,] Columns((GridFile File, int Gauge, bool[,] Mask, int[] Cells) b, IReadOnlyList<string> names, int t0, int steps, Dictionary<string, float[]> cache)
    {
        var result = new float[steps, names.Count];
        var gauges = b.File.GaugeIds.Length;
        for (var k = 0; k < names.Count; k++)
        {
            var name = names[k];
            if (name is "discharge" or "streamflow")
            {
                for (var t = 0; t < steps; t++)
                {
                    double q = b.File.DischargeValues[((t0 + t) * gauges) + b.Gauge];
                    result[t, k] = (float)(name == "discharge" ? q : ToMillimetres(q, step, b.File.GaugeAreas[b.Gauge]));
                }

                continue;
            }

            if (!cache.TryGetValue(name, out var means))
            {
                means = Means(b, Channel(b.File, b.File.GaugeIds[b.Gauge], name), t0, steps);
                cache[name] = means;
            }

            for (var t = 0; t < steps; t++)
            {
                result[t, k] = means[t];
            }
        }

        return result;
    }

    /// <summary>The mean over the basin's mask of <paramref name="variable"/> for each step of the window [steps]; NaN when a masked cell is missing.</summary>
    private static float[] Means((GridFile File, int Gauge, bool[,] Mask, int[] Cells) b, string variable, int t0, int steps)
    {
        int h = b.File.Height, w = b.File.Width, cells = h * w;
        var window = b.File.Nc.ReadFloat(variable, [t0, 0, 0], [steps, h, w]);
        var means = new float[steps];
        for (var t = 0; t < steps; t++)
        {
            var sum = 0.0;
            foreach (var cell in b.Cells)
            {
                sum += window[(t * cells) + cell];
            }

            means[t] = (float)(sum / b.Cells.Length);
        }

        return means;
    }
}
