namespace Hydro.NetCdf;

/// <summary>Per-basin time series <c>(basin, time)</c> (a CF timeSeries collection), for <see cref="NetCdfWriter.WriteBasinTable"/>.</summary>
/// <param name="Basins">Basin (gauge) ids.</param>
/// <param name="Times">The time stamps, one per step.</param>
/// <param name="Fields">Data variables, each <c>[basin * time]</c>.</param>
public sealed record CfBasinTable(IReadOnlyList<string> Basins, IReadOnlyList<DateTime> Times, IReadOnlyList<CfField> Fields)
{
    /// <summary>The time encoding; null: the coarsest of days/hours/minutes/seconds since the first time, standard calendar.</summary>
    public CfTimeUnits? TimeUnits { get; init; }

    /// <summary>Global <c>title</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Global <c>history</c>.</summary>
    public string? History { get; init; }
}
