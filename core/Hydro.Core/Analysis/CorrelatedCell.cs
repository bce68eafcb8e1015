namespace Hydro.Core.Analysis;

/// <summary>One state cell and its Pearson correlation with a variable (<see cref="CellCorrelation.Top"/>).</summary>
/// <param name="Cell">Index of the cell (column of the state matrix).</param>
/// <param name="R">Pearson r, in [−1, 1].</param>
public sealed record CorrelatedCell(int Cell, double R);
