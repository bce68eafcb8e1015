using Hydro.Plugins.Hbv.Hbv;
using Hydro.Plugins.Hbv.Slots;
using Hydro.Plugins.Tests.Support;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Hbv;

/// <summary>Autograd through a 30-day hbv run against central finite differences, in float64, for every parameter.</summary>
public sealed class HbvGradientTests
{
    private const int Basins = 2;
    private const int Components = 2;

    public static TheoryData<string> Configurations() => ["delta", "original", "delta_neural", "delta_no_routing"];

    private static HbvOptions Options(string configuration, string[]? dynamic = null) => new()
    {
        DynamicParameters = dynamic ?? [],
        Variant = configuration.StartsWith("delta", StringComparison.Ordinal) ? HbvVariant.Delta : HbvVariant.Original,
        Nmul = Components,
        Routing = configuration != "delta_no_routing",
        ParameterRanges = HbvFixtures.ActiveRanges,
        Slots = configuration == "delta_neural" ? new HbvSlotsOptions { EffectiveRainfall = new SlotOptions { HiddenSize = 4 } } : new(),
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void GradientsOfEveryParameterMatchFiniteDifferences(string configuration)
    {
        using var scope = torch.NewDisposeScope();
        using var hbv = HbvFixtures.Backbone(Options(configuration));
        var specs = hbv.Parameters.Parameters;
        var (p, t, ep) = HbvFixtures.ThirtyDays(Basins);
        using var batch = HbvFixtures.Batch(p, t, ep);
        // Weights on Q and ET, so that every day and both outputs count.
        var weights = torch.linspace(0.5, 1.5, 30, ScalarType.Float64).unsqueeze(0);
        Tensor Loss(Tensor parameters)
        {
            using var outputs = hbv.Forward(batch, HbvFixtures.OverTime(parameters, 30));
            var q = outputs.Prediction.squeeze(2);
            return ((q * weights).sum() + (outputs.Extras["ET"].Value * weights).sum()).MoveToOuterDisposeScope();
        }

        var x = HbvFixtures.Draw(specs, Basins, Components, seed: 11);
        FiniteDifference.Check(Loss, x, [Basins, specs.Count, Components], h: 1e-6, tolerance: 1e-6);

        // And no parameter is left out of the graph: each one moves the loss somewhere.
        var leaf = torch.tensor(x, [Basins, specs.Count, Components], requires_grad: true);
        Loss(leaf).backward();
        var grad = leaf.grad!.abs().sum([0L, 2L]).data<double>();
        for (var i = 0; i < specs.Count; i++)
        {
            Assert.True(grad[i] > 1e-8, $"{specs[i].Name}: zero gradient, so the 30 days do not exercise it");
        }
    }

    [Fact]
    public void DynamicParametersGetAGradientAtEveryStepAndNoneDuringTheWarmUp()
    {
        using var scope = torch.NewDisposeScope();
        const int warmup = 10;
        using var hbv = HbvFixtures.Backbone(Options("delta", ["BETA", "BETAET"]), warmup);
        var specs = hbv.Parameters.Parameters;
        var (p, t, ep) = HbvFixtures.ThirtyDays(1);
        using var batch = HbvFixtures.Batch(p, t, ep);
        var values = HbvFixtures.Draw(specs, 1, Components, seed: 5);
        var leaf = HbvFixtures.OverTime(torch.tensor(values, [1, specs.Count, Components]), 30).contiguous().requires_grad_();
        using (var outputs = hbv.Forward(batch, leaf))
        {
            outputs.Prediction.narrow(1, warmup, 30 - warmup).sum().backward();
        }

        var grad = leaf.grad!;
        foreach (var name in new[] { "BETA", "BETAET" })
        {
            var index = specs.ToList().FindIndex(s => s.Name == name);
            var perDay = grad.select(2, index).abs().sum(2).squeeze(0).data<double>();
            Assert.All(perDay.Take(warmup), g => Assert.Equal(0, g));
            Assert.True(perDay.Skip(warmup).Count(g => g > 0) >= 5, $"{name}: {string.Join(", ", perDay)}");
        }

        // A static parameter is read at the last step only.
        var fc = grad.select(2, specs.ToList().FindIndex(s => s.Name == "FC")).abs().sum(2).squeeze(0).data<double>();
        Assert.All(fc.Take(29), g => Assert.Equal(0, g));
        Assert.True(fc[29] > 0);
    }

    [Fact]
    public void TheWarmUpChangesNoValueOnlyWhereGradientsFlow()
    {
        using var scope = torch.NewDisposeScope();
        using var cold = HbvFixtures.Backbone(Options("delta"));
        using var warm = HbvFixtures.Backbone(Options("delta"), warmup: 12);
        var (p, t, ep) = HbvFixtures.ThirtyDays(Basins);
        using var batch = HbvFixtures.Batch(p, t, ep);
        var parameters = HbvFixtures.OverTime(torch.tensor(HbvFixtures.Draw(cold.Parameters.Parameters, Basins, Components, 2), [Basins, cold.Parameters.Parameters.Count, Components]), 30);
        using var a = cold.Forward(batch, parameters);
        using var b = warm.Forward(batch, parameters);
        Assert.Equal(a.Prediction.data<double>(), b.Prediction.data<double>());
        foreach (var name in a.Extras.Keys)
        {
            Assert.Equal(a.Extras[name].Value.data<double>(), b.Extras[name].Value.data<double>());
        }
    }
}
