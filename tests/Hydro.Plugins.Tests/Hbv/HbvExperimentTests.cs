using Hydro.Core.Components;
using Hydro.Core.Experiments;
using Hydro.Core.Plugins;
using Hydro.Plugins.Data.Synthetic;
using Hydro.Plugins.Hbv.Hbv;
using Hydro.Plugins.Hbv.Slots;
using Hydro.Plugins.Losses.Mse;
using Hydro.Plugins.Lstm.Learners;
using Hydro.Plugins.Lstm.Lstm;

namespace Hydro.Plugins.Tests.Hbv;

/// <summary>hbv and its learners as an experiment file declares them: binding, schema checks and their messages.</summary>
public sealed class HbvExperimentTests
{
    private const string Yaml = """
        experiment_name: dhbv
        dataset: {type: synthetic, basins: 3}
        periods:
          train: {start: 1981-01-01, end: 1985-12-31}
          test: {start: 1986-01-01, end: 1987-12-31}
        inputs:
          dynamic: [prcp, tmean, pet]
          static: [area, elev_mean, aridity]
        targets: [streamflow]
        model:
          backbone:
            type: hbv
            variant: delta
            dynamic_parameters: [BETA, BETAET]
            nmul: 4
            routing: true
            parameter_ranges:
              FC: [40, 800]
              ROUTE_THETA: [0, 3]
            slots:
              effective_rainfall: {type: mlp, hidden_size: 8, num_layers: 2}
          learner:
            type: lstm
            hidden_size: 32
            dropout: 0.25
        loss: {type: rmse}
        training:
          sequence_length: 60
          warmup: 30
          predict_last_n: 30
          normalize_targets: false
        """;

    internal static ComponentCatalog Catalog()
    {
        var catalog = new ComponentCatalog();
        var loader = new PluginLoader();
        foreach (var assembly in new[] { typeof(MseLoss).Assembly, typeof(LstmBackbone).Assembly, typeof(SyntheticDataset).Assembly, typeof(HbvBackbone).Assembly })
        {
            loader.LoadBuiltIn(assembly, catalog).ThrowIfFailed();
        }

        return catalog;
    }

    [Fact]
    public void BindsTheBackboneWithItsRangesAndSlotsAndTheLearner()
    {
        var result = new ExperimentLoader(Catalog()).LoadText(Yaml);
        Assert.True(result.Succeeded, result.ToString());
        var hbv = result.Experiment!.Backbone.OptionsAs<HbvOptions>();
        Assert.Equal((HbvVariant.Delta, 4, true), (hbv.Variant, hbv.Nmul, hbv.Routing));
        Assert.Equal(["BETA", "BETAET"], hbv.DynamicParameters);
        Assert.Equal([40.0, 800.0], hbv.ParameterRanges.Fc);
        Assert.Equal([0.0, 3.0], hbv.ParameterRanges.RouteTheta);
        Assert.Equal([1.0, 6.0], hbv.ParameterRanges.Beta);
        Assert.Equal((SlotModuleType.Mlp, 8, 2), (hbv.Slots.EffectiveRainfall!.Type, hbv.Slots.EffectiveRainfall.HiddenSize, hbv.Slots.EffectiveRainfall.NumLayers));
        Assert.Equal(("prcp", "tmean", "pet"), (hbv.Precipitation, hbv.Temperature, hbv.Pet));
        var learner = result.Experiment.Learner!.OptionsAs<LstmLearnerOptions>();
        Assert.Equal((32, 0.25), (learner.HiddenSize, learner.Dropout));
    }

    [Theory]
    [InlineData("effective_rainfall: {", "effective_rainfal: {", "model.backbone.slots.effective_rainfal", "did you mean")]
    [InlineData("[BETA, BETAET]", "[BETA, SNOW]", "model.backbone.dynamic_parameters[1]", "SNOW")]
    [InlineData("variant: delta", "variant: original", "model.backbone.dynamic_parameters", "only the delta variant has")]
    [InlineData("variant: delta", "variant: hbv96", "model.backbone.variant", "hbv96")]
    [InlineData("FC: [40, 800]", "FC: [800, 40]", "model.backbone.parameter_ranges", "parameter_ranges.FC must be two finite numbers with min < max, got [800, 40]")]
    [InlineData("FC: [40, 800]", "FC: [40, 800, 900]", "model.backbone.parameter_ranges.FC", "")]
    [InlineData("FC: [40, 800]", "fc: [40, 800]", "model.backbone.parameter_ranges.fc", "did you mean 'FC'")]
    [InlineData("nmul: 4", "nmul: 0", "model.backbone.nmul", "")]
    [InlineData("hidden_size: 8", "hidden_size: 0", "model.backbone.slots.effective_rainfall.hidden_size", "")]
    [InlineData("type: mlp", "type: gru", "model.backbone.slots.effective_rainfall.type", "gru")]
    public void BadOptionsAreReportedAtTheirYamlPath(string from, string to, string path, string message)
    {
        Assert.Contains(from, Yaml, StringComparison.Ordinal);
        var result = new ExperimentLoader(Catalog()).LoadText(Yaml.Replace(from, to, StringComparison.Ordinal));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.ToString().Contains(path, StringComparison.Ordinal) && e.ToString().Contains(message, StringComparison.Ordinal));
    }
}
