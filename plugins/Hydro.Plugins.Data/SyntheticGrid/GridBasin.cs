using Hydro.Plugins.Data.Synthetic;

namespace Hydro.Plugins.Data.SyntheticGrid;

/// <summary>One generated <c>synthetic_grid</c> basin over the dataset's whole period.</summary>
internal sealed class GridBasin
{
    private GridBasin(int index, bool[,] mask, float[] values, int days, int channels, double[] streamflow, float[] means)
    {
        Index = index;
        Mask = mask;
        Region = SyntheticGridTruth.Region(mask);
        Values = values;
        Days = days;
        Channels = channels;
        Streamflow = streamflow;
        Means = means;
    }

    public int Index { get; }

    /// <summary>Basin cells [H, W].</summary>
    public bool[,] Mask { get; }

    /// <summary>The truth region [H, W].</summary>
    public bool[,] Region { get; }

    /// <summary>Fields [T, C, H, W] over the whole data period.</summary>
    public float[] Values { get; }

    public int Days { get; }

    public int Channels { get; }

    /// <summary>Truth streamflow [T] (mm/day).</summary>
    public double[] Streamflow { get; }

    /// <summary>Mean of each channel over the mask [T, C].</summary>
    public float[] Means { get; }

    /// <summary>
    /// The basin mask: an irregular blob around the grid centre, cell (i, j) inside when its centre lies within
    /// r(θ) = R·(1 + 0.12 sin(3θ + φ) + 0.06 cos(5θ + ψ)) of a centre jittered by up to half a cell, R = 0.42·min(H, W).
    /// </summary>
    public static bool[,] MakeMask(int seed, int index, int height, int width)
    {
        var rng = SplitMix64.For(seed, index, SplitMix64.Stream.GridMask);
        var cy = (height / 2.0) + rng.Uniform(-0.5, 0.5);
        var cx = (width / 2.0) + rng.Uniform(-0.5, 0.5);
        var phi = rng.Uniform(0, 2 * Math.PI);
        var psi = rng.Uniform(0, 2 * Math.PI);
        var radius = 0.42 * Math.Min(height, width);
        var mask = new bool[height, width];
        for (var i = 0; i < height; i++)
        {
            for (var j = 0; j < width; j++)
            {
                double dy = i + 0.5 - cy, dx = j + 0.5 - cx;
                var theta = Math.Atan2(dy, dx);
                var r = radius * (1 + (0.12 * Math.Sin((3 * theta) + phi)) + (0.06 * Math.Cos((5 * theta) + psi)));
                mask[i, j] = Math.Sqrt((dx * dx) + (dy * dy)) <= r;
            }
        }

        return mask;
    }

    /// <summary>Generates basin <paramref name="index"/> (see <see cref="SyntheticGridDataset"/> for the fields).</summary>
    public static GridBasin Generate(SyntheticGridOptions o, int index)
    {
        int h = o.Height, w = o.Width, c = o.Channels, cells = h * w;
        var days = o.End.DayNumber - o.Start.DayNumber + 1;
        var mask = MakeMask(o.Seed, index, h, w);
        var values = new float[(long)days * c * cells];
        var weather = SplitMix64.For(o.Seed, index, SplitMix64.Stream.GridWeather);
        var noise = SplitMix64.For(o.Seed, index, SplitMix64.Stream.GridNoise);
        var sigma = 0.35 * Math.Max(h, w);
        var wet = false;
        var anomaly = 0.0;
        var sqrt3 = Math.Sqrt(3);
        var stormX = new double[w];
        var westEast = Enumerable.Range(0, w).Select(j => 0.5 * Math.Cos(2 * Math.PI * (j + 0.5) / w)).ToArray();
        for (var t = 0; t < days; t++)
        {
            var doy = o.Start.AddDays(t).DayOfYear;
            var season = Math.Sin(2 * Math.PI * (doy - 110) / 365.25);

            // Precipitation: Markov wet/dry days (drier in summer), an exponential amount, one storm whose centre is
            // uniform over the grid, so that cells differ from day to day.
            wet = weather.Uniform() < (wet ? 0.6 : 0.3 - (0.1 * season));
            var amount = weather.Exponential(6);
            double ci = weather.Uniform(0, h), cj = weather.Uniform(0, w);
            anomaly = (0.8 * anomaly) + (1.2 * weather.Normal());
            var petFactor = Math.Max(0.5, 1 + (0.2 * weather.Normal()));
            var p = values.AsSpan((int)(((long)t * c) + SyntheticGridTruth.PrecipChannel) * cells, cells);
            var e = values.AsSpan((int)(((long)t * c) + SyntheticGridTruth.PetChannel) * cells, cells);
            var temp = values.AsSpan((int)(((long)t * c) + 2) * cells, cells);
            for (var j = 0; j < w; j++)
            {
                var dx = j + 0.5 - cj;
                stormX[j] = Math.Exp(-(dx * dx) / (2 * sigma * sigma)); // the Gaussian storm is separable: H + W exponentials a day
            }

            for (var i = 0; i < h; i++)
            {
                var dy = i + 0.5 - ci;
                var stormY = Math.Exp(-(dy * dy) / (2 * sigma * sigma));
                for (var j = 0; j < w; j++)
                {
                    var cell = (i * w) + j;
                    p[cell] = wet ? (float)(amount * (0.3 + (1.4 * stormY * stormX[j]))) : 0f;
                    var tc = 10 + (9 * season) + anomaly + (3 * (((i + 0.5) / h) - 0.5)) + westEast[j];
                    temp[cell] = (float)tc;
                    e[cell] = (float)(Math.Max(0, 0.12 * (tc + 5)) * petFactor);
                }
            }

            // Noise channels: AR(1) per cell with uniform innovations of unit variance; unrelated to everything else.
            for (var k = 3; k < c; k++)
            {
                var field = values.AsSpan((int)(((long)t * c) + k) * cells, cells);
                var previous = t == 0 ? default : values.AsSpan((int)(((long)(t - 1) * c) + k) * cells, cells);
                for (var cell = 0; cell < cells; cell++)
                {
                    var innovation = sqrt3 * ((2 * noise.Uniform()) - 1);
                    field[cell] = (float)((t == 0 ? 0 : 0.7 * previous[cell]) + (0.714 * innovation));
                }
            }
        }

        var streamflow = SyntheticGridTruth.Streamflow(values, c, SyntheticGridTruth.Region(mask), o.ReservoirDays);
        return new GridBasin(index, mask, values, days, c, streamflow, MaskMeans(values, mask, days, c));
    }

    private static float[] MaskMeans(float[] values, bool[,] mask, int days, int channels)
    {
        int h = mask.GetLength(0), w = mask.GetLength(1), cells = h * w;
        var members = new List<int>();
        for (var i = 0; i < h; i++)
        {
            for (var j = 0; j < w; j++)
            {
                if (mask[i, j])
                {
                    members.Add((i * w) + j);
                }
            }
        }

        var means = new float[days * channels];
        for (var t = 0; t < days; t++)
        {
            for (var k = 0; k < channels; k++)
            {
                var field = values.AsSpan((int)(((long)t * channels) + k) * cells, cells);
                var sum = 0.0;
                foreach (var cell in members)
                {
                    sum += field[cell];
                }

                means[(t * channels) + k] = (float)(sum / members.Count);
            }
        }

        return means;
    }
}
