namespace Hydro.Core.Data;

/// <summary>A window: basin index in the store and the row of its last day.</summary>
/// <param name="Basin">Index into <see cref="BasinStore.Basins"/>.</param>
/// <param name="End">Row of the window's last day; the window covers rows End − L + 1 … End.</param>
public readonly record struct WindowRef(int Basin, int End);

/// <summary>
/// Input windows of <c>sequence_length</c> days and the steps of each that the loss scores.
/// </summary>
/// <remarks>
/// <para>Scored steps: positions <c>p</c> of a window (0-based) with <c>p ≥ L − predict_last_n</c> and <c>p ≥ warmup</c>,
/// on period days (never history rows before the period start).</para>
/// <para>A training window is valid when (1) it fits in the basin's rows, (2) at least one target is observed on a
/// scored step, and (3) every dynamic input of the window, every masked cell of every gridded channel on its rows,
/// and every static attribute of the basin is finite.
/// Windows with a missing (NaN) input are left out, never imputed: a basin with a NaN static attribute contributes
/// no window, and a gap in a forcing removes every window that overlaps it.</para>
/// <para>An epoch is one pass over all valid windows of all basins in a random order (Fisher–Yates with
/// <see cref="Xoshiro256"/> seeded by (seed, epoch)), optionally capped at <c>samples_per_epoch</c>: N = min(valid windows,
/// cap). The order depends only on (seed, epoch), so a resumed run draws exactly the windows of an uninterrupted one.</para>
/// </remarks>
public sealed class WindowSampler
{
    private readonly long[] offsets;

    /// <summary>Finds the valid windows of every basin in <paramref name="store"/>.</summary>
    public WindowSampler(BasinStore store, int sequenceLength, int predictLastN, int warmup = 0)
    {
        ArgumentNullException.ThrowIfNull(store);
        CheckWindow(sequenceLength, predictLastN, warmup);
        Store = store;
        SequenceLength = sequenceLength;
        PredictLastN = predictLastN;
        Warmup = warmup;
        ValidEnds = store.Basins.Select(b => ValidEndIndices(b, sequenceLength, predictLastN, warmup)).ToArray();
        offsets = new long[ValidEnds.Count + 1];
        for (var i = 0; i < ValidEnds.Count; i++)
        {
            offsets[i + 1] = offsets[i] + ValidEnds[i].Length;
        }
    }

    /// <summary>The basins.</summary>
    public BasinStore Store { get; }

    /// <summary>L.</summary>
    public int SequenceLength { get; }

    /// <summary>Trailing steps scored.</summary>
    public int PredictLastN { get; }

    /// <summary>Leading steps never scored.</summary>
    public int Warmup { get; }

    /// <summary>The valid window ends (rows) of each basin, ascending.</summary>
    public IReadOnlyList<int[]> ValidEnds { get; }

    /// <summary>Valid windows over all basins.</summary>
    public long Count => offsets[^1];

    /// <summary>The first scored position of a window: max(L − predict_last_n, warmup).</summary>
    public static int FirstScoredPosition(int sequenceLength, int predictLastN, int warmup) =>
        Math.Max(sequenceLength - predictLastN, warmup);

    /// <summary>The window with global index <paramref name="index"/> (basins in store order, ends ascending).</summary>
    public WindowRef At(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var b = Array.BinarySearch(offsets, index);
        b = b >= 0 ? b : ~b - 1;
        while (offsets[b + 1] <= index)
        {
            b++;
        }

        return new WindowRef(b, ValidEnds[b][index - offsets[b]]);
    }

