using Hydro.Reporting.Plots;
using SkiaSharp;

namespace Hydro.Reporting.Tests;

public sealed class BarPlotTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hydro-reporting-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_larger_value_draws_a_taller_bar()
    {
        var path = Path.Combine(folder, "bars.png");
        BarPlot.SavePng(path, ["precip", "pet", "noise"], [0.7, 0.2, 0.1], "feature attention", "share", 600, 400);

        using var image = SKBitmap.Decode(path);
        var heights = Enumerable.Range(0, image.Width).Select(px => Enumerable.Range(0, image.Height)
            .Count(py => IsBar(image.GetPixel(px, py)))).ToArray();
        var columns = heights.Select((count, px) => (count, px)).Where(c => c.count > 0).ToArray();
        Assert.NotEmpty(columns);
        var tallest = columns.MaxBy(c => c.count);
        var lowest = columns.Where(c => c.count > 2).MinBy(c => c.count);
        Assert.True(tallest.px < lowest.px, "the first (largest) bar should be left of the last");
        Assert.InRange(tallest.count / (double)lowest.count, 4, 10);
    }

    [Fact]
    public void Labels_and_values_of_different_lengths_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => BarPlot.SavePng(Path.Combine(folder, "x.png"), ["a"], [1, 2], "t", "v"));
        Assert.Contains("'t': 1 labels for 2 values", error.Message);
    }

    private static bool IsBar(SKColor c) => c.Red == SKColors.SteelBlue.Red && c.Green == SKColors.SteelBlue.Green && c.Blue == SKColors.SteelBlue.Blue;
}
