using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Hbv.Hbv;
using Hydro.Plugins.Hbv.Slots;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Hbv;

public sealed class HbvBackboneTests
{
    private static readonly string[] CoreNames = ["BETA", "FC", "K0", "K1", "K2", "LP", "PERC", "UZL", "TT", "CFMAX", "CFR", "CWH"];

    [Fact]
    public void DeclaresItsParametersWithRangesDynamicFlagsAndComponents()
    {
        using var delta = HbvFixtures.Backbone(new HbvOptions { DynamicParameters = ["BETA", "BETAET"], Nmul = 3 });
        var request = delta.Parameters;
        Assert.Equal(3, request.Components);
        Assert.Equal([.. CoreNames, "BETAET", "ROUTE_A", "ROUTE_THETA"], request.Parameters.Select(p => p.Name));
        Assert.Equal(["BETA", "BETAET"], request.Parameters.Where(p => p.Dynamic).Select(p => p.Name));
        var fc = request.Parameters.Single(p => p.Name == "FC");
        Assert.Equal((50, 1000, "mm"), (fc.Min, fc.Max, fc.Unit));
        Assert.Equal((0.3, 5.0), request.Parameters.Single(p => p.Name == "BETAET") is var g ? (g.Min, g.Max) : default);

        using var original = HbvFixtures.Backbone(new HbvOptions { Variant = HbvVariant.Original, Routing = false, ParameterRanges = new() { Fc = [10, 20] } });
        Assert.Equal(CoreNames, original.Parameters.Parameters.Select(p => p.Name));
        Assert.Equal((10, 20), original.Parameters.Parameters.Single(p => p.Name == "FC") is var f ? (f.Min, f.Max) : default);
        Assert.Equal(16, original.Parameters.Components);
    }

    [Fact]
    public void OutputsRoutedStreamflowAndEveryFluxAndStoreAveragedOverComponents()
    {
        using var scope = torch.NewDisposeScope();
        using var hbv = HbvFixtures.Backbone(new HbvOptions { Nmul = 3, DynamicParameters = ["BETA"] });
        var (p, t, ep) = HbvFixtures.ThirtyDays(2);
        using var batch = HbvFixtures.Batch(p, t, ep);
        var specs = hbv.Parameters.Parameters;
        var parameters = HbvFixtures.OverTime(torch.tensor(HbvFixtures.Draw(specs, 2, 3, 1), [2, specs.Count, 3]), 30);
        using var outputs = hbv.Forward(batch, parameters);
        Assert.Equal([2L, 30, 1], outputs.Prediction.shape);
        Assert.Equal(["Q0", "Q1", "Q2", "ET", "SNOW", "MELT", "SM", "UZ", "LZ", "BALANCE_ERROR"], outputs.Extras.Keys);
        Assert.All(outputs.Extras.Values, o => Assert.Equal([2L, 30], o.Value.shape));
        Assert.Equal(["mm/day", "mm/day", "mm/day", "mm/day", "mm", "mm", "mm", "mm", "mm", "mm"], outputs.Extras.Values.Select(o => o.Unit));
        Assert.All(outputs.Extras.Values, o => Assert.True(o.Value.ge(0).all().item<bool>(), $"{o.Name} negative"));

        // Routing only delays: over a window whose runoff ends in a dry spell, routed ≤ unrouted in total.
        var unrouted = (outputs.Extras["Q0"].Value + outputs.Extras["Q1"].Value + outputs.Extras["Q2"].Value).sum().item<double>();
        Assert.InRange(outputs.Prediction.sum().item<double>(), 0.5 * unrouted, unrouted + 1e-9);
    }

    [Fact]
    public void ComponentsRunIndependentlyAndTheirFluxesAreAveraged()
    {
        using var scope = torch.NewDisposeScope();
        using var two = HbvFixtures.Backbone(new HbvOptions { Nmul = 2, Routing = false });
        using var one = HbvFixtures.Backbone(new HbvOptions { Nmul = 1, Routing = false });
        var (p, t, ep) = HbvFixtures.ThirtyDays(1);
        using var batch = HbvFixtures.Batch(p, t, ep);
        var specs = two.Parameters.Parameters;
        var both = torch.tensor(HbvFixtures.Draw(specs, 1, 2, 9), [1, specs.Count, 2]);
        using var mixed = two.Forward(batch, HbvFixtures.OverTime(both, 30));
        using var first = one.Forward(batch, HbvFixtures.OverTime(both.narrow(2, 0, 1).contiguous(), 30));
        using var second = one.Forward(batch, HbvFixtures.OverTime(both.narrow(2, 1, 1).contiguous(), 30));
        var mean = ((first.Prediction + second.Prediction) / 2).data<double>();
        var actual = mixed.Prediction.data<double>();
        for (var i = 0; i < mean.Length; i++)
        {
            Assert.Equal(mean[i], actual[i], 12);
        }
    }

