namespace Hydro.NetCdf;

/// <summary>A <c>(time, y, x)</c> stack of grids on a projected grid, for <see cref="NetCdfWriter.WriteGridSeries"/>.</summary>
/// <param name="Times">The time stamps, one per step.</param>
/// <param name="X">Cell-centre x coordinates (m), west to east as stored.</param>
/// <param name="Y">Cell-centre y coordinates (m), in row order.</param>
/// <param name="Fields">Data variables, each <c>[time * y * x]</c>.</param>
public sealed record CfGridSeries(IReadOnlyList<DateTime> Times, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<CfField> Fields)
{
    /// <summary>The grid mapping variable to copy (e.g. the input file's <c>crs</c>); null: none.</summary>
    public NetCdfVariable? Crs { get; init; }

    /// <summary>The time encoding; null: the coarsest of days/hours/minutes/seconds since the first time, standard calendar.</summary>
    public CfTimeUnits? TimeUnits { get; init; }

    /// <summary>Global <c>title</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Global <c>history</c> (e.g. the command line and date that made the file).</summary>
    public string? History { get; init; }
}
