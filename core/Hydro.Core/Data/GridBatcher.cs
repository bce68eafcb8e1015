using Hydro.Torch;

namespace Hydro.Core.Data;

/// <summary>The gridded part of a <see cref="HostBatch"/>: normalised values [B, T, C, H, W] and masks [B, H, W].</summary>
public sealed class HostGrid
{
    internal HostGrid(int size, int steps, int channels, int height, int width)
    {
        Size = size;
        Steps = steps;
        Channels = channels;
        Height = height;
        Width = width;
        Values = new float[(long)size * steps * channels * height * width];
        Mask = new bool[size * height * width];
    }

    /// <summary>B.</summary>
    public int Size { get; }

    /// <summary>T.</summary>
    public int Steps { get; }

    /// <summary>C.</summary>
    public int Channels { get; }

    /// <summary>H (the largest grid of the store).</summary>
    public int Height { get; }

    /// <summary>W (the largest grid of the store).</summary>
    public int Width { get; }

    /// <summary>Normalised values [B, T, C, H, W]; 0 outside each row's mask and in padding.</summary>
    public float[] Values { get; }

    /// <summary>Basin cells [B, H, W]; false in padding.</summary>
    public bool[] Mask { get; }

    /// <summary>The tensors <c>Batch.Gridded</c> and <c>Batch.GriddedMask</c> on <paramref name="device"/>.</summary>
    public (Tensor Gridded, Tensor Mask) ToTensors(Device device) =>
        (torch.tensor(Values, [Size, Steps, Channels, Height, Width], device), torch.tensor(Mask, [Size, Height, Width], device));
}

/// <summary>Cuts windows of the basins' grids into a <see cref="HostGrid"/>.</summary>
/// <remarks>
/// Row b, step t, channel c, cell (i, j) holds (x − mean_c) / scale_c for the basin's value x on the window's t-th row
/// when the cell is inside its mask, else 0. A smaller grid sits in the top-left corner (rows 0..H_b−1, columns
/// 0..W_b−1) of the store's largest H × W; the rest is padding (0, mask false). The sampler never yields a window with a
/// missing masked cell (<see cref="GridData.FiniteRows"/>); one built by hand keeps the NaN, as lumped inputs do.
/// </remarks>
public static class GridBatcher
{
    /// <summary>The grids of <paramref name="windows"/> of length <paramref name="steps"/>; null when the store has no grids.</summary>
    /// <exception cref="ArgumentException">A basin of a window has no grid, or the normaliser has other channels.</exception>
    public static HostGrid? Prepare(BasinStore store, Normalizer normalizer, IReadOnlyList<WindowRef> windows, int steps)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(windows);
        var c = store.Variables.Gridded.Count;
        if (c == 0)
        {
            return null;
        }

        if (normalizer.Gridded.Count != c)
        {
            throw new ArgumentException($"the normaliser has statistics for {normalizer.Gridded.Count} gridded channels, the store {c}");
        }

        var (h, w) = GridStore.Shape(store);
        var host = new HostGrid(windows.Count, steps, c, h, w);
        for (var r = 0; r < windows.Count; r++)
        {
            var basin = store.Basins[windows[r].Basin];
            var g = basin.Grid ?? throw new ArgumentException($"basin {basin.Basin} has no grid");
            var first = windows[r].End - steps + 1;
            var cells = g.Height * g.Width;
            for (var i = 0; i < g.Height; i++)
            {
                for (var j = 0; j < g.Width; j++)
                {
                    host.Mask[(((r * h) + i) * w) + j] = g.Mask[(i * g.Width) + j];
                }
            }

            for (var t = 0; t < steps; t++)
            {
                for (var k = 0; k < c; k++)
                {
                    var stats = normalizer.Gridded[k];
                    var src = g.Values.AsSpan((((first + t) * c) + k) * cells, cells);
                    var dst = host.Values.AsSpan((int)((((((long)r * steps) + t) * c) + k) * h * w), h * w);
                    for (var i = 0; i < g.Height; i++)
                    {
                        for (var j = 0; j < g.Width; j++)
                        {
                            var cell = (i * g.Width) + j;
                            if (g.Mask[cell])
                            {
                                dst[(i * w) + j] = stats.Normalize(src[cell]);
                            }
                        }
                    }
                }
            }
        }

        return host;
    }
}
