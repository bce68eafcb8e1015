namespace Hydro.Abstractions.Contracts;

/// <summary>
/// A source of basin time series (CAMELS-US, Caravan, generated data …). The core cuts windows, normalises and
/// batches; a dataset only describes what it has and loads one basin's series for a period.
/// </summary>
public interface IDataset : IDisposable
{
    /// <summary>Basins, variables with units, the dates covered and the time step.</summary>
    DatasetDescription Describe();

    /// <summary>Loads one basin's series for the requested variables and inclusive period.</summary>
    /// <exception cref="DataException">Missing basin, variable or file, or unreadable values (the message names file, line, basin and date).</exception>
    BasinSeries Load(string basin, DataRequest request);
}

/// <summary>What a dataset offers.</summary>
/// <remarks>
/// Rows are one <see cref="Step"/> apart: row i of a series is stamped <c>Start + i·Step</c>. A daily dataset stamps
/// each day at midnight. A sub-daily dataset documents its stamping convention; the built-in convention is that the
/// value stamped t covers the step ending at t (an hourly discharge stamped 06:00 is the mean of 05:00..06:00).
/// The core never aggregates: periods, windows, warm-up and metrics are counted in steps of the dataset.
/// </remarks>
/// <param name="Basins">Basin identifiers.</param>
/// <param name="Variables">Every variable, dynamic and static, with its unit.</param>
/// <param name="First">Stamp of the first step with data.</param>
/// <param name="Last">Stamp of the last step with data.</param>
public sealed record DatasetDescription(
    IReadOnlyList<string> Basins,
    IReadOnlyList<VariableInfo> Variables,
    DateTime First,
    DateTime Last)
{
    /// <summary>The time between two rows: one day (the default) for daily data, one hour for hourly data.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromDays(1);
}

/// <summary>A variable of a dataset.</summary>
/// <param name="Name">Name as used in the experiment file.</param>
/// <param name="Unit">Physical unit.</param>
/// <param name="Static">True for per-basin attributes, false for time series.</param>
public sealed record VariableInfo(string Name, string Unit, bool Static);

/// <summary>The variables and inclusive period to load: the steps stamped <paramref name="Start"/> to <paramref name="End"/>, both on the dataset's step grid.</summary>
/// <param name="Dynamic">Dynamic input names.</param>
/// <param name="Static">Static attribute names.</param>
/// <param name="Targets">Target names.</param>
/// <param name="Start">Stamp of the first step.</param>
/// <param name="End">Stamp of the last step (included).</param>
public sealed record DataRequest(
    IReadOnlyList<string> Dynamic,
    IReadOnlyList<string> Static,
    IReadOnlyList<string> Targets,
    DateTime Start,
    DateTime End);

/// <summary>One basin's data for a request; missing values are NaN.</summary>
/// <param name="Basin">Basin identifier.</param>
/// <param name="Start">Stamp of the first row (row i is at <c>Start + i·Step</c>, see <see cref="DatasetDescription.Step"/>).</param>
/// <param name="Dynamic">Dynamic inputs [T, F] in request order.</param>
/// <param name="Static">Static attributes [S] in request order.</param>
/// <param name="Targets">Targets [T, K] in request order.</param>
public sealed record BasinSeries(string Basin, DateTime Start, float[,] Dynamic, float[] Static, float[,] Targets);

/// <summary>Bad or missing data; the message names the file, line, basin and date where known.</summary>
public class DataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
