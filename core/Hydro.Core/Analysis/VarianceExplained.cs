namespace Hydro.Core.Analysis;

/// <summary>
/// The share of a variable's variance a grouping explains, η² = SS_between / SS_total: the "fractional reduction in
/// variance" of hydrological signatures by embedding clusters (Kratzert et al. 2019, Fig. 10).
/// </summary>
/// <remarks>
/// <c>SS_total = Σ_i (v_i − v̄)²</c>, <c>SS_between = Σ_c n_c (v̄_c − v̄)²</c> = SS_total − SS_within, so η² = 1 − SS_within /
/// SS_total ∈ [0, 1]: 1 when every cluster is constant, 0 when all cluster means are equal. Entries whose value is not
/// finite (a signature missing for a basin) are left out.
/// </remarks>
public static class VarianceExplained
{
    /// <summary>η² of <paramref name="values"/> grouped by <paramref name="labels"/> (same length); NaN when the finite values are constant or absent.</summary>
    public static double ByClusters(IReadOnlyList<double> values, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        if (values.Count != labels.Count)
        {
            throw new ArgumentException($"variance explained: {values.Count} values but {labels.Count} labels", nameof(labels));
        }

        var rows = Enumerable.Range(0, values.Count).Where(i => double.IsFinite(values[i])).ToArray();
        if (rows.Length == 0)
        {
            return double.NaN;
        }

        var mean = rows.Average(i => values[i]);
        var total = rows.Sum(i => (values[i] - mean) * (values[i] - mean));
        var between = rows.GroupBy(i => labels[i])
            .Sum(g => g.Count() * Math.Pow(g.Average(i => values[i]) - mean, 2));
        return total > 0 ? between / total : double.NaN;
    }
}