    [Fact]
    public void StaticParametersAreReadAtTheLastStepAndDynamicOnesAtEveryStep()
    {
        using var scope = torch.NewDisposeScope();
        var (p, t, ep) = HbvFixtures.ThirtyDays(1);
        using var batch = HbvFixtures.Batch(p, t, ep);
        using var fixedBeta = HbvFixtures.Backbone(new HbvOptions { Nmul = 1 });
        using var dynamicBeta = HbvFixtures.Backbone(new HbvOptions { Nmul = 1, DynamicParameters = ["BETA"] });
        var specs = fixedBeta.Parameters.Parameters;
        var constant = HbvFixtures.OverTime(torch.tensor(HbvFixtures.Draw(specs, 1, 1, 4), [1, specs.Count, 1]), 30).contiguous();
        // The same values except BETA, which is 1 until the last day, then 6.
        var varying = constant.clone();
        varying.select(2, 0).fill_(1.0);
        varying.select(2, 0).narrow(1, 29, 1).fill_(6.0);
        var atLast = constant.clone();
        atLast.select(2, 0).fill_(6.0);
        var atFirst = constant.clone();
        atFirst.select(2, 0).fill_(1.0);
        using var staticRun = fixedBeta.Forward(batch, varying);
        using var staticReference = fixedBeta.Forward(batch, atLast);
        using var dynamicRun = dynamicBeta.Forward(batch, varying);
        using var dynamicReference = dynamicBeta.Forward(batch, atFirst);
        Assert.Equal(staticReference.Prediction.data<double>(), staticRun.Prediction.data<double>());
        // Dynamic: the first 29 days ran with BETA = 1.
        Assert.Equal(dynamicReference.Prediction.data<double>().Take(29), dynamicRun.Prediction.data<double>().Take(29));
        Assert.NotEqual(staticRun.Prediction.data<double>().Take(29), dynamicRun.Prediction.data<double>().Take(29));
    }

    [Fact]
    public void RejectsParametersOfTheWrongShapeAndBatchesWithoutPhysicalInputs()
    {
        using var scope = torch.NewDisposeScope();
        using var hbv = HbvFixtures.Backbone(new HbvOptions { Nmul = 2 });
        var (p, t, ep) = HbvFixtures.ThirtyDays(1);
        using var batch = HbvFixtures.Batch(p, t, ep);
        var wrong = Assert.Throws<ArgumentException>(() => hbv.Forward(batch, torch.zeros([1, 30, 15, 3], ScalarType.Float64)));
        Assert.Contains("parameters has shape [1, 30, 15, 3], expected [1, 30, 15, 2]", wrong.Message);
        var missing = Assert.Throws<ArgumentException>(() => hbv.Forward(batch, null));
        Assert.Contains("needs parameters BETA, FC", missing.Message);
        using var normalisedOnly = new Batch { Dynamic = batch.Dynamic.clone(), Basins = ["b0"], DynamicNames = HbvFixtures.Inputs };
        var physical = Assert.Throws<ArgumentException>(() => hbv.Forward(normalisedOnly, torch.zeros([1, 30, 15, 2], ScalarType.Float64)));
        Assert.Contains("physical units", physical.Message);
    }

    private static readonly Dictionary<string, (HbvOptions Options, string Message)> Bad = new()
    {
        ["nmul"] = (new HbvOptions { Nmul = 0 }, "nmul must be in 1..256, got 0"),
        ["unknown dynamic"] = (new HbvOptions { DynamicParameters = ["BETA", "SNOW"] }, "dynamic_parameters: 'SNOW' is not an HBV parameter that can vary in time; valid: BETA, FC"),
        ["routing dynamic"] = (new HbvOptions { DynamicParameters = ["ROUTE_A"] }, "'ROUTE_A' is not an HBV parameter that can vary in time"),
        ["twice"] = (new HbvOptions { DynamicParameters = ["BETA", "BETA"] }, "dynamic_parameters lists 'BETA' twice"),
        ["gamma original"] = (new HbvOptions { Variant = HbvVariant.Original, DynamicParameters = ["BETAET"] }, "lists BETAET, which only the delta variant has; set variant: delta or remove it"),
        ["reversed"] = (new HbvOptions { ParameterRanges = new() { Fc = [100, 50] } }, "parameter_ranges.FC must be two finite numbers with min < max, got [100, 50]"),
        ["fc zero"] = (new HbvOptions { ParameterRanges = new() { Fc = [0, 50] } }, "parameter_ranges.FC: min must be > 0 (field capacity of the soil), got [0, 50]"),
        ["k1 above one"] = (new HbvOptions { ParameterRanges = new() { K1 = [0.1, 1.5] } }, "parameter_ranges.K1: max must be <= 1"),
        ["perc negative"] = (new HbvOptions { ParameterRanges = new() { Perc = [-1, 5] } }, "parameter_ranges.PERC: min must be >= 0"),
        ["one value"] = (new HbvOptions { ParameterRanges = new() { Tt = [1] } }, "parameter_ranges.TT must be [min, max], got 1 values"),
        ["slot size"] = (new HbvOptions { Slots = new() { EffectiveRainfall = new SlotOptions { HiddenSize = 0 } } }, "slots.effective_rainfall.hidden_size must be in 1..1024, got 0"),
        ["missing input"] = (new HbvOptions { Pet = "pet_hargreaves" }, "pet: 'pet_hargreaves' is not among the experiment's inputs.dynamic [prcp, tmean, pet]; add it there or set model.backbone.pet"),
    };

