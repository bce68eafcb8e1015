using Hydro.Plugins.Data.NetCdfGrid;

namespace Hydro.Plugins.Data.Tests.NetCdfGrid;

public sealed class D8CatchmentTests
{
    // 1 = N, 2 = NE, 3 = E, 4 = SE, 5 = S, 6 = SW, 7 = W, 8 = NW; rows increase southwards.
    // Everything drains towards (3, 1) except the right column, which drains east off the grid, and (0, 0),
    // which drains north off the grid.
    private static readonly int[,] Directions =
    {
        { 1, 5, 6, 3 },
        { 5, 5, 6, 3 },
        { 3, 5, 7, 3 },
        { 3, 0, 7, 3 },
    };

    [Fact]
    public void Cells_whose_directions_lead_to_the_outlet_form_its_catchment()
    {
        var inside = D8Catchment.Upstream(Directions, 3, 1);

        bool[,] expected =
        {
            { false, true, true, false },
            { true, true, true, false },
            { true, true, true, false },
            { true, true, true, false },
        };
        Assert.Equal(expected, inside);
    }

    [Fact]
    public void A_nested_outlet_gets_only_its_own_upstream_cells()
    {
        var inside = D8Catchment.Upstream(Directions, 1, 1);

        Assert.Equal(3, inside.Cast<bool>().Count(v => v));
        Assert.True(inside[0, 1] && inside[1, 1] && inside[0, 2]);
    }

    [Fact]
    public void Cells_that_drain_in_a_loop_do_not_hang_the_trace()
    {
        int[,] loop = { { 3, 5 }, { 1, 7 } }; // E, S / N, W: a cycle through all four cells
        var inside = D8Catchment.Upstream(loop, 0, 0);

        Assert.Equal(4, inside.Cast<bool>().Count(v => v));
    }

    [Fact]
    public void An_outlet_outside_the_grid_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => D8Catchment.Upstream(Directions, 4, 0));
        Assert.Contains("outlet cell (4, 0) is outside the 4×4 grid", error.Message);
    }
}
