using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Core.Tests.Grids;

/// <summary>One basin of <see cref="ArrayGridDataset"/>: lumped [T, F] and [T, K], grid [T, C, H, W] and mask [H, W].</summary>
internal sealed record ArrayGridBasin(float[,] Dynamic, float[,] Targets, float[] Grid, bool[,] Mask);

/// <summary>A gridded dataset over hand-written arrays (channels <see cref="ArrayGridDataset.Channels"/>), from <see cref="Start"/>.</summary>
internal sealed class ArrayGridDataset(DateTime start, IReadOnlyList<string> channels, Dictionary<string, ArrayGridBasin> basins) : IGriddedDataset
{
    public DateTime Start { get; } = start;

    public IReadOnlyList<string> Channels { get; } = channels;

    public DatasetDescription Describe() =>
        new([.. basins.Keys], [new("x", "-", false), new("y", "mm/day", false)], Start, Start.AddDays(basins.Values.First().Dynamic.GetLength(0) - 1));

    public BasinSeries Load(string basin, DataRequest request)
    {
        var d = basins[basin];
        var from = request.Start.DayNumber - Start.DayNumber;
        var rows = request.End.DayNumber - request.Start.DayNumber + 1;
        return new BasinSeries(basin, request.Start, Slice(d.Dynamic, from, rows), [], Slice(d.Targets, from, rows));
    }

    public GridDescription DescribeGrid(string basin)
    {
        var mask = basins[basin].Mask;
        int h = mask.GetLength(0), w = mask.GetLength(1);
        return new GridDescription([.. Channels.Select(c => new VariableInfo(c, "-", false))],
            [.. Enumerable.Range(0, w).Select(j => (double)j)], [.. Enumerable.Range(0, h).Select(i => (double)i)], mask, GridCrs.Unknown);
    }

    public GridSeries LoadGrid(string basin, GridRequest request)
    {
        var d = basins[basin];
        int h = d.Mask.GetLength(0), w = d.Mask.GetLength(1), c = Channels.Count, cells = h * w;
        var from = request.Start.DayNumber - Start.DayNumber;
        var rows = request.End.DayNumber - request.Start.DayNumber + 1;
        var picked = request.Channels.Select(n => Channels.ToList().IndexOf(n)).ToArray();
        var values = new float[rows * picked.Length * cells];
        for (var t = 0; t < rows; t++)
        {
            for (var k = 0; k < picked.Length; k++)
            {
                d.Grid.AsSpan((((from + t) * c) + picked[k]) * cells, cells).CopyTo(values.AsSpan(((t * picked.Length) + k) * cells, cells));
            }
        }

        return new GridSeries(basin, request.Start, rows, picked.Length, h, w, values);
    }

    public void Dispose()
    {
    }

    private static float[,] Slice(float[,] a, int from, int rows)
    {
        var result = new float[rows, a.GetLength(1)];
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                result[r, j] = a[from + r, j];
            }
        }

        return result;
    }
}

public sealed class ToyGridDatasetOptions
{
    [Range(1, 10)]
    public int Basins { get; init; } = 3;

    public DateOnly Start { get; init; } = new(2000, 1, 1);

    [Range(1, 100_000)]
    public int Days { get; init; } = 400;
}

/// <summary>
/// Gridded toy: channels a, b, c on per-basin grids (b1 is 3 × 5, the others 4 × 4) with irregular masks and NaN
/// outside them; target y = 2·mean_mask(a) − mean_mask(b) + 1; lumped input x = mean_mask(c) (unrelated to y).
/// </summary>
[Component("toy_grid", typeof(ToyGridDatasetOptions))]
public sealed class ToyGridDataset(ToyGridDatasetOptions options, ComponentContext context) : IGriddedDataset
{
    private readonly ComponentContext context = context;

    public static string[] Channels { get; } = ["a", "b", "c"];

    public static bool[,] MaskOf(int basin) => basin == 1
        ? new[,] { { false, true, true, true, false }, { true, true, true, true, true }, { false, true, true, false, false } }
        : new[,] { { false, true, true, false }, { true, true, true, true }, { true, true, true, false }, { false, basin == 0, true, false } };

    public static float Value(int basin, int channel, int day, int i, int j) => channel switch
    {
        0 => (float)(Math.Sin((0.1 * day) + i + basin) + (0.3 * j)),
        1 => (float)Math.Cos((0.07 * day) + j + (0.5 * i * basin)),
        _ => (float)Math.Sin((0.31 * day * (i + 1)) + j),
    };

