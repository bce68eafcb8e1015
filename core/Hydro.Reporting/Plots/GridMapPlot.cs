using ScottPlot;

namespace Hydro.Reporting.Plots;

/// <summary>Draws a <see cref="GridField"/> as a map: north up, axes in the grid's coordinates, a colour bar.</summary>
public static class GridMapPlot
{
    /// <summary>Writes the map as a PNG (to a temporary file renamed into place).</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="field">The field.</param>
    /// <param name="width">Picture width in pixels.</param>
    /// <param name="height">Picture height in pixels.</param>
    /// <exception cref="ArgumentException">A malformed field.</exception>
    public static void SavePng(string path, GridField field, int width = 800, int height = 640)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(field);
        field.Validate();
        var plot = new Plot();
        try
        {
            var heatmap = plot.Add.Heatmap(NorthUp(field));
            heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
            heatmap.NaNCellColor = Colors.Transparent;
            heatmap.Extent = Extent(field);
            plot.Add.ColorBar(heatmap).Label = field.Label;
            plot.Title(field.Title);
            plot.XLabel("x");
            plot.YLabel("y");
            plot.Axes.SquareUnits();
            PngFile.Save(plot, path, width, height);
        }
        finally
        {
            plot.Dispose();
        }
    }

    /// <summary>ScottPlot draws row 0 at the top: put the northernmost row (largest y) first and the westernmost column left.</summary>
    private static double[,] NorthUp(GridField field)
    {
        int h = field.Rows, w = field.Columns;
        var flipRows = h > 1 && field.Y[0] < field.Y[h - 1];
        var flipColumns = w > 1 && field.X[0] > field.X[w - 1];
        var values = new double[h, w];
        for (var i = 0; i < h; i++)
        {
            for (var j = 0; j < w; j++)
            {
                values[i, j] = field.Values[flipRows ? h - 1 - i : i, flipColumns ? w - 1 - j : j];
            }
        }

        return values;
    }

    /// <summary>The outer edges of the cells, half a cell beyond the outermost centres.</summary>
    private static CoordinateRect Extent(GridField field)
    {
        static (double Low, double High) Edges(double[] centres)
        {
            var low = centres.Min();
            var high = centres.Max();
            var half = centres.Length > 1 ? (high - low) / (centres.Length - 1) / 2 : 0.5;
            return (low - half, high + half);
        }

        var (left, right) = Edges(field.X);
        var (bottom, top) = Edges(field.Y);
        return new CoordinateRect(left, right, bottom, top);
    }
}
