using ScottPlot;

namespace Hydro.Reporting.Plots;

/// <summary>Draws named values as vertical bars (e.g. each input channel's share of the feature attention).</summary>
public static class BarPlot
{
    /// <summary>Writes the bar chart as a PNG (to a temporary file renamed into place).</summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="labels">One label per bar.</param>
    /// <param name="values">One value per bar (NaN draws no bar).</param>
    /// <param name="title">The picture's title.</param>
    /// <param name="valueLabel">The value axis label (quantity and unit).</param>
    /// <param name="width">Picture width in pixels.</param>
    /// <param name="height">Picture height in pixels.</param>
    /// <exception cref="ArgumentException">Labels and values of different lengths, or none.</exception>
    public static void SavePng(string path, IReadOnlyList<string> labels, IReadOnlyList<double> values, string title, string valueLabel, int width = 800, int height = 480)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        if (labels.Count == 0 || labels.Count != values.Count)
        {
            throw new ArgumentException($"'{title}': {labels.Count} labels for {values.Count} values");
        }

        var plot = new Plot();
        try
        {
            var bars = plot.Add.Bars(values.Select(v => double.IsFinite(v) ? v : 0).ToArray());
            bars.Color = Colors.SteelBlue;
            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);
            plot.Axes.Margins(bottom: 0);
            plot.Title(title);
            plot.YLabel(valueLabel);
            PngFile.Save(plot, path, width, height);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
