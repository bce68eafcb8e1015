namespace Hydro.Core.Evaluation;

/// <summary>One basin's prediction over a period: simulated and observed targets, extra outputs and learned parameters.</summary>
public sealed class BasinPrediction
{
    internal BasinPrediction(string basin, DateTime start, int days, IReadOnlyList<string> targets, float[] observed, TimeSpan? step = null)
    {
        Basin = basin;
        Start = start;
        Step = step ?? Data.TimeSteps.Day;
        Days = days;
        Targets = targets;
        Observed = observed;
        Simulated = new float[days * targets.Count];
        Array.Fill(Simulated, float.NaN);
    }

    /// <summary>Basin identifier.</summary>
    public string Basin { get; }

    /// <summary>The period's first step (row 0).</summary>
    public DateTime Start { get; }

    /// <summary>The dataset's time step (rows are one step apart).</summary>
    public TimeSpan Step { get; }

    /// <summary>Steps of the period (days for daily data).</summary>
    public int Days { get; }

    /// <summary>Target names (K).</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>Observed targets [days, K] in physical units, NaN where missing (all NaN when predicting without observations).</summary>
    public float[] Observed { get; }

    /// <summary>Simulated targets [days, K] in physical units, NaN on days no input window covers (missing inputs).</summary>
    public float[] Simulated { get; }

    /// <summary>Further outputs of the backbone (fluxes, states) and dynamic parameters, per day, by column name.</summary>
    public Dictionary<string, OutputSeries> Extras { get; } = new(StringComparer.Ordinal);

    /// <summary>Learned parameters averaged over the scored days and the parallel components, by parameter name.</summary>
    public Dictionary<string, double> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>The stamp of row <paramref name="step"/>: <c>Start + step·Step</c>.</summary>
    public DateTime TimeAt(int step) => Start + (step * Step);

    /// <summary>Observed series of target <paramref name="k"/>, as doubles.</summary>
    public double[] ObservedSeries(int k) => Column(Observed, k);

    /// <summary>Simulated series of target <paramref name="k"/>, as doubles.</summary>
    public double[] SimulatedSeries(int k) => Column(Simulated, k);

    private double[] Column(float[] values, int k)
    {
        var n = Targets.Count;
        var column = new double[Days];
        for (var d = 0; d < Days; d++)
        {
            column[d] = values[(d * n) + k];
        }

        return column;
    }
}

/// <summary>A daily series of one extra output.</summary>
/// <param name="Unit">Physical unit.</param>
/// <param name="Values">One value per day of the period, NaN where not simulated.</param>
public sealed record OutputSeries(string Unit, float[] Values);
