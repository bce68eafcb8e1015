using System.Globalization;
using Hydro.Abstractions.Contracts;

namespace Hydro.Core.Data;

/// <summary>
/// One basin's gridded inputs for the rows of its <see cref="BasinData"/> (history included): values [T, C, H, W] in
/// physical units (NaN where missing) and the basin mask [H, W].
/// </summary>
public sealed class GridData
{
    /// <summary>Creates the grid data; <paramref name="values"/> is [T, C, H, W] row-major, <paramref name="mask"/> [H, W].</summary>
    /// <exception cref="ArgumentException">The array lengths do not match the dimensions.</exception>
    public GridData(GridDescription description, int steps, int channels, float[] values, bool[] mask)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(mask);
        int h = description.Height, w = description.Width;
        if (mask.Length != h * w || values.Length != (long)steps * channels * h * w)
        {
            throw new ArgumentException($"grid arrays [{values.Length}] / mask [{mask.Length}] do not match [T {steps}, C {channels}, H {h}, W {w}]");
        }

        Description = description;
        Steps = steps;
        Channels = channels;
        Height = h;
        Width = w;
        Values = values;
        Mask = mask;
        FiniteRows = new bool[steps];
        var cells = h * w;
        for (var t = 0; t < steps; t++)
        {
            var ok = true;
            for (var c = 0; c < channels && ok; c++)
            {
                var field = values.AsSpan(((t * channels) + c) * cells, cells);
                for (var i = 0; i < cells && ok; i++)
                {
                    ok = !mask[i] || float.IsFinite(field[i]);
                }
            }

            FiniteRows[t] = ok;
        }
    }

    /// <summary>The grid: channels, coordinates, CRS, mask.</summary>
    public GridDescription Description { get; }

    /// <summary>T (the rows of the basin's <see cref="BasinData"/>).</summary>
    public int Steps { get; }

    /// <summary>C, the experiment's gridded channels in <c>inputs.gridded</c> order.</summary>
    public int Channels { get; }

    /// <summary>H.</summary>
    public int Height { get; }

    /// <summary>W.</summary>
    public int Width { get; }

    /// <summary>Values [T, C, H, W], physical units, NaN where missing (cells outside the mask may hold anything).</summary>
    public float[] Values { get; }

    /// <summary>Basin cells [H, W] row-major.</summary>
    public bool[] Mask { get; }

    /// <summary>Per row [T]: every masked cell of every channel is finite (a window is used only when all its rows are).</summary>
    public bool[] FiniteRows { get; }
}

/// <summary>Loads basins' grids through <see cref="IGriddedDataset"/> for <see cref="BasinStore"/>.</summary>
public static class GridStore
{
    /// <summary>
    /// Loads <paramref name="channels"/> of <paramref name="basin"/>'s grid for <paramref name="start"/>..<paramref name="end"/>
    /// (<paramref name="rows"/> steps, the rows of the lumped series); null when <paramref name="channels"/> is empty.
    /// </summary>
    /// <exception cref="DataException">The dataset serves no grids, lacks a channel, or returned arrays of the wrong shape.</exception>
    public static GridData? Load(IDataset dataset, string basin, IReadOnlyList<string> channels, DateTime start, DateTime end, int rows)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
        {
            return null;
        }

        if (dataset is not IGriddedDataset gridded)
        {
            throw new DataException($"inputs.gridded lists {string.Join(", ", channels)}, but the dataset ({dataset.GetType().Name}) serves no grids; remove inputs.gridded or use a gridded dataset (e.g. synthetic_grid)");
        }

