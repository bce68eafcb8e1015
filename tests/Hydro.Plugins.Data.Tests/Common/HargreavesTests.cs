using Hydro.Plugins.Data.Common;

namespace Hydro.Plugins.Data.Tests.Common;

public sealed class HargreavesTests
{
    // FAO-56 (Allen et al. 1998) example 8: 20°S on 3 September (day 246): Ra = 32.2 MJ m⁻² day⁻¹.
    [Fact]
    public void Extraterrestrial_radiation_matches_fao56_example_8() =>
        Assert.Equal(32.2, Hargreaves.ExtraterrestrialRadiation(-20, 246) / 0.408, 1);

    // 44.82°N, day 197, tmax 26.82, tmin 12.95: dr = 0.968023, δ = 0.371698, ωs = 1.968581,
    // Ra = 40.5052 MJ = 16.5261 mm/day, PET = 0.0023 · 16.5261 · (19.885 + 17.8) · √13.87 = 5.33464 mm/day.
    [Fact]
    public void Pet_matches_a_hand_computed_day()
    {
        Assert.Equal(16.5261, Hargreaves.ExtraterrestrialRadiation(44.82, 197), 4);
        Assert.Equal(5.33464, Hargreaves.Pet(26.82, 12.95, 44.82, 197), 5);
    }

    [Fact]
    public void Polar_night_and_negative_range_give_zero_not_NaN()
    {
        Assert.Equal(0, Hargreaves.Pet(-5, -10, 80, 355), 12);
        Assert.Equal(0, Hargreaves.Pet(10, 12, 45, 180));
        Assert.True(double.IsNaN(Hargreaves.Pet(double.NaN, 3, 45, 180)));
    }
}
