using Hydro.Reporting.Plots;
using SkiaSharp;

namespace Hydro.Reporting.Tests;

public sealed class GridMapPlotTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hydro-reporting-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_largest_values_of_a_field_rising_to_the_north_east_are_drawn_up_and_right()
    {
        var path = Path.Combine(folder, "map.png");
        GridMapPlot.SavePng(path, Ramp(ascending: true), 600, 500);

        using var image = SKBitmap.Decode(path);
        Assert.Equal((600, 500), (image.Width, image.Height));
        var (yellowX, yellowY) = Centroid(image, c => c.Red > 200 && c.Green > 200 && c.Blue < 100);
        var (purpleX, purpleY) = Centroid(image, c => c.Red < 90 && c.Green < 40 && c.Blue > 60);
        Assert.True(yellowY < purpleY, $"the high values (y {yellowY:F0} px) should be drawn above the low ones (y {purpleY:F0} px)");
        Assert.True(yellowX > purpleX, $"the high values (x {yellowX:F0} px) should be drawn right of the low ones (x {purpleX:F0} px)");
    }

    [Fact]
    public void The_same_field_with_coordinates_stored_north_to_south_draws_the_same_picture()
    {
        var southFirst = Path.Combine(folder, "south_first.png");
        var northFirst = Path.Combine(folder, "north_first.png");
        GridMapPlot.SavePng(southFirst, Ramp(ascending: true), 400, 300);
        GridMapPlot.SavePng(northFirst, Ramp(ascending: false), 400, 300);

        using var a = SKBitmap.Decode(southFirst);
        using var b = SKBitmap.Decode(northFirst);
        Assert.Equal(a.Pixels, b.Pixels);
    }

    [Fact]
    public void Masked_cells_are_blank_and_nothing_is_left_half_written()
    {
        var full = Ramp(ascending: true);
        var masked = Ramp(ascending: true);
        for (var i = 0; i < masked.Rows; i++)
        {
            for (var j = 0; j < masked.Columns / 2; j++)
            {
                masked.Values[i, j] = double.NaN;
            }
        }

        GridMapPlot.SavePng(Path.Combine(folder, "full.png"), full, 600, 500);
        GridMapPlot.SavePng(Path.Combine(folder, "masked.png"), masked, 600, 500);

        using var a = SKBitmap.Decode(Path.Combine(folder, "full.png"));
        using var b = SKBitmap.Decode(Path.Combine(folder, "masked.png"));
        var (coloured, colouredMasked) = (Coloured(a), Coloured(b));
        Assert.InRange(colouredMasked / (double)coloured, 0.4, 0.75);
        Assert.Equal(["full.png", "masked.png"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Coordinates_that_do_not_match_the_grid_are_refused_with_the_title()
    {
        var field = new GridField(new double[3, 4], [0, 1, 2], [0, 1, 2], "spatial attention DJF", "weight");
        var error = Assert.Throws<ArgumentException>(() => GridMapPlot.SavePng(Path.Combine(folder, "bad.png"), field));
        Assert.Contains("'spatial attention DJF': 3 x and 3 y coordinates for a grid of 3 rows × 4 columns", error.Message);
        Assert.Empty(Directory.GetFiles(folder));
    }

    /// <summary>values = x + y on a 12 × 16 grid of 1 km cells; rows stored south→north or north→south.</summary>
    private static GridField Ramp(bool ascending)
    {
        const int h = 12, w = 16;
        var x = Enumerable.Range(0, w).Select(j => 700_000 + (1000.0 * j)).ToArray();
        var y = Enumerable.Range(0, h).Select(i => 6_300_000 + (1000.0 * (ascending ? i : h - 1 - i))).ToArray();
        var values = new double[h, w];
        for (var i = 0; i < h; i++)
        {
            for (var j = 0; j < w; j++)
            {
                values[i, j] = (x[j] - x[0] + y[i] - 6_300_000) / 1000;
            }
        }

        return new GridField(values, x, y, "ramp", "km");
    }

    /// <summary>Pixels of a saturated colour (the heat map and its colour bar; not the white, grey and black of the frame).</summary>
    private static int Coloured(SKBitmap image) => image.Pixels.Count(c => Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 60);

    private static (double X, double Y) Centroid(SKBitmap image, Func<SKColor, bool> match)
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var py = 0; py < image.Height; py++)
        {
            for (var px = 0; px < image.Width; px++)
            {
                if (match(image.GetPixel(px, py)))
                {
                    sx += px;
                    sy += py;
                    n++;
                }
            }
        }

        Assert.True(n > 50, "the colour is not in the picture");
        return (sx / n, sy / n);
    }
}
