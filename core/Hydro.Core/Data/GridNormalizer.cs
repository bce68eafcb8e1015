using Hydro.Abstractions.Contracts;

namespace Hydro.Core.Data;

/// <summary>Per-channel statistics of gridded inputs over the masked cells of the training period.</summary>
/// <remarks>
/// For channel c: mean and sample standard deviation (n − 1) of every finite value x[t, c, i, j] with mask[i, j] true,
/// over every training basin and every period row t (history rows excluded), i.e. each (basin, day, cell) is one
/// sample. Cells outside a basin's mask never count. Saved as the <c>gridded</c> list of <c>normalization.json</c>.
/// </remarks>
public static class GridNormalizer
{
    /// <summary>The statistics of each gridded channel of <paramref name="training"/>; empty when it has no grids.</summary>
    /// <exception cref="DataException">A channel has no finite masked value in the training period.</exception>
    public static IReadOnlyList<VariableStatistics> Fit(BasinStore training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var names = training.Variables.Gridded;
        if (names.Count == 0)
        {
            return [];
        }

        var c = names.Count;
        var count = new long[c];
        var mean = new double[c];
        var m2 = new double[c];
        foreach (var b in training.Basins)
        {
            if (b.Grid is not { } g)
            {
                continue;
            }

            var cells = g.Height * g.Width;
            for (var t = b.PeriodStartIndex; t < g.Steps; t++)
            {
                for (var k = 0; k < c; k++)
                {
                    var field = g.Values.AsSpan(((t * c) + k) * cells, cells);
                    for (var i = 0; i < cells; i++)
                    {
                        var v = field[i];
                        if (!g.Mask[i] || !float.IsFinite(v))
                        {
                            continue;
                        }

                        // Welford's update in double: millions of cells per channel would lose digits in a float sum.
                        count[k]++;
                        var d = v - mean[k];
                        mean[k] += d / count[k];
                        m2[k] += d * (v - mean[k]);
                    }
                }
            }
        }

        var result = new VariableStatistics[c];
        for (var k = 0; k < c; k++)
        {
            if (count[k] == 0)
            {
                throw new DataException($"gridded input '{names[k]}' has no finite value inside the basin masks in the training period; check the channel and the period");
            }

            result[k] = new VariableStatistics(names[k], mean[k], count[k] < 2 ? double.NaN : Math.Sqrt(m2[k] / (count[k] - 1)));
        }

        return result;
    }
}
