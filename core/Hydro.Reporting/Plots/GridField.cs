namespace Hydro.Reporting.Plots;

/// <summary>
/// A field on a regular grid, ready to draw: <see cref="Values"/> [H, W] with row i at <see cref="Y"/>[i] and column j
/// at <see cref="X"/>[j] (cell centres, in the grid's coordinates, e.g. metres of a projected CRS). NaN cells (outside a
/// basin mask, missing) are left blank.
/// </summary>
/// <param name="Values">Values [H, W].</param>
/// <param name="X">Cell-centre x of each column, length W, ascending or descending.</param>
/// <param name="Y">Cell-centre y of each row, length H, ascending or descending.</param>
/// <param name="Title">The picture's title.</param>
/// <param name="Label">The colour bar's label (quantity and unit).</param>
public sealed record GridField(double[,] Values, double[] X, double[] Y, string Title, string Label)
{
    /// <summary>Rows H.</summary>
    public int Rows => Values.GetLength(0);

    /// <summary>Columns W.</summary>
    public int Columns => Values.GetLength(1);

    /// <summary>Checks that the coordinates match the values.</summary>
    /// <exception cref="ArgumentException">Coordinates of another length than the grid, or fewer than one cell.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Values);
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(Y);
        if (Rows == 0 || Columns == 0)
        {
            throw new ArgumentException($"'{Title}': the grid has no cells ({Rows}×{Columns})");
        }

        if (X.Length != Columns || Y.Length != Rows)
        {
            throw new ArgumentException($"'{Title}': {X.Length} x and {Y.Length} y coordinates for a grid of {Rows} rows × {Columns} columns");
        }
    }
}
