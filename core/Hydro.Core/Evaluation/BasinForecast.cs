using Hydro.Core.Data;

namespace Hydro.Core.Evaluation;

/// <summary>
/// One basin's forecasts over a period: for every issue time of the period whose horizon fits (issue index i = row
/// <c>PeriodStartIndex + i</c>), each lead 1..H and each target, the model's forecast, the observation at the lead time
/// and the persistence forecast. Arrays are [issues, H, K], physical units, NaN where missing.
/// </summary>
public sealed class BasinForecast
{
    private readonly BasinData data;

    internal BasinForecast(BasinData data, int horizon, IReadOnlyList<string> targets)
    {
        this.data = data;
        Horizon = horizon;
        Targets = targets;
        Issues = Math.Max(0, data.Steps - horizon - data.PeriodStartIndex);
        var k = targets.Count;
        Simulated = new float[Issues * horizon * k];
        Observed = new float[Issues * horizon * k];
        Persistence = new float[Issues * horizon * k];
        Issued = new bool[Issues];
        Array.Fill(Simulated, float.NaN);
        Array.Fill(Persistence, float.NaN);
        for (var i = 0; i < Issues; i++)
        {
            for (var h = 1; h <= horizon; h++)
            {
                for (var j = 0; j < k; j++)
                {
                    Observed[Index(i, h, j)] = data.Targets[((IssueRow(i) + h) * k) + j];
                }
            }
        }
    }

    /// <summary>Basin identifier.</summary>
    public string Basin => data.Basin;

    /// <summary>H.</summary>
    public int Horizon { get; }

    /// <summary>Target names (K).</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>Issue times of the period whose horizon fits in the data.</summary>
    public int Issues { get; }

    /// <summary>Whether the model forecast from issue time i (false where an input was missing).</summary>
    public bool[] Issued { get; }

    /// <summary>The model's forecasts [issues, H, K].</summary>
    public float[] Simulated { get; }

    /// <summary>The observations at the lead times [issues, H, K].</summary>
    public float[] Observed { get; }

    /// <summary>The persistence forecasts [issues, H, K] (NaN where the model did not forecast, so both are scored on the same issue times).</summary>
    public float[] Persistence { get; }

    /// <summary>The basin's row of issue time <paramref name="issue"/>.</summary>
    public int IssueRow(int issue) => data.PeriodStartIndex + issue;

    /// <summary>The date of issue time <paramref name="issue"/> plus <paramref name="lead"/> steps.</summary>
    public DateTime TimeAt(int issue, int lead = 0) => data.TimeAt(IssueRow(issue) + lead);

    /// <summary>The data's time step.</summary>
    public TimeSpan Step => data.Step;

    /// <summary>The flat index of (issue, lead 1..H, target).</summary>
    public int Index(int issue, int lead, int target) => (((issue * Horizon) + lead - 1) * Targets.Count) + target;

    /// <summary>The model's forecasts of <paramref name="target"/> at lead <paramref name="lead"/> over the issue times (NaN where not forecast).</summary>
    public double[] SimulatedSeries(int lead, int target) => Column(Simulated, lead, target);

    /// <summary>The observations at lead <paramref name="lead"/> over the issue times: y(t + lead).</summary>
    public double[] ObservedSeries(int lead, int target) => Column(Observed, lead, target);

    /// <summary>The persistence forecasts at lead <paramref name="lead"/> over the issue times: y(t).</summary>
    public double[] PersistenceSeries(int lead, int target) => Column(Persistence, lead, target);

    /// <summary>Records the model's forecast from issue row <paramref name="issueRow"/>, [H, K] in physical units, and the persistence forecast.</summary>
    internal void Set(int issueRow, ReadOnlySpan<float> forecast)
    {
        var i = issueRow - data.PeriodStartIndex;
        Issued[i] = true;
        var k = Targets.Count;
        for (var h = 1; h <= Horizon; h++)
        {
            for (var j = 0; j < k; j++)
            {
                Simulated[Index(i, h, j)] = forecast[((h - 1) * k) + j];
                Persistence[Index(i, h, j)] = Evaluation.Persistence.Forecast(data, issueRow, j);
            }
        }
    }

    private double[] Column(float[] values, int lead, int target)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lead, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lead, Horizon);
        var column = new double[Issues];
        for (var i = 0; i < Issues; i++)
        {
            column[i] = values[Index(i, lead, target)];
        }

        return column;
    }
}
