namespace Hydro.Core.Analysis.Runs;

/// <summary>
/// The variable a probe recovers from the states: a time series of the run's dataset that the model never saw (Daymet
/// <c>swe</c>), or a column of another run's predictions (<c>RUN2/results/&lt;period&gt;/predictions/&lt;basin&gt;.csv</c>, e.g.
/// a δHBV store such as <c>SM</c>).
/// </summary>
/// <param name="Variable">The dataset variable, or the column of the other run's prediction files.</param>
/// <param name="FromRun">The other run's directory; null for a dataset variable.</param>
public sealed record ProbeTarget(string Variable, string? FromRun = null)
{
    /// <summary>A time series of the run's own dataset.</summary>
    public static ProbeTarget Dataset(string variable) => new(variable);

    /// <summary>A column of another run's evaluated predictions.</summary>
    public static ProbeTarget RunOutput(string runDirectory, string column) => new(column, runDirectory);

    /// <inheritdoc/>
    public override string ToString() => FromRun is null ? Variable : $"{Variable} of {FromRun}";
}