    /// <summary>
    /// The windows of epoch <paramref name="epoch"/> (1-based) in their random order: a permutation of all valid
    /// windows, cut to <paramref name="cap"/> when given.
    /// </summary>
    public WindowRef[] Epoch(ulong seed, int epoch, long? cap = null)
    {
        if (Count > int.MaxValue)
        {
            throw new InvalidOperationException($"{Count} windows exceed one epoch's limit of {int.MaxValue}; set training.samples_per_epoch");
        }

        var order = new int[Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Xoshiro256.ForStream(seed, (ulong)epoch).Shuffle(order.AsSpan());
        var n = cap is { } c ? (int)Math.Min(c, order.Length) : order.Length;
        var result = new WindowRef[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = At(order[i]);
        }

        return result;
    }

    /// <summary>The valid training-window ends (rows) of one basin, ascending (see the class remarks).</summary>
    public static int[] ValidEndIndices(BasinData basin, int sequenceLength, int predictLastN, int warmup = 0)
    {
        ArgumentNullException.ThrowIfNull(basin);
        CheckWindow(sequenceLength, predictLastN, warmup);
        if (basin.Static.Any(v => !float.IsFinite(v)))
        {
            return [];
        }

        var f = basin.DynamicCount;
        var k = basin.TargetCount;
        var finiteRun = FiniteRuns(basin.Dynamic, basin.Steps, f, basin.Grid?.FiniteRows);
        var firstScored = FirstScoredPosition(sequenceLength, predictLastN, warmup);
        var ends = new List<int>();
        for (var end = sequenceLength - 1; end < basin.Steps; end++)
        {
            if (finiteRun[end] < sequenceLength)
            {
                continue;
            }

            var from = Math.Max(end - sequenceLength + 1 + firstScored, basin.PeriodStartIndex);
            if (AnyObserved(basin.Targets, from, end, k))
            {
                ends.Add(end);
            }
        }

        return ends.ToArray();
    }

    /// <summary>
    /// Windows for prediction over a whole period: ends every predict_last_n rows backwards from the last row, so
    /// that their scored steps tile the period; windows with a non-finite input are left out (their days stay unpredicted).
    /// </summary>
    public static int[] TilingEndIndices(BasinData basin, int sequenceLength, int predictLastN, int warmup = 0)
    {
        ArgumentNullException.ThrowIfNull(basin);
        CheckWindow(sequenceLength, predictLastN, warmup);
        if (basin.Static.Any(v => !float.IsFinite(v)))
        {
            return [];
        }

        var firstScored = FirstScoredPosition(sequenceLength, predictLastN, warmup);
        var stride = sequenceLength - firstScored;
        var finiteRun = FiniteRuns(basin.Dynamic, basin.Steps, basin.DynamicCount, basin.Grid?.FiniteRows);
        var ends = new List<int>();
        for (var end = basin.Steps - 1; end >= sequenceLength - 1 && end >= basin.PeriodStartIndex; end -= stride)
        {
            if (finiteRun[end] >= sequenceLength)
            {
                ends.Add(end);
            }
        }

        ends.Reverse();
        return ends.ToArray();
    }

    private static void CheckWindow(int sequenceLength, int predictLastN, int warmup)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(predictLastN, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(predictLastN, sequenceLength);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(warmup, sequenceLength);
    }

    /// <summary>For each row, how many consecutive rows ending there have all inputs finite (and, with grids, every masked cell: <paramref name="gridRows"/>).</summary>
    internal static int[] FiniteRuns(float[] dynamic, int steps, int f, bool[]? gridRows = null)
    {
        var run = new int[steps];
        for (var t = 0; t < steps; t++)
        {
            var ok = gridRows is null || gridRows[t];
            for (var j = 0; j < f && ok; j++)
            {
                ok = float.IsFinite(dynamic[(t * f) + j]);
            }

            run[t] = ok ? (t == 0 ? 1 : run[t - 1] + 1) : 0;
        }

        return run;
    }

    private static bool AnyObserved(float[] targets, int fromRow, int toRow, int k)
    {
        for (var i = fromRow * k; i < (toRow + 1) * k; i++)
        {
            if (!float.IsNaN(targets[i]))
            {
                return true;
            }
        }

        return false;
    }
}
