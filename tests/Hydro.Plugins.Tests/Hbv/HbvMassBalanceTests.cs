using Hydro.Plugins.Data.Synthetic;
using Hydro.Plugins.Hbv.Hbv;
using Hydro.Plugins.Hbv.Slots;
using Hydro.Torch;
using Xunit.Abstractions;

namespace Hydro.Plugins.Tests.Hbv;

/// <summary>Water balance of long hbv runs on synthetic weather, and agreement with the synthetic dataset's truth model.</summary>
public sealed class HbvMassBalanceTests(ITestOutputHelper output)
{
    private const int Days = 3653;
    private const int Basins = 4;
    private static readonly DateOnly Start = new(1980, 1, 1);

    /// <summary>Ten years of P, T, Ep of synthetic basins 0..3 (seed 11: basin 2 builds a snow pack).</summary>
    private static (double[,] P, double[,] T, double[,] Ep) Weather(int basins)
    {
        var (p, t, ep) = (new double[basins, Days], new double[basins, Days], new double[basins, Days]);
        for (var b = 0; b < basins; b++)
        {
            var s = BasinSimulation.Run(seed: 11, b, Start, Days, noise: 0);
            for (var d = 0; d < Days; d++)
            {
                (p[b, d], t[b, d], ep[b, d]) = (s.Prcp[d], s.Tmean[d], s.Pet[d]);
            }
        }

        return (p, t, ep);
    }

    private static (double Max, double Drift, double MaxSnow) Closure(HbvOptions options, ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        using var hbv = HbvFixtures.Backbone(options, warmup: 365, dtype);
        var (p, t, ep) = Weather(Basins);
        using var batch = HbvFixtures.Batch(p, t, ep, dtype);
        var specs = hbv.Parameters.Parameters;
        var parameters = torch.tensor(HbvFixtures.Draw(specs, Basins, options.Nmul, seed: 3), [Basins, specs.Count, options.Nmul]).to(dtype);
        using var noGrad = torch.no_grad();
        using var outputs = hbv.Forward(batch, HbvFixtures.OverTime(parameters, Days));
        var closure = HbvMassBalance.Closure(outputs, batch.DynamicPhysical!.select(2, 0));

        // Signed error summed over the run: how far the storage drifts from P − ET − Q in ten years.
        var storage = HbvMassBalance.Stores.Select(n => outputs.Extras[n].Value.to(ScalarType.Float64)).Aggregate((a, b) => a + b);
        var fluxes = new[] { "ET", "Q0", "Q1", "Q2" }.Select(n => outputs.Extras[n].Value.to(ScalarType.Float64).sum(1)).Aggregate((a, b) => a + b);
        var drift = storage.select(1, Days - 1) - HbvStates.InitialStorage - (batch.DynamicPhysical!.select(2, 0).to(ScalarType.Float64).sum(1) - fluxes);
        return (closure.max().to(ScalarType.Float64).item<double>(), drift.abs().max().item<double>(), outputs.Extras["SNOW"].Value.max().to(ScalarType.Float64).item<double>());
    }

    private static HbvOptions Options(bool neural) => new()
    {
        Nmul = 4,
        DynamicParameters = ["BETA"],
        Slots = neural ? new HbvSlotsOptions { EffectiveRainfall = new SlotOptions() } : new(),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TenYearsWithRandomParametersCloseTheBalanceEveryStepInFloat64(bool neural)
    {
        var (max, drift, maxSnow) = Closure(Options(neural), ScalarType.Float64);
        output.WriteLine($"float64, neural {neural}: max per-step closure {max:E2} mm, |Σ drift| over 10 years {drift:E2} mm, max SNOW {maxSnow:F1} mm");
        Assert.True(max < 1e-4, $"closure error {max} mm in a step");
        Assert.True(drift < 1e-6, $"drift {drift} mm over ten years");
        Assert.True(maxSnow > 10, "no snow pack: the snow routine went untested");
    }

    [Fact]
    public void Float32DriftIsSmall()
    {
        // Not a float64 guarantee: single precision rounds each store to ~1e-5 mm relative; reported for the README.
        var (max, drift, _) = Closure(Options(neural: false), ScalarType.Float32);
        output.WriteLine($"float32: max per-step closure {max:E2} mm, |Σ drift| over 10 years {drift:E2} mm");
        Assert.True(max < 1e-3, $"float32 closure {max} mm in a step");
        Assert.True(drift < 1e-2, $"float32 drift {drift} mm over ten years");
    }

    [Fact]
    public void TheOriginalVariantReproducesTheSyntheticDatasetsTruthModel()
    {
        // The synthetic dataset's HBV (written independently, double precision, spun up over its first year) against hbv
        // with one component, no routing and the same parameters; hbv starts empty, so only the last three years count.
        using var scope = torch.NewDisposeScope();
        var options = new HbvOptions { Variant = HbvVariant.Original, Nmul = 1, Routing = false };
        using var hbv = HbvFixtures.Backbone(options);
        for (var basin = 0; basin < Basins; basin++)
        {
            var s = BasinSimulation.Run(seed: 11, basin, Start, Days, noise: 0);
            var k = s.Profile.Parameters;
            var values = new Dictionary<string, double>
            {
                ["BETA"] = k.BETA,
                ["FC"] = k.FC,
                ["K0"] = k.K0,
                ["K1"] = k.K1,
                ["K2"] = k.K2,
                ["LP"] = k.LP,
                ["PERC"] = k.PERC,
                ["UZL"] = k.UZL,
                ["TT"] = k.TT,
                ["CFMAX"] = k.CFMAX,
                ["CFR"] = k.CFR,
                ["CWH"] = k.CWH,
            };
            var parameters = torch.tensor(hbv.Parameters.Parameters.Select(p => values[p.Name]).ToArray(), [1, hbv.Parameters.Parameters.Count, 1]);
            var (p, t, ep) = (new double[1, Days], new double[1, Days], new double[1, Days]);
            for (var d = 0; d < Days; d++)
            {
                (p[0, d], t[0, d], ep[0, d]) = (s.Prcp[d], s.Tmean[d], s.Pet[d]);
            }

            using var batch = HbvFixtures.Batch(p, t, ep);
            using var noGrad = torch.no_grad();
            using var outputs = hbv.Forward(batch, HbvFixtures.OverTime(parameters, Days));
            var q = outputs.Prediction.data<double>();
            var worst = Enumerable.Range(Days - (3 * 365), 3 * 365).Max(d => Math.Abs(q[d] - s.Truth[d]));
            Assert.True(worst < 1e-3, $"basin {basin}: |Q − truth| up to {worst} mm/day in the last three years");
        }
    }
}