    public static double MaskedMean(int basin, int channel, int day)
    {
        var mask = MaskOf(basin);
        double sum = 0;
        var n = 0;
        for (var i = 0; i < mask.GetLength(0); i++)
        {
            for (var j = 0; j < mask.GetLength(1); j++)
            {
                if (mask[i, j])
                {
                    sum += Value(basin, channel, day, i, j);
                    n++;
                }
            }
        }

        return sum / n;
    }

    public static double Truth(int basin, int day) => (2 * MaskedMean(basin, 0, day)) - MaskedMean(basin, 1, day) + 1;

    public DatasetDescription Describe() => new(
        [.. Enumerable.Range(0, options.Basins).Select(b => $"g{b}")],
        [new("x", "-", false), new("y", "mm/day", false)],
        options.Start.ToDateTime(TimeOnly.MinValue),
        options.Start.ToDateTime(TimeOnly.MinValue).AddDays(options.Days - 1));

    public BasinSeries Load(string basin, DataRequest request)
    {
        _ = context;
        var b = basin[1] - '0';
        var rows = request.End.DayNumber - request.Start.DayNumber + 1;
        var dyn = new float[rows, request.Dynamic.Count];
        var tgt = new float[rows, request.Targets.Count];
        for (var r = 0; r < rows; r++)
        {
            var day = request.Start.DayNumber - options.Start.DayNumber + r;
            for (var j = 0; j < request.Dynamic.Count; j++)
            {
                dyn[r, j] = (float)MaskedMean(b, 2, day);
            }

            for (var j = 0; j < request.Targets.Count; j++)
            {
                tgt[r, j] = (float)Truth(b, day);
            }
        }

        return new BasinSeries(basin, request.Start, dyn, [], tgt);
    }

    public GridDescription DescribeGrid(string basin)
    {
        var mask = MaskOf(basin[1] - '0');
        return new GridDescription([.. Channels.Select(c => new VariableInfo(c, "-", false))],
            [.. Enumerable.Range(0, mask.GetLength(1)).Select(j => 1000.0 * j)], [.. Enumerable.Range(0, mask.GetLength(0)).Select(i => -1000.0 * i)], mask, GridCrs.Unknown);
    }

    public GridSeries LoadGrid(string basin, GridRequest request)
    {
        var b = basin[1] - '0';
        var mask = MaskOf(b);
        int h = mask.GetLength(0), w = mask.GetLength(1);
        var rows = request.End.DayNumber - request.Start.DayNumber + 1;
        var c = request.Channels.Count;
        var values = new float[rows * c * h * w];
        for (var r = 0; r < rows; r++)
        {
            var day = request.Start.DayNumber - options.Start.DayNumber + r;
            for (var k = 0; k < c; k++)
            {
                var channel = Array.IndexOf(Channels, request.Channels[k]);
                for (var i = 0; i < h; i++)
                {
                    for (var j = 0; j < w; j++)
                    {
                        // Outside the mask the "data" is NaN: a core that read it would poison the loss.
                        values[((((r * c) + k) * h) + i) * w + j] = mask[i, j] ? Value(b, channel, day, i, j) : float.NaN;
                    }
                }
            }
        }

        return new GridSeries(basin, request.Start, rows, c, h, w, values);
    }

    public void Dispose()
    {
    }
}

public sealed class GridMeanOptions
{
}

/// <summary>
/// A linear map from the masked mean of each gridded channel (read from Batch.Gridded and Batch.GriddedMask) to the
/// targets; extras: the first channel's masked mean [B, T] and a "spatial_attention" map [B, T, H, W].
/// </summary>
[Component("grid_mean_linear", typeof(GridMeanOptions))]
public sealed class GridMeanBackbone : Backbone<GridMeanOptions>
{
    private readonly nn.Linear linear;

    public GridMeanBackbone(GridMeanOptions options, ComponentContext context)
        : base(options, context)
    {
        linear = new nn.Linear(context.GriddedInputs.Count, context.Targets.Count, generator: context.Generator);
        register_module("linear", linear);
    }

    protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters)
    {
        var grid = batch.Gridded ?? throw new InvalidOperationException("no Batch.Gridded");
        var mask = (batch.GriddedMask ?? throw new InvalidOperationException("no Batch.GriddedMask")).to(ScalarType.Float32);
        var cells = mask.sum([1L, 2L]).unsqueeze(1).unsqueeze(2); // [B, 1, 1]
        var means = (grid * mask.unsqueeze(1).unsqueeze(2)).sum([3L, 4L]) / cells; // [B, T, C]
        var attention = (mask / cells).unsqueeze(1).expand([batch.Size, batch.Steps, mask.size(1), mask.size(2)]);
        return new BackboneOutputs(linear.forward(means))
            .Add("grid_mean_a", means.select(2, 0), "-")
            .Add("spatial_attention", attention, "-");
    }
}
