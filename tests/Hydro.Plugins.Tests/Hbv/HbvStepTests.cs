using Hydro.Plugins.Hbv.Hbv;
using Hydro.Plugins.Hbv.Slots;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Hbv;

/// <summary>One HBV step against values worked out by hand from the equations of models.md §2.</summary>
public sealed class HbvStepTests : IDisposable
{
    private readonly DisposeScope scope = torch.NewDisposeScope();
    private readonly EffectiveRainfall beta = EffectiveRainfall.Create(null, (50, 1000), (1, 6), null);

    public void Dispose()
    {
        beta.Dispose();
        scope.Dispose();
    }

    private static Tensor V(double value) => torch.tensor(new[] { value }, [1, 1]);

    private static double X(Tensor t) => t.item<double>();

    private static HbvStepParameters Parameters(double fc = 100, double betaValue = 2, double lp = 0.5, double perc = 1, double uzl = 10,
        double k0 = 0.2, double k1 = 0.1, double k2 = 0.05, double tt = 0, double cfmax = 2, double cfr = 0.05, double cwh = 0.1, double? gamma = null) => new()
        {
            Fc = V(fc),
            Beta = V(betaValue),
            Lp = V(lp),
            Perc = V(perc),
            Uzl = V(uzl),
            K0 = V(k0),
            K1 = V(k1),
            K2 = V(k2),
            Tt = V(tt),
            Cfmax = V(cfmax),
            Cfr = V(cfr),
            Cwh = V(cwh),
            Gamma = gamma is { } g ? V(g) : null,
        };

    private static HbvStates States(double snow = 0, double melt = 0, double sm = 50, double uz = 20, double lz = 40) =>
        new(V(snow), V(melt), V(sm), V(uz), V(lz));

    private (HbvStates S, HbvFluxes F) Step(HbvStates s, double p, double t, double ep, HbvStepParameters k) =>
        HbvStep.Run(s, V(p), V(t), V(ep), k, beta);

    private static double Storage(HbvStates s) => X(s.Snow) + X(s.Melt) + X(s.SoilMoisture) + X(s.UpperZone) + X(s.LowerZone);

    [Fact]
    public void RainOnAWarmDayRechargesEvaporatesPercolatesAndDrainsAllThreeReservoirs()
    {
        // wet = (50/100)² = 0.25 → recharge 2.5, SM 57.5; SM/(LP·FC) = 1.15 → ET = Ep = 3, SM 54.5.
        // UZ 22.5 → perc 1 → 21.5; Q0 = 0.2·(21.5 − 10) = 2.3 → 19.2; Q1 = 1.92 → 17.28. LZ 41 → Q2 = 2.05 → 38.95.
        var (s, f) = Step(States(), 10, 5, 3, Parameters());
        Assert.Equal((0, 10), (X(f.Snowfall), X(f.Rain)));
        Assert.Equal(2.5, X(f.Recharge), 12);
        Assert.Equal(0, X(f.Excess), 12);
        Assert.Equal(3, X(f.Evapotranspiration), 12);
        Assert.Equal(54.5, X(s.SoilMoisture), 12);
        Assert.Equal(1, X(f.Percolation), 12);
        Assert.Equal(2.3, X(f.Q0), 12);
        Assert.Equal(1.92, X(f.Q1), 12);
        Assert.Equal(2.05, X(f.Q2), 12);
        Assert.Equal(17.28, X(s.UpperZone), 12);
        Assert.Equal(38.95, X(s.LowerZone), 12);
    }

    [Fact]
    public void BelowTtPrecipitationIsSnowAndNothingReachesTheSoil()
    {
        var (s, f) = Step(States(), 8, -3, 0.5, Parameters());
        Assert.Equal((8, 0), (X(f.Snowfall), X(f.Rain)));
        Assert.Equal((0, 0, 0), (X(f.Melt), X(f.Refreeze), X(f.ToSoil)));
        Assert.Equal(8, X(s.Snow), 12);
        Assert.Equal(0, X(f.Recharge), 12);
        // ET from the soil alone: factor 1 (SM 50 ≥ LP·FC = 50), so SM 50 − 0.5.
        Assert.Equal(49.5, X(s.SoilMoisture), 12);
    }

    [Fact]
    public void AThawMeltsCfmaxPerDegreeAndThePackHoldsCwhOfItsSnow()
    {
        // melt = min(2·(2 − 0), 8) = 4 → SNOW 4, MELT 4; the pack keeps 0.1·4 = 0.4, tosoil 3.6.
        var (s, f) = Step(States(snow: 8), 0, 2, 0, Parameters());
        Assert.Equal(4, X(f.Melt), 12);
        Assert.Equal(4, X(s.Snow), 12);
        Assert.Equal(3.6, X(f.ToSoil), 12);
        Assert.Equal(0.4, X(s.Melt), 12);
        // tosoil enters the soil like rain: wet 0.25 → recharge 0.9.
        Assert.Equal(0.9, X(f.Recharge), 12);

        // More melt than snow: all of it melts.
        var (all, g) = Step(States(snow: 3), 0, 10, 0, Parameters());
        Assert.Equal(3, X(g.Melt), 12);
        Assert.Equal(0, X(all.Snow), 12);
    }