        GridDescription description;
        GridSeries series;
        try
        {
            description = gridded.DescribeGrid(basin);
            CheckDescription(description, basin, channels);
            series = gridded.LoadGrid(basin, new GridRequest(channels, start, end));
        }
        catch (DataException)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new DataException($"basin {basin}: the dataset failed to load its grid {Date(start)}..{Date(end)}: {e.Message}", e);
        }

        if (series is null || series.Start != start || series.Steps != rows || series.Channels != channels.Count
            || series.Height != description.Height || series.Width != description.Width
            || series.Values is null || series.Values.Length != (long)rows * channels.Count * description.Height * description.Width)
        {
            throw new DataException(series is null ? $"basin {basin}: the dataset returned no grid"
                : $"basin {basin}: the dataset returned a grid from {Date(series.Start)} [T {series.Steps}, C {series.Channels}, H {series.Height}, W {series.Width}] with {series.Values?.Length ?? 0} values; "
                    + $"requested from {Date(start)} [T {rows}, C {channels.Count}, H {description.Height}, W {description.Width}]");
        }

        var mask = new bool[description.Height * description.Width];
        for (var i = 0; i < description.Height; i++)
        {
            for (var j = 0; j < description.Width; j++)
            {
                mask[(i * description.Width) + j] = description.Mask[i, j];
            }
        }

        return new GridData(description, rows, channels.Count, series.Values, mask);
    }

    /// <summary>The grid size of a batch over <paramref name="store"/>: the largest H and W of its basins' grids; (0, 0) without grids.</summary>
    public static (int Height, int Width) Shape(BasinStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        int h = 0, w = 0;
        foreach (var b in store.Basins)
        {
            if (b.Grid is { } g)
            {
                h = Math.Max(h, g.Height);
                w = Math.Max(w, g.Width);
            }
        }

        return (h, w);
    }

    /// <summary>
    /// Checks that <paramref name="dataset"/> serves grids with <paramref name="channels"/> (looking at its first basin);
    /// returns one problem per channel (empty when all is well), each naming its index in <c>inputs.gridded</c>.
    /// </summary>
    public static IReadOnlyList<(int Index, string Message)> Problems(IDataset dataset, IReadOnlyList<string> channels, string datasetType)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
        {
            return [];
        }

        if (dataset is not IGriddedDataset gridded)
        {
            return [(-1, $"dataset '{datasetType}' serves no grids; remove inputs.gridded or use a gridded dataset (e.g. synthetic_grid)")];
        }

        var basins = dataset.Describe().Basins;
        if (basins.Count == 0)
        {
            return [];
        }

        var offered = gridded.DescribeGrid(basins[0]).Channels;
        var names = offered.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var available = string.Join(", ", offered.Select(c => $"{c.Name} ({c.Unit})"));
        return [.. channels.Select((c, i) => (Index: i, Name: c)).Where(x => !names.Contains(x.Name))
            .Select(x => (x.Index, $"'{x.Name}' is not a grid channel of dataset '{datasetType}' (channels: {available})"))];
    }

    private static void CheckDescription(GridDescription d, string basin, IReadOnlyList<string> channels)
    {
        if (d is null || d.Mask is null || d.X is null || d.Y is null || d.Channels is null)
        {
            throw new DataException($"basin {basin}: the dataset returned an incomplete grid description");
        }

        if (d.Height == 0 || d.Width == 0 || d.Mask.GetLength(0) != d.Height || d.Mask.GetLength(1) != d.Width)
        {
            throw new DataException($"basin {basin}: grid mask [{d.Mask.GetLength(0)}, {d.Mask.GetLength(1)}] does not match the coordinates y[{d.Height}], x[{d.Width}]");
        }

        var any = false;
        foreach (var m in d.Mask)
        {
            any |= m;
        }

        if (!any)
        {
            throw new DataException($"basin {basin}: the grid mask has no cell inside the basin");
        }

        foreach (var c in channels)
        {
            if (!d.Channels.Any(x => x.Name == c))
            {
                throw new DataException($"basin {basin}: '{c}' is not a grid channel (channels: {string.Join(", ", d.Channels.Select(x => x.Name))})");
            }
        }
    }

    private static string Date(DateTime d) => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
