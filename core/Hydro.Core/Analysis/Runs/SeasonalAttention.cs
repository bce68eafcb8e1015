namespace Hydro.Core.Analysis.Runs;

/// <summary>
/// Sums of attention maps per basin and meteorological season (DJF, MAM, JJA, SON, by the month of the step's time
/// stamp), over a padded batch grid [Hp, Wp] and cropped back to each basin's own grid [H, W] (the padding is at the
/// end of the rows and columns, <see cref="Data.GridStore.Shape"/>).
/// </summary>
public sealed class SeasonalAttention
{
    /// <summary>The season names, in the order of the season dimension.</summary>
    public static IReadOnlyList<string> Seasons { get; } = ["DJF", "MAM", "JJA", "SON"];

    private readonly int channels;
    private readonly Dictionary<string, (bool[,] Mask, double[,,] Spatial, double[,] Feature, int[] Steps)> sums = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    /// <summary>Creates an empty accumulator for <paramref name="channels"/> feature weights.</summary>
    public SeasonalAttention(int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        this.channels = channels;
    }

    /// <summary>0 for Dec–Feb, 1 for Mar–May, 2 for Jun–Aug, 3 for Sep–Nov.</summary>
    public static int SeasonOf(DateTime time) => time.Month % 12 / 3;

    /// <summary>Adds one step of one basin.</summary>
    /// <param name="basin">Basin id.</param>
    /// <param name="mask">The basin's own mask [H, W].</param>
    /// <param name="time">The step's time stamp.</param>
    /// <param name="spatial">The map on the padded grid, row-major from <paramref name="offset"/>: [Hp, Wp] with Hp ≥ H, Wp ≥ W.</param>
    /// <param name="offset">Index of the map's first value in <paramref name="spatial"/>.</param>
    /// <param name="paddedWidth">Wp.</param>
    /// <param name="feature">The feature weights, C values from <paramref name="featureOffset"/>.</param>
    /// <param name="featureOffset">Index of the first weight in <paramref name="feature"/>.</param>
    public void Add(string basin, bool[,] mask, DateTime time, ReadOnlySpan<float> spatial, int offset, int paddedWidth, ReadOnlySpan<float> feature, int featureOffset)
    {
        ArgumentNullException.ThrowIfNull(mask);
        int h = mask.GetLength(0), w = mask.GetLength(1);
        if (!sums.TryGetValue(basin, out var s))
        {
            s = (mask, new double[4, h, w], new double[4, channels], new int[4]);
            sums[basin] = s;
            order.Add(basin);
        }

        var season = SeasonOf(time);
        for (var i = 0; i < h; i++)
        {
            for (var j = 0; j < w; j++)
            {
                if (mask[i, j])
                {
                    s.Spatial[season, i, j] += spatial[offset + (i * paddedWidth) + j];
                }
            }
        }

        for (var c = 0; c < channels; c++)
        {
            s.Feature[season, c] += feature[featureOffset + c];
        }

        s.Steps[season]++;
    }

    /// <summary>The basins in the order first seen, with their means (NaN outside the mask and for seasons without steps).</summary>
    public IReadOnlyList<(string Basin, double[,,] Spatial, double[,] Feature, int[] Steps)> Means()
    {
        var result = new List<(string, double[,,], double[,], int[])>();
        foreach (var basin in order)
        {
            var (mask, spatial, feature, steps) = sums[basin];
            int h = mask.GetLength(0), w = mask.GetLength(1);
            var sMean = new double[4, h, w];
            var fMean = new double[4, channels];
            for (var season = 0; season < 4; season++)
            {
                var n = steps[season];
                for (var i = 0; i < h; i++)
                {
                    for (var j = 0; j < w; j++)
                    {
                        sMean[season, i, j] = mask[i, j] && n > 0 ? spatial[season, i, j] / n : double.NaN;
                    }
                }

                for (var c = 0; c < channels; c++)
                {
                    fMean[season, c] = n > 0 ? feature[season, c] / n : double.NaN;
                }
            }

            result.Add((basin, sMean, fMean, (int[])steps.Clone()));
        }

        return result;
    }
}