    [Fact]
    public void BelowTtLiquidWaterRefreezesAtCfrTimesCfmaxUpToWhatThePackHolds()
    {
        // refreeze = min(0.05·2·(0 − (−1)), 0.4) = 0.1 → SNOW 4.1, MELT 0.3; 0.3 < 0.1·4.1 so nothing drains.
        var (s, f) = Step(States(snow: 4, melt: 0.4), 0, -1, 0, Parameters());
        Assert.Equal(0.1, X(f.Refreeze), 12);
        Assert.Equal(4.1, X(s.Snow), 12);
        Assert.Equal(0.3, X(s.Melt), 12);
        Assert.Equal(0, X(f.ToSoil), 12);

        // Colder: the potential 0.05·2·10 = 1 exceeds the 0.4 held, so all of it refreezes.
        var (cold, g) = Step(States(snow: 4, melt: 0.4), 0, -10, 0, Parameters());
        Assert.Equal(0.4, X(g.Refreeze), 12);
        Assert.Equal(4.4, X(cold.Snow), 12);
        Assert.Equal(0, X(cold.Melt), 12);
    }

    [Fact]
    public void SoilAboveFieldCapacitySpillsItsExcessToTheUpperZone()
    {
        // BETA 1, SM 90: recharge = 150·0.9 = 135, SM 105 → excess 5, SM 100; ET 2 (factor 1) → SM 98.
        var (s, f) = Step(States(sm: 90, uz: 0, lz: 0), 150, 5, 2, Parameters(betaValue: 1, uzl: 1000, k1: 0, perc: 0));
        Assert.Equal(135, X(f.Recharge), 12);
        Assert.Equal(5, X(f.Excess), 12);
        Assert.Equal(2, X(f.Evapotranspiration), 12);
        Assert.Equal(98, X(s.SoilMoisture), 12);
        Assert.Equal(140, X(s.UpperZone), 12);
    }

    [Fact]
    public void PercolationIsLimitedByTheUpperZoneAndFastFlowStartsAboveUzl()
    {
        var (s, f) = Step(States(uz: 0.4, lz: 10), 0, 5, 0, Parameters());
        Assert.Equal(0.4, X(f.Percolation), 12);
        Assert.Equal((0, 0), (X(f.Q0), X(f.Q1)));
        Assert.Equal(0, X(s.UpperZone), 12);
        // LZ 10.4 → Q2 = 0.05·10.4.
        Assert.Equal(0.52, X(f.Q2), 12);

        // UZ 9 after percolation, below UZL 10: no fast flow, interflow 0.9.
        var (_, g) = Step(States(uz: 10, lz: 0), 0, 5, 0, Parameters());
        Assert.Equal(0, X(g.Q0), 12);
        Assert.Equal(0.9, X(g.Q1), 12);
    }

    [Fact]
    public void TheDeltaVariantRaisesTheEtFactorToGamma()
    {
        // SM 20, LP·FC 50: ratio 0.4. original: ET = 2·0.4 = 0.8; delta γ = 2: ET = 2·0.16 = 0.32; γ = 0.5: 2·√0.4.
        var (_, original) = Step(States(sm: 20), 0, 5, 2, Parameters());
        var (_, squared) = Step(States(sm: 20), 0, 5, 2, Parameters(gamma: 2));
        var (_, root) = Step(States(sm: 20), 0, 5, 2, Parameters(gamma: 0.5));
        Assert.Equal(0.8, X(original.Evapotranspiration), 12);
        Assert.Equal(0.32, X(squared.Evapotranspiration), 12);
        Assert.Equal(2 * Math.Sqrt(0.4), X(root.Evapotranspiration), 12);
    }

    [Fact]
    public void EtStopsAtTheSoilMoistureFloorAndReportsOnlyTheWaterRemoved()
    {
        // ratio 0.5/50 = 0.01; γ = 0.3: factor 0.01^0.3 ≈ 0.251 → demand 2.51 mm > 0.5 mm in the soil.
        var (s, f) = Step(States(sm: 0.5, uz: 0, lz: 0), 0, 5, 10, Parameters(gamma: 0.3));
        Assert.Equal(HbvStep.SoilMoistureFloor, X(s.SoilMoisture), 15);
        Assert.Equal(0.5 - HbvStep.SoilMoistureFloor, X(f.Evapotranspiration), 15);
    }

    [Fact]
    public void EveryStepConservesMass()
    {
        var cases = new (HbvStates S, double P, double T, double Ep)[]
        {
            (States(), 10, 5, 3), (States(snow: 8), 0, 2, 0), (States(snow: 4, melt: 0.4), 3, -10, 1),
            (States(sm: 90, uz: 0, lz: 0), 150, 5, 2), (States(sm: 0.5, uz: 0, lz: 0), 0, 5, 10),
        };
        foreach (var (s0, p, t, ep) in cases)
        {
            var (s1, f) = Step(s0, p, t, ep, Parameters(gamma: 0.3));
            var q = X(f.Q0) + X(f.Q1) + X(f.Q2);
            Assert.Equal(p - X(f.Evapotranspiration) - q, Storage(s1) - Storage(s0), 12);
        }
    }
}
