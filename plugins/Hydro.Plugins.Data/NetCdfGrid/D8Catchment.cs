namespace Hydro.Plugins.Data.NetCdfGrid;

/// <summary>
/// The cells that drain to an outlet cell, traced upstream through a D8 flow-direction grid.
/// </summary>
/// <remarks>
/// Each cell holds the direction it drains to, 1 = north clockwise to 8 = north-west (the smash/ArcGIS-style coding
/// of the CF files in ../shared/data/grid, whose row index increases southwards). A cell belongs to the catchment of
/// the outlet when following its directions leads to the outlet. The trace is a breadth-first search from the outlet
/// over the neighbours whose direction points at the current cell; it visits each cell once, so loops in a damaged
/// direction grid cannot hang it. On the Lez and Cance files it reproduces <c>basin_mask</c> of the outlet gauge
/// exactly (172 and 383 cells) and gives the nested gauges 142/110 and 108/28 cells of 1 km² for their 143/113 and
/// 107/25.3 km².
/// </remarks>
public static class D8Catchment
{
    /// <summary>Row and column steps of directions 1..8 (N, NE, E, SE, S, SW, W, NW), rows increasing southwards.</summary>
    private static readonly (int Row, int Column)[] Steps = [(-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1)];

    /// <summary>The catchment of the outlet cell (<paramref name="row"/>, <paramref name="column"/>): true for every cell draining to it, the outlet included.</summary>
    /// <param name="directions">D8 directions [H, W], 1..8; any other value (0, fill) drains nowhere.</param>
    /// <param name="row">Outlet row.</param>
    /// <param name="column">Outlet column.</param>
    /// <exception cref="ArgumentOutOfRangeException">The outlet lies outside the grid.</exception>
    public static bool[,] Upstream(int[,] directions, int row, int column)
    {
        ArgumentNullException.ThrowIfNull(directions);
        int h = directions.GetLength(0), w = directions.GetLength(1);
        if ((uint)row >= (uint)h || (uint)column >= (uint)w)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"outlet cell ({row}, {column}) is outside the {h}×{w} grid");
        }

        var inside = new bool[h, w];
        inside[row, column] = true;
        var queue = new Queue<(int Row, int Column)>();
        queue.Enqueue((row, column));
        while (queue.TryDequeue(out var cell))
        {
            for (var d = 0; d < Steps.Length; d++)
            {
                // The neighbour that would drain into this cell lies one step against direction d.
                int r = cell.Row - Steps[d].Row, c = cell.Column - Steps[d].Column;
                if ((uint)r < (uint)h && (uint)c < (uint)w && !inside[r, c] && directions[r, c] == d + 1)
                {
                    inside[r, c] = true;
                    queue.Enqueue((r, c));
                }
            }
        }

        return inside;
    }
}
