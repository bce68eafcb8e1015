using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Plugins.Data.NetCdfGrid;

/// <summary>Options of the <c>netcdf_grid</c> dataset.</summary>
public sealed class NetCdfGridOptions
{
    /// <summary>CF NetCDF files, one catchment grid each (dims time, y, x, gauge), relative to the working folder.</summary>
    [Required]
    [Description("CF NetCDF files with dims (time, y, x, gauge): gridded forcings (time, y, x), discharge (time, gauge), gauge_id, gauge_area, gauge_row, gauge_col, flow_direction or basin_mask. Paths relative to the working folder, like data_dir; ${VAR} / ${VAR:-default} work. All files must share one time step.")]
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Channel name → file variable; null: every float variable with dimensions (time, y, x), under its own name.</summary>
    [Description("Grid channels as {channel: variable}; default: every float variable with dimensions (time, y, x), under its own name. Each channel is also served as a basin mean (lumped dynamic variable) under the channel name.")]
    public IReadOnlyDictionary<string, string>? Channels { get; init; }

    /// <summary>The discharge variable (time, gauge), in m3 s-1.</summary>
    [Description("Discharge variable with dimensions (time, gauge), in m3 s-1; served as 'discharge' and converted to 'streamflow' in mm per step with the gauge_area.")]
    public string Discharge { get; init; } = "discharge";

    /// <summary>Gauge ids to serve as basins; default every gauge of every file.</summary>
    [Description("Gauge ids (gauge_id) to serve as basins; default: every gauge of every file.")]
    public IReadOnlyList<string>? Gauges { get; init; }

    /// <summary>Where each basin's mask comes from.</summary>
    [Description("Basin mask: flow_direction traces each gauge's catchment upstream of its outlet cell through the D8 flow_direction grid; basin_mask uses the file's basin_mask, only for the gauge whose traced catchment has the same number of cells (the outlet).")]
    public GridMaskSource Mask { get; init; } = GridMaskSource.FlowDirection;
}

/// <summary>Where a <c>netcdf_grid</c> basin's mask comes from.</summary>
public enum GridMaskSource
{
    /// <summary>The cells draining to the gauge's outlet cell through <c>flow_direction</c> (<see cref="D8Catchment"/>).</summary>
    FlowDirection,

    /// <summary>The file's <c>basin_mask</c> (the outlet gauge only).</summary>
    BasinMask,
}