    public static TheoryData<string> BadOptions() => [.. Bad.Keys];

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadOptionsAreRejectedWithMessagesNamingTheOptionAndTheValue(string name)
    {
        var (options, message) = Bad[name];
        var e = Assert.Throws<ArgumentException>(() => new HbvBackbone(options, HbvFixtures.Context()));
        Assert.StartsWith("hbv: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllProblemsAreReportedTogetherAndTheTargetCountIsChecked()
    {
        var e = Assert.Throws<ArgumentException>(() => new HbvBackbone(
            new HbvOptions { Nmul = 0, Precipitation = "rain", Temperature = "tmax" },
            HbvFixtures.Context() with { Targets = ["streamflow", "swe"] }));
        Assert.Contains("nmul", e.Message, StringComparison.Ordinal);
        Assert.Contains("precipitation: 'rain'", e.Message, StringComparison.Ordinal);
        Assert.Contains("temperature: 'tmax'", e.Message, StringComparison.Ordinal);
        Assert.Contains("hbv predicts one target (streamflow in mm/day), but the experiment has 2: [streamflow, swe]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsTheForcingVariablesByName()
    {
        using var scope = torch.NewDisposeScope();
        // Inputs in another order, with an extra one the HBV does not use.
        string[] names = ["pet_hargreaves", "srad", "tmean", "prcp"];
        using var reordered = new HbvBackbone(new HbvOptions { Nmul = 1, Pet = "pet_hargreaves" }, HbvFixtures.Context(inputs: names));
        reordered.to(ScalarType.Float64);
        using var plain = HbvFixtures.Backbone(new HbvOptions { Nmul = 1 });
        var (p, t, ep) = HbvFixtures.ThirtyDays(1);
        using var batch = HbvFixtures.Batch(p, t, ep);
        var physical = batch.DynamicPhysical!;
        var shuffled = torch.stack([physical.select(2, 2), torch.full([1, 30], 123.0, ScalarType.Float64), physical.select(2, 1), physical.select(2, 0)], 2);
        using var other = new Batch { Dynamic = shuffled.clone(), DynamicPhysical = shuffled, Basins = ["b0"], DynamicNames = names };
        var specs = plain.Parameters.Parameters;
        var parameters = HbvFixtures.OverTime(torch.tensor(HbvFixtures.Draw(specs, 1, 1, 8), [1, specs.Count, 1]), 30);
        using var a = plain.Forward(batch, parameters);
        using var b = reordered.Forward(other, parameters);
        Assert.Equal(a.Prediction.data<double>(), b.Prediction.data<double>());
    }

    [Fact]
    public void TheNeuralSlotHasTrainableWeightsAndTheEquationNone()
    {
        using var plain = HbvFixtures.Backbone(new HbvOptions());
        Assert.Empty(plain.parameters());
        using var neural = HbvFixtures.Backbone(new HbvOptions { Slots = new() { EffectiveRainfall = new SlotOptions { HiddenSize = 8, NumLayers = 2 } } });
        Assert.Equal(
            ["effective_rainfall.mlp.net.0.weight", "effective_rainfall.mlp.net.0.bias", "effective_rainfall.mlp.net.2.weight", "effective_rainfall.mlp.net.2.bias",
                "effective_rainfall.mlp.net.4.weight", "effective_rainfall.mlp.net.4.bias"],
            neural.named_parameters().Select(p => p.name));
        Assert.Equal("effective_rainfall", ProcessSlot.Hbv.Single().Name);
    }
}
