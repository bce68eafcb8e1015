namespace Hydro.Abstractions.Contracts;

/// <summary>
/// A source of basin time series (CAMELS-US, Caravan, generated data …). The core cuts windows, normalises and
/// batches; a dataset only describes what it has and loads one basin's series for a period.
/// </summary>
public interface IDataset : IDisposable
{
    /// <summary>Basins, variables with units, and the dates covered.</summary>
    DatasetDescription Describe();

    /// <summary>Loads one basin's series for the requested variables and inclusive period.</summary>
    /// <exception cref="DataException">Missing basin, variable or file, or unreadable values (the message names file, line, basin and date).</exception>
    BasinSeries Load(string basin, DataRequest request);
}

/// <summary>What a dataset offers.</summary>
/// <param name="Basins">Basin identifiers.</param>
/// <param name="Variables">Every variable, dynamic and static, with its unit.</param>
/// <param name="First">First date with data.</param>
/// <param name="Last">Last date with data.</param>
public sealed record DatasetDescription(
    IReadOnlyList<string> Basins,
    IReadOnlyList<VariableInfo> Variables,
    DateOnly First,
    DateOnly Last);

/// <summary>A variable of a dataset.</summary>
/// <param name="Name">Name as used in the experiment file.</param>
/// <param name="Unit">Physical unit.</param>
/// <param name="Static">True for per-basin attributes, false for time series.</param>
public sealed record VariableInfo(string Name, string Unit, bool Static);

/// <summary>The variables and inclusive daily period to load.</summary>
public sealed record DataRequest(
    IReadOnlyList<string> Dynamic,
    IReadOnlyList<string> Static,
    IReadOnlyList<string> Targets,
    DateOnly Start,
    DateOnly End);

/// <summary>One basin's data for a request; missing values are NaN.</summary>
/// <param name="Basin">Basin identifier.</param>
/// <param name="Start">Date of the first row.</param>
/// <param name="Dynamic">Dynamic inputs [T, F] in request order.</param>
/// <param name="Static">Static attributes [S] in request order.</param>
/// <param name="Targets">Targets [T, K] in request order.</param>
public sealed record BasinSeries(string Basin, DateOnly Start, float[,] Dynamic, float[] Static, float[,] Targets);

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
