namespace Hydro.Core.Data;

/// <summary>The variables an experiment reads: dynamic inputs, static attributes and targets, in batch order.</summary>
/// <param name="Dynamic">Dynamic input names (the batch's feature axis).</param>
/// <param name="Static">Static attribute names.</param>
/// <param name="Targets">Target names.</param>
public sealed record DataVariables(IReadOnlyList<string> Dynamic, IReadOnlyList<string> Static, IReadOnlyList<string> Targets)
{
    /// <summary>Gridded input channels (<c>inputs.gridded</c>, the channel axis of <c>Batch.Gridded</c>); empty without grids.</summary>
    public IReadOnlyList<string> Gridded { get; init; } = [];
}

/// <summary>
/// One basin's data for one period, parsed once into contiguous row-major arrays. Rows before
/// <see cref="PeriodStartIndex"/> are history (the steps before the period that fill the first input windows);
/// their targets are never scored and never enter statistics.
/// </summary>
public sealed class BasinData
{
    /// <summary>Creates the basin data; arrays are taken as they are (row-major [T, F], [S], [T, K]).</summary>
    /// <param name="step">Time between rows; one day when null.</param>
    public BasinData(string basin, DateTime start, int steps, int periodStartIndex, float[] dynamic, float[] @static, float[] targets, TimeSpan? step = null)
    {
        ArgumentNullException.ThrowIfNull(basin);
        ArgumentNullException.ThrowIfNull(dynamic);
        ArgumentNullException.ThrowIfNull(@static);
        ArgumentNullException.ThrowIfNull(targets);
        if (steps < 0 || periodStartIndex < 0 || periodStartIndex > steps)
        {
            throw new ArgumentOutOfRangeException(nameof(periodStartIndex), $"period start {periodStartIndex} outside 0..{steps}");
        }

        if (steps > 0 && (dynamic.Length % steps != 0 || targets.Length % steps != 0))
        {
            throw new ArgumentException($"basin {basin}: arrays are not a multiple of {steps} rows");
        }

        Basin = basin;
        Start = start;
        Step = step ?? TimeSteps.Day;
        Steps = steps;
        PeriodStartIndex = periodStartIndex;
        Dynamic = dynamic;
        Static = @static;
        Targets = targets;
        DynamicCount = steps == 0 ? 0 : dynamic.Length / steps;
        TargetCount = steps == 0 ? 0 : targets.Length / steps;
    }

    /// <summary>Basin identifier.</summary>
    public string Basin { get; }

    /// <summary>Stamp of row 0.</summary>
    public DateTime Start { get; }

    /// <summary>Time between two rows (the dataset's step).</summary>
    public TimeSpan Step { get; }

    /// <summary>Rows (steps), history included.</summary>
    public int Steps { get; }

    /// <summary>Index of the period's first step; earlier rows are history.</summary>
    public int PeriodStartIndex { get; }

    /// <summary>Dynamic inputs [T, F], physical units, NaN where missing.</summary>
    public float[] Dynamic { get; }

    /// <summary>Static attributes [S].</summary>
    public float[] Static { get; }

    /// <summary>Targets [T, K], physical units, NaN where missing.</summary>
    public float[] Targets { get; }

    /// <summary>The basin's gridded inputs for the same rows, or null when the experiment has none (see <see cref="GridStore"/>).</summary>
    public GridData? Grid { get; internal set; }

    /// <summary>F.</summary>
    public int DynamicCount { get; }

    /// <summary>K.</summary>
    public int TargetCount { get; }

    /// <summary>The stamp of row <paramref name="index"/>: <c>Start + index·Step</c>.</summary>
    public DateTime TimeAt(int index) => Start + (index * Step);

    /// <summary>Whether any target is observed on a period step (history excluded).</summary>
    public bool HasObservedTarget()
    {
        for (var i = PeriodStartIndex * TargetCount; i < Targets.Length; i++)
        {
            if (!float.IsNaN(Targets[i]))
            {
                return true;
            }
        }

        return false;
    }
}
