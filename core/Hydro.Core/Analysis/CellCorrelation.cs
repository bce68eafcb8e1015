using Hydro.Torch;

namespace Hydro.Core.Analysis;

/// <summary>
/// Which cells of a model's state follow a variable: the Pearson correlation of every cell with it (the "snow cell" of
/// Lees et al. 2022 and Kratzert et al. 2019).
/// </summary>
public static class CellCorrelation
{
    /// <summary>Pearson r of each column of <paramref name="states"/> [N, H] with <paramref name="variable"/> [N], over the rows where the variable is finite; NaN for a constant cell.</summary>
    /// <exception cref="ArgumentException">Mismatched rows, fewer than 2 finite rows, or non-finite states on them.</exception>
    public static double[] Pearson(Tensor states, Tensor variable)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(variable);
        if (states.dim() != 2 || variable.numel() != states.size(0))
        {
            throw new ArgumentException($"cell correlation: states must be [N, H] and the variable [N]; got [{string.Join(", ", states.shape)}] and {variable.numel()} values", nameof(variable));
        }

        using var scope = torch.NewDisposeScope();
        var y = variable.detach().to(ScalarType.Float64).reshape(-1);
        var keep = y.isfinite();
        if (keep.sum().item<long>() < 2)
        {
            throw new ArgumentException("cell correlation: fewer than 2 rows with a finite variable", nameof(variable));
        }

        var x = states.detach().to(ScalarType.Float64).index_select(0, keep.nonzero().reshape(-1));
        y = y.masked_select(keep);
        if (!x.isfinite().all().item<bool>())
        {
            throw new ArgumentException("cell correlation: the states contain NaN or infinite values", nameof(states));
        }

        var dx = x - x.mean(0, keepdim: true);
        var dy = y - y.mean();
        var covariance = dx.t().matmul(dy);
        var scale = (dx.square().sum(0) * dy.square().sum()).sqrt();
        var r = torch.where(scale.gt(0), covariance / torch.where(scale.gt(0), scale, 1.0), double.NaN);
        return r.data<double>();
    }

    /// <summary>The <paramref name="count"/> cells with the largest |r|, strongest first (constant cells left out).</summary>
    public static IReadOnlyList<CorrelatedCell> Top(Tensor states, Tensor variable, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return [.. Pearson(states, variable)
            .Select((r, cell) => new CorrelatedCell(cell, r))
            .Where(c => !double.IsNaN(c.R))
            .OrderByDescending(c => Math.Abs(c.R))
            .ThenBy(c => c.Cell)
            .Take(count)];
    }
}
