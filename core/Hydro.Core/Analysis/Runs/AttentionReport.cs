using Hydro.Abstractions.Contracts;

namespace Hydro.Core.Analysis.Runs;

/// <summary>What an attention analysis wrote (<see cref="AttentionAnalysis.Run"/>).</summary>
/// <param name="OutputDirectory">The results folder.</param>
/// <param name="Period">The period's name.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day.</param>
/// <param name="Seeds">The members whose mean attention was aggregated.</param>
/// <param name="Channels">The gridded input channels (<c>inputs.gridded</c>), in the order of the feature weights.</param>
/// <param name="Basins">Per basin, the seasonal maps and weights.</param>
/// <param name="Warnings">Basins left out and why.</param>
public sealed record AttentionReport(
    string OutputDirectory,
    string Period,
    DateTime Start,
    DateTime End,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<string> Channels,
    IReadOnlyList<BasinAttention> Basins,
    IReadOnlyList<string> Warnings);

/// <summary>One basin's attention, averaged per season (<see cref="SeasonalAttention.Seasons"/>: DJF, MAM, JJA, SON).</summary>
/// <param name="Basin">Basin id.</param>
/// <param name="Grid">The basin's own grid (coordinates, mask, CRS, attributes), without the batch padding.</param>
/// <param name="Spatial">Mean spatial attention [season, H, W]; NaN outside the mask and for a season without steps.</param>
/// <param name="Feature">Mean feature weight [season, C]; NaN for a season without steps.</param>
/// <param name="Steps">Scored steps per season [4].</param>
/// <param name="Truth">The comparison with the dataset's planted truth, when it reports one.</param>
public sealed record BasinAttention(string Basin, GridDescription Grid, double[,,] Spatial, double[,] Feature, int[] Steps, PlantedTruthCheck? Truth)
{
    /// <summary>The spatial map over all scored steps [H, W]: the seasons' means weighted by their steps.</summary>
    public double[,] PeriodSpatial()
    {
        int h = Spatial.GetLength(1), w = Spatial.GetLength(2);
        var map = new double[h, w];
        var total = Steps.Sum();
        for (var i = 0; i < h; i++)
        {
            for (var j = 0; j < w; j++)
            {
                double sum = 0;
                for (var s = 0; s < Steps.Length; s++)
                {
                    sum += Steps[s] == 0 ? 0 : Spatial[s, i, j] * Steps[s];
                }

                map[i, j] = Grid.Mask[i, j] && total > 0 ? sum / total : double.NaN;
            }
        }

        return map;
    }

    /// <summary>The feature weights over all scored steps [C]: the seasons' means weighted by their steps.</summary>
    public double[] PeriodFeature()
    {
        var total = Steps.Sum();
        return [.. Enumerable.Range(0, Feature.GetLength(1)).Select(c =>
            total == 0 ? double.NaN : Enumerable.Range(0, Steps.Length).Where(s => Steps[s] > 0).Sum(s => Feature[s, c] * Steps[s]) / total)];
    }
}

/// <summary>
/// The attention against a planted truth (synthetic_grid's <c>truth_region</c> and <c>truth_channels</c>).
/// </summary>
/// <param name="RegionMassShare">Share of the period's spatial attention mass (summed over the mask) inside the region.</param>
/// <param name="RegionCellShare">Share of the basin's cells inside the region (the share a uniform map would give).</param>
/// <param name="Channels">The planted channels.</param>
/// <param name="PlantedRankFirst">Whether the planted channels hold the first ranks of the period's feature weights.</param>
public sealed record PlantedTruthCheck(double RegionMassShare, double RegionCellShare, IReadOnlyList<string> Channels, bool PlantedRankFirst)
{
    /// <summary><see cref="RegionMassShare"/> / <see cref="RegionCellShare"/>: 1 for a uniform map, above 1 when attention gathers in the region.</summary>
    public double Ratio => RegionMassShare / RegionCellShare;
}
