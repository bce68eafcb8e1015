namespace Hydro.Core.Analysis;

/// <summary>
/// Per-basin Morris sensitivities of a prediction to the static inputs (<see cref="MorrisSensitivity"/>), and the
/// global ranking of Kratzert et al. (2019, Table 4).
/// </summary>
/// <param name="Basins">Basin of each row of <see cref="Values"/>.</param>
/// <param name="Features">Static input of each column.</param>
/// <param name="Values">Mean absolute gradient [basin, feature], in prediction units per standard deviation of the input.</param>
/// <param name="Steps">Scored steps each basin's mean is over.</param>
public sealed record StaticSensitivity(IReadOnlyList<string> Basins, IReadOnlyList<string> Features, double[,] Values, IReadOnlyList<long> Steps)
{
    /// <summary>
    /// Each basin's sensitivities scaled to [0, 1] over the features, <c>(v − min_i v) / (max_i v − min_i v)</c>
    /// ("normalizing the sensitivity measures per basin to the range (0,1)", Kratzert et al. 2019); a basin whose
    /// sensitivities are all equal gets 0 everywhere.
    /// </summary>
    public double[,] Normalised()
    {
        var n = Basins.Count;
        var s = Features.Count;
        var result = new double[n, s];
        for (var b = 0; b < n; b++)
        {
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            for (var i = 0; i < s; i++)
            {
                min = Math.Min(min, Values[b, i]);
                max = Math.Max(max, Values[b, i]);
            }

            var range = max - min;
            for (var i = 0; i < s; i++)
            {
                result[b, i] = range > 0 ? (Values[b, i] - min) / range : 0;
            }
        }

        return result;
    }

    /// <summary>The features by the mean over basins of their normalised sensitivity, most sensitive first (paper Table 4).</summary>
    public IReadOnlyList<FeatureSensitivity> Ranking()
    {
        var normalised = Normalised();
        var n = Basins.Count;
        var scores = Enumerable.Range(0, Features.Count)
            .Select(i => (Feature: Features[i], Score: n == 0 ? double.NaN : Enumerable.Range(0, n).Average(b => normalised[b, i])))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Feature, StringComparer.Ordinal)
            .ToList();
        return [.. scores.Select((x, rank) => new FeatureSensitivity(rank + 1, x.Feature, x.Score))];
    }

    /// <summary>The feature with the largest sensitivity of each basin (paper Fig. 7), in <see cref="Basins"/> order.</summary>
    public IReadOnlyList<string> MostSensitive() =>
        [.. Enumerable.Range(0, Basins.Count).Select(b => Features[Enumerable.Range(0, Features.Count).MaxBy(i => Values[b, i])])];
}
