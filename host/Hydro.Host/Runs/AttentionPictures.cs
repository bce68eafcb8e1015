using Hydro.Core.Analysis.Runs;
using Hydro.Reporting.Plots;

namespace Hydro.Host.Runs;

/// <summary>The PNGs of <c>hydro attention</c>, drawn with Hydro.Reporting into the folder being written.</summary>
internal static class AttentionPictures
{
    /// <summary><c>spatial_&lt;basin&gt;_&lt;season&gt;.png</c> per basin and season with steps, and <c>features_&lt;basin&gt;.png</c> (period-mean weights).</summary>
    public static void Draw(string dir, AttentionReport report)
    {
        foreach (var b in report.Basins)
        {
            var safe = FileName(b.Basin);
            for (var s = 0; s < SeasonalAttention.Seasons.Count; s++)
            {
                if (b.Steps[s] == 0)
                {
                    continue;
                }

                int h = b.Spatial.GetLength(1), w = b.Spatial.GetLength(2);
                var values = new double[h, w];
                for (var i = 0; i < h; i++)
                {
                    for (var j = 0; j < w; j++)
                    {
                        values[i, j] = b.Spatial[s, i, j];
                    }
                }

                var season = SeasonalAttention.Seasons[s];
                GridMapPlot.SavePng(Path.Combine(dir, $"spatial_{safe}_{season}.png"),
                    new GridField(values, b.Grid.X, b.Grid.Y, $"{b.Basin} {season} spatial attention ({report.Period}, {b.Steps[s]} steps)", "attention (1)"));
            }

            BarPlot.SavePng(Path.Combine(dir, $"features_{safe}.png"), report.Channels, b.PeriodFeature(),
                $"{b.Basin} feature attention ({report.Period} mean, {b.Steps.Sum()} steps)", "weight (1)");
        }
    }

    private static string FileName(string basin) =>
        string.Concat(basin.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' or ' ' ? '_' : c));
}
