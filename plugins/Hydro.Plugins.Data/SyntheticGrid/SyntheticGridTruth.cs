namespace Hydro.Plugins.Data.SyntheticGrid;

/// <summary>
/// The planted truth of <c>synthetic_grid</c>: which cells and channels make the streamflow, and how. Public so that
/// tests and attention analyses can compare what a model attends to with what actually matters.
/// </summary>
/// <remarks>
/// <para>Region R: the basin's masked cells inside the rectangle rows ⌊H/4⌋ … ⌊H/2⌋ − 1, columns ⌊W/4⌋ … ⌊W/2⌋ − 1
/// (0-based; row 0 is north, column 0 west): a block in the north-west quarter of the grid, inside the mask for the
/// default sizes.</para>
/// <para>Channels: <c>precip</c> (P) and <c>pet</c> (E) only. Effective input u_t = (1/|R|) Σ_{(i,j)∈R} max(P_t,i,j − E_t,i,j, 0)
/// (mm/day), routed through one linear reservoir with time constant k (option <c>reservoir_days</c>):
/// S ← S + u_t; q_t = S / k; S ← S − q_t, with S = 0 before the first day of the data. Every other channel
/// (<c>temp</c>, <c>noise_*</c>) and every cell outside R never reaches q.</para>
/// </remarks>
public static class SyntheticGridTruth
{
    /// <summary>Index of <c>precip</c> among the dataset's channels.</summary>
    public const int PrecipChannel = 0;

    /// <summary>Index of <c>pet</c> among the dataset's channels.</summary>
    public const int PetChannel = 1;

    /// <summary>The channels the streamflow is made of.</summary>
    public static IReadOnlyList<string> Channels { get; } = ["precip", "pet"];

    /// <summary>The truth rectangle of an H × W grid: rows and columns, start included, end excluded.</summary>
    public static (int RowStart, int RowEnd, int ColumnStart, int ColumnEnd) Rectangle(int height, int width) =>
        (height / 4, height / 2, width / 4, width / 2);

    /// <summary>The truth region R [H, W]: masked cells inside <see cref="Rectangle"/>.</summary>
    public static bool[,] Region(bool[,] mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        int h = mask.GetLength(0), w = mask.GetLength(1);
        var (r0, r1, c0, c1) = Rectangle(h, w);
        var region = new bool[h, w];
        for (var i = r0; i < r1; i++)
        {
            for (var j = c0; j < c1; j++)
            {
                region[i, j] = mask[i, j];
            }
        }

        return region;
    }

    /// <summary>
    /// The truth streamflow (mm/day) [T] from fields <paramref name="values"/> [T, C, H, W] (row-major, the dataset's
    /// channel order), the region and the reservoir constant (see the class remarks).
    /// </summary>
    /// <exception cref="ArgumentException">Sizes do not match, or the region is empty.</exception>
    public static double[] Streamflow(ReadOnlySpan<float> values, int channels, bool[,] region, double reservoirDays)
    {
        ArgumentNullException.ThrowIfNull(region);
        int h = region.GetLength(0), w = region.GetLength(1), cells = h * w;
        if (channels <= PetChannel || values.Length % (channels * cells) != 0)
        {
            throw new ArgumentException($"values [{values.Length}] are not [T, {channels}, {h}, {w}] with precip and pet");
        }

        var members = new List<int>();
        for (var i = 0; i < h; i++)
        {
            for (var j = 0; j < w; j++)
            {
                if (region[i, j])
                {
                    members.Add((i * w) + j);
                }
            }
        }

        if (members.Count == 0)
        {
            throw new ArgumentException("the truth region has no cell");
        }

        var steps = values.Length / (channels * cells);
        var q = new double[steps];
        var storage = 0.0;
        for (var t = 0; t < steps; t++)
        {
            var p = values.Slice(((t * channels) + PrecipChannel) * cells, cells);
            var e = values.Slice(((t * channels) + PetChannel) * cells, cells);
            var u = 0.0;
            foreach (var cell in members)
            {
                u += Math.Max((double)p[cell] - e[cell], 0);
            }

            storage += u / members.Count;
            q[t] = storage / reservoirDays;
            storage -= q[t];
        }

        return q;
    }
}
