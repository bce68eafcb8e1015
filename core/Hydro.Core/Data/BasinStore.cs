using Hydro.Abstractions.Contracts;

namespace Hydro.Core.Data;

/// <summary>
/// Every basin of a period, loaded once through <see cref="IDataset.Load"/>. Basins without any observed target in
/// the period are reported in <see cref="Warnings"/> and left out (DESIGN "Data": reported and skipped, not a crash).
/// </summary>
public sealed class BasinStore
{
    private BasinStore(string period, DataVariables variables, DateTime start, DateTime end, TimeSpan step, IReadOnlyList<BasinData> basins, IReadOnlyList<string> skipped, IReadOnlyList<string> warnings)
    {
        Period = period;
        Step = step;
        Variables = variables;
        Start = start;
        End = end;
        Basins = basins;
        SkippedBasins = skipped;
        Warnings = warnings;
    }

    /// <summary>The period's name (train, validation, test).</summary>
    public string Period { get; }

    /// <summary>The variables loaded.</summary>
    public DataVariables Variables { get; }

    /// <summary>First step of the period (history rows come before it); a basin with its own dates has them in its <see cref="BasinData"/>.</summary>
    public DateTime Start { get; }

    /// <summary>Last step of the period (included).</summary>
    public DateTime End { get; }

    /// <summary>The dataset's time step.</summary>
    public TimeSpan Step { get; }

    /// <summary>The basins with at least one observed target in the period, in the order requested.</summary>
    public IReadOnlyList<BasinData> Basins { get; }

    /// <summary>Basins left out (no observed target in the period).</summary>
    public IReadOnlyList<string> SkippedBasins { get; }

    /// <summary>One line per problem that did not stop loading.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Loads each basin once for <paramref name="start"/>..<paramref name="end"/>, plus up to
    /// <paramref name="historyDays"/> earlier steps (days for daily data; the name predates sub-daily steps) (never before <paramref name="dataStart"/>) so that the first
    /// input windows end on the period's first step.
    /// </summary>
    /// <param name="step">The dataset's step (<see cref="DatasetDescription.Step"/>); one day when null.</param>
    /// <param name="periods">Per-basin dates that replace <paramref name="start"/>..<paramref name="end"/> for some basins.</param>
    /// <param name="observations">
    /// False to predict without observations: targets are not requested from the dataset (all NaN) and no basin is
    /// skipped for lacking them.
    /// </param>
    /// <exception cref="DataException">The dataset failed or returned arrays of the wrong shape; the message names the basin.</exception>
    public static BasinStore Load(IDataset dataset, IEnumerable<string> basins, DataVariables variables, string period, DateTime start, DateTime end,
        int historyDays = 0, DateTime? dataStart = null, PerBasinPeriods? periods = null, bool observations = true, TimeSpan? step = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(basins);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentOutOfRangeException.ThrowIfNegative(historyDays);
        var dt = step ?? TimeSteps.Day;
        string F(DateTime t) => TimeSteps.Format(t, dt);
        if (end < start)
        {
            throw new ArgumentException($"period {period}: end {F(end)} is before start {F(start)}");
        }

        var loaded = new List<BasinData>();
        var skipped = new List<string>();
        var warnings = new List<string>();
        foreach (var basin in basins)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (from, to) = (periods ?? PerBasinPeriods.None).For(basin, period, (start, end), dt);
            var loadStart = from - (historyDays * dt);
            if (dataStart is { } first && loadStart < first)
            {
                loadStart = first > from ? from : first;
            }

            var request = new DataRequest(variables.Dynamic, variables.Static, observations ? variables.Targets : [], loadStart, to);
            if (!TimeSteps.OnGrid(to, from, dt) || (dataStart is { } origin && !TimeSteps.OnGrid(from, origin, dt)))
            {
                throw new DataException($"basin {basin}: the {period} period {F(from)}..{F(to)} is not on the dataset's time grid (a step every {TimeSteps.Describe(dt)}{(dataStart is { } o ? " from " + F(o) : "")})");
            }

            var expectedRows = TimeSteps.Count(loadStart, to, dt);
            var periodStartIndex = TimeSteps.Between(loadStart, from, dt);
            BasinSeries series;
            try
            {
                series = dataset.Load(basin, request);
            }
            catch (DataException)
            {
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new DataException($"basin {basin}: the dataset failed to load {F(loadStart)}..{F(to)}: {e.Message}", e);
            }

            var data = Convert(series, variables, basin, loadStart, dt, expectedRows, periodStartIndex, observations);
            if (observations && !data.HasObservedTarget())
            {
                skipped.Add(basin);
                warnings.Add($"basin {basin}: no observed {string.Join("/", variables.Targets)} in the {period} period {F(from)}..{F(to)}; skipped");
                continue;
            }

            data.Grid = GridStore.Load(dataset, basin, variables.Gridded, loadStart, to, rows: expectedRows);
            loaded.Add(data);
        }

        return new BasinStore(period, variables, start, end, dt, loaded, skipped, warnings);
    }

    private static BasinData Convert(BasinSeries series, DataVariables variables, string basin, DateTime loadStart, TimeSpan step, int rows, int periodStartIndex, bool observations)
    {
        if (series is null)
        {
            throw new DataException($"basin {basin}: the dataset returned no series");
        }

        if (series.Start != loadStart)
        {
            throw new DataException($"basin {basin}: the dataset returned data from {TimeSteps.Format(series.Start, step)}, requested {TimeSteps.Format(loadStart, step)}");
        }

        Check(series.Dynamic, rows, variables.Dynamic.Count, basin, "dynamic inputs");
        Check(series.Targets, rows, observations ? variables.Targets.Count : 0, basin, "targets");
        if (series.Static.Length != variables.Static.Count)
        {
            throw new DataException($"basin {basin}: the dataset returned {series.Static.Length} static attributes, requested {variables.Static.Count}");
        }

        var targets = observations ? Flatten(series.Targets) : new float[rows * variables.Targets.Count];
        if (!observations)
        {
            Array.Fill(targets, float.NaN);
        }

        return new BasinData(basin, loadStart, rows, periodStartIndex, Flatten(series.Dynamic), (float[])series.Static.Clone(), targets, step);
    }

    private static void Check(float[,] values, int rows, int columns, string basin, string what)
    {
        if (values.GetLength(0) != rows || values.GetLength(1) != columns)
        {
            throw new DataException($"basin {basin}: the dataset returned {what} [{values.GetLength(0)}, {values.GetLength(1)}], requested [{rows}, {columns}]");
        }
    }

    private static float[] Flatten(float[,] values)
    {
        var flat = new float[values.Length];
        var span = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(
            ref System.Runtime.CompilerServices.Unsafe.As<byte, float>(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(values)), values.Length);
        span.CopyTo(flat);
        return flat;
    }
}
