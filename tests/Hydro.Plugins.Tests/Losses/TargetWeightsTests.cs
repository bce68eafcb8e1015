using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Experiments;
using Hydro.Core.Plugins;
using Hydro.Plugins.Data.Synthetic;
using Hydro.Plugins.Losses;
using Hydro.Plugins.Losses.Kge;
using Hydro.Plugins.Losses.Mse;
using Hydro.Plugins.Losses.NseStar;
using Hydro.Plugins.Losses.Rmse;
using Hydro.Plugins.Lstm.Lstm;
using Hydro.Torch;
using static Hydro.Plugins.Tests.Losses.LossData;

namespace Hydro.Plugins.Tests.Losses;

/// <summary><c>target_weights</c>, which every built-in loss takes from <see cref="PerTargetLoss{TOptions}"/>.</summary>
public class TargetWeightsTests
{
    private static readonly long[] Shape = [1, 2, 2];

    // Target 0: errors 1, 0 → MSE 0.5; target 1: error 2 on its one observed day → MSE 4.
    private static (Tensor Prediction, Tensor Observation, Tensor Mask) Data() =>
        (F(Shape, 1, 1, 1, 1), F(Shape, 0, 3, 1, 1), M(Shape, true, true, true, false));

    private static ComponentContext Targets(params string[] names) => new() { Targets = names };

    [Fact]
    public void WeighEachTargetsLoss()
    {
        using var scope = torch.NewDisposeScope();
        var (p, o, m) = Data();
        Assert.Equal((0.2 * 0.5) + (1.0 * 4), new MseLoss(new MseOptions { TargetWeights = [0.2, 1] }).Compute(p, o, m, null).item<double>(), 6);
        Assert.Equal((0.2 * Math.Sqrt(0.5)) + (1.0 * 2), new RmseLoss(new RmseOptions { TargetWeights = [0.2, 1] }).Compute(p, o, m, null).item<double>(), 6);
        Assert.Equal((0.5 * 0.5) + (0.5 * 4), new MseLoss(new MseOptions()).Compute(p, o, m, null).item<double>(), 6);
    }

    [Fact]
    public void AWeightScalesASingleTarget()
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [1, 2, 1];
        var loss = new MseLoss(new MseOptions { TargetWeights = [3] }).Compute(F(shape, 1, 2), F(shape, 0, 0), M(shape, true, true), null);
        Assert.Equal(3 * 2.5, loss.item<double>(), 6);
    }

    [Fact]
    public void EachTargetUsesItsOwnStatistics()
    {
        using var scope = torch.NewDisposeScope();
        var (p, o, m) = Data();
        var statistics = new BasinStatistics { TargetStd = torch.tensor(new float[] { 0.9f, 1.9f }, [1, 2]) };
        var loss = new NseStarLoss(new NseStarOptions { TargetWeights = [1, 1] }).Compute(p, o, m, statistics);
        // Target 0: 0.5 / (0.9 + 0.1)²; target 1: 4 / (1.9 + 0.1)².
        Assert.Equal(0.5 + 1, loss.item<double>(), 6);
    }

    [Fact]
    public void AZeroWeightLeavesATargetOut()
    {
        using var scope = torch.NewDisposeScope();
        var (p, o, m) = Data();
        // Target 1's std is NaN, which nse_star rejects, but its weight is 0: it is never computed.
        var statistics = new BasinStatistics { TargetStd = torch.tensor(new float[] { 0.9f, float.NaN }, [1, 2]) };
        Assert.Equal(0.5, new NseStarLoss(new NseStarOptions { TargetWeights = [1, 0] }).Compute(p, o, m, statistics).item<double>(), 6);
        var e = Assert.Throws<ArgumentException>(() => new NseStarLoss(new NseStarOptions()).Compute(p, o, m, statistics));
        Assert.Contains("row 0, target 1: NaN", e.Message);
    }

    [Fact]
    public void TheNumberOfWeightsMustMatchTheTargets()
    {
        var e = Assert.Throws<ArgumentException>(() => new KgeLoss(new KgeOptions { TargetWeights = [1, 2, 3] }, Targets("streamflow", "swe")));
        Assert.Contains("kge: target_weights has 3 values but there are 2 targets", e.Message);
        Assert.Contains("(streamflow, swe)", e.Message);

        // Without a context the check happens on the first batch.
        using var scope = torch.NewDisposeScope();
        var (p, o, m) = Data();
        Assert.Contains("mse: target_weights has 1 values but there are 2 targets",
            Assert.Throws<ArgumentException>(() => new MseLoss(new MseOptions { TargetWeights = [1] }).Compute(p, o, m, null)).Message);
    }

    [Theory]
    [InlineData(-1.0, 1.0, "≥ 0")]
    [InlineData(double.NaN, 1.0, "finite")]
    [InlineData(0.0, 0.0, "all 0")]
    public void RejectsUnusableWeights(double a, double b, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => new MseLoss(new MseOptions { TargetWeights = [a, b] }, Targets("q", "swe")));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void TheFactoryPassesTheExperimentsTargets()
    {
        var descriptor = Catalog().Find(ComponentKind.Loss, "rmse")!;
        var e = Assert.Throws<ComponentCreationException>(() => ComponentFactory.Create<ILoss>(descriptor, new RmseOptions { TargetWeights = [1, 1] }, Targets("streamflow")));
        Assert.Contains("2 values but there are 1 targets", e.Message);
    }

    [Theory]
    [InlineData("target_weights: [1]", true)]
    [InlineData("target_weights: [-1]", false)]
    [InlineData("target_weights: []", false)]
    public void IsAnOptionOfEveryLossInTheExperimentFile(string option, bool valid)
    {
        foreach (var loss in new[] { "mse", "rmse", "nse_star", "rmse_logsqrt", "kge" })
        {
            var yaml = Yaml.Replace("type: LOSS", $"type: {loss}\n  {option}", StringComparison.Ordinal);
            var result = new ExperimentLoader(Catalog()).LoadText(yaml);
            Assert.True(valid == result.Succeeded, $"{loss}: {result}");
            if (valid)
            {
                Assert.Equal([1.0], ((LossOptions)result.Experiment!.Loss.Options!).TargetWeights);
            }
            else
            {
                Assert.Contains(result.Errors, e => e.ToString().Contains("loss.target_weights", StringComparison.Ordinal));
            }
        }
    }

    private const string Yaml = """
        experiment_name: weights
        dataset: {type: synthetic, basins: 2}
        periods:
          train: {start: 1985-01-01, end: 1990-12-31}
          test: {start: 1993-01-01, end: 1994-12-31}
        inputs:
          dynamic: [prcp, tmean, pet]
        targets: [streamflow]
        model:
          backbone: {type: lstm}
        loss:
          type: LOSS
        """;

    private static ComponentCatalog Catalog()
    {
        var catalog = new ComponentCatalog();
        var loader = new PluginLoader();
        foreach (var assembly in new[] { typeof(MseLoss).Assembly, typeof(LstmBackbone).Assembly, typeof(SyntheticDataset).Assembly })
        {
            loader.LoadBuiltIn(assembly, catalog).ThrowIfFailed();
        }

        return catalog;
    }
}
