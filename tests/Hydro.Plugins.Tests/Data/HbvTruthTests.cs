using Hydro.Plugins.Data.Synthetic;

namespace Hydro.Plugins.Tests.Data;

public class HbvTruthTests
{
    private static readonly DateOnly Start = new(1980, 1, 1);
    private const int Days = 40 * 365;

    [Fact]
    public void ClosesTheWaterBalanceOverDecades()
    {
        // Several basins, so that the snow routine is covered too.
        var snowy = 0;
        for (var basin = 0; basin < 8; basin++)
        {
            var s = BasinSimulation.Run(seed: 11, basin, Start, Days, noise: 0);
            var model = BasinSimulation.SpunUp(s.Profile.Parameters, s.Prcp, s.Tmean, s.Pet);
            var before = model.Storage;
            double q = 0, et = 0, maxSnow = 0;
            for (var t = 0; t < Days; t++)
            {
                var step = model.Step(s.Prcp[t], s.Tmean[t], s.Pet[t]);
                Assert.True(step.Q >= 0 && step.ET >= 0 && step.ET <= s.Pet[t] + 1e-12, $"basin {basin} day {t}: Q {step.Q}, ET {step.ET}");
                q += step.Q;
                et += step.ET;
                maxSnow = Math.Max(maxSnow, model.Snow);
            }

            var p = s.Prcp.Sum();
            var closure = p - q - et - (model.Storage - before);
            Assert.True(Math.Abs(closure) < 1e-9 * p, $"basin {basin}: P {p} − Q {q} − ET {et} − ΔS {model.Storage - before} = {closure}");
            Assert.Equal(s.Truth.Sum(), q, 6);
            snowy += maxSnow > 10 ? 1 : 0;
        }

        Assert.True(snowy >= 1, "no basin accumulated snow: the snow routine went untested");
    }

    [Fact]
    public void StepsByHand()
    {
        var model = new HbvTruth(new HbvParameters
        {
            TT = 0,
            CFMAX = 2,
            CFR = 0.05,
            CWH = 0.1,
            FC = 100,
            BETA = 2,
            LP = 0.5,
            PERC = 1,
            UZL = 10,
            K0 = 0.2,
            K1 = 0.1,
            K2 = 0.05,
        })
        { SoilMoisture = 50, UpperZone = 20, LowerZone = 40 };

        // Warm day: 10 mm rain, T = 5, Ep = 3. wet = (50/100)² = 0.25 → recharge 2.5, SM 57.5; evap factor 1 → ET 3, SM 54.5.
        // UZ 22.5 → perc 1 → 21.5; Q0 = 0.2·11.5 = 2.3 → 19.2; Q1 = 1.92 → 17.28. LZ 41 → Q2 = 2.05 → 38.95.
        var (q, et) = model.Step(10, 5, 3);
        Assert.Equal(3, et, 12);
        Assert.Equal(2.3 + 1.92 + 2.05, q, 12);
        Assert.Equal(54.5, model.SoilMoisture, 12);
        Assert.Equal(17.28, model.UpperZone, 12);
        Assert.Equal(38.95, model.LowerZone, 12);

        // Cold day: 8 mm snow at T = −3, no melt; nothing reaches the soil; ET from Ep = 0.5 (factor 1 since SM ≥ LP·FC).
        model.Step(8, -3, 0.5);
        Assert.Equal(8, model.Snow, 12);
        Assert.Equal(54, model.SoilMoisture, 12);

        // Thaw: T = 2 melts min(2·2, 8) = 4; the pack holds 0.1·4 = 0.4, 3.6 reaches the soil.
        model.Step(0, 2, 0);
        Assert.Equal(4, model.Snow, 12);
        Assert.Equal(0.4, model.Melt, 12);
    }

    [Fact]
    public void ProducesPlausibleRunoff()
    {
        for (var basin = 0; basin < 10; basin++)
        {
            var s = BasinSimulation.Run(seed: 0, basin, Start, 20 * 365, noise: 0);
            var ratio = s.Truth.Sum() / s.Prcp.Sum();
            Assert.InRange(ratio, 0.05, 0.95);
            Assert.InRange(s.Prcp.Average(), 0.5, 10);
            Assert.InRange(s.Pet.Average(), 0.3, 6);
        }
    }
}
