using Hydro.Core.Components;
using Hydro.Core.Experiments;
using Hydro.Core.Plugins;
using Hydro.Plugins.Data.Synthetic;
using Hydro.Plugins.Losses.Mse;
using Hydro.Plugins.Lstm.Fhnn;

namespace Hydro.Plugins.Tests.Fhnn;

/// <summary>fhnn's options as the experiment loader binds and checks them (the model itself is not built here).</summary>
public class FhnnBindingTests
{
    private const string Yaml = """
        experiment_name: fhnn_options
        dataset: {type: synthetic, basins: 2, start: 1985-01-01, end: 1988-12-31}
        periods:
          train: {start: 1985-01-01, end: 1986-12-31}
          validation: {start: 1987-01-01, end: 1987-12-31}
          test: {start: 1988-01-01, end: 1988-12-31}
        inputs:
          dynamic: [prcp, tmean, pet]
        targets: [streamflow]
        model:
          backbone:
            type: fhnn
            hidden_size: 8
            latent_size: 4
            scales: [2, 5]
        loss: {type: mse}
        """;

    private static ExperimentLoader Loader()
    {
        var catalog = new ComponentCatalog();
        var loader = new PluginLoader();
        foreach (var assembly in new[] { typeof(MseLoss).Assembly, typeof(FhnnBackbone).Assembly, typeof(SyntheticDataset).Assembly })
        {
            loader.LoadBuiltIn(assembly, catalog).ThrowIfFailed();
        }

        return new ExperimentLoader(catalog);
    }

    [Fact]
    public void BindsTheScalesList()
    {
        var result = Loader().LoadText(Yaml);
        Assert.True(result.Succeeded, result.ToString());
        var options = result.Experiment!.Backbone.OptionsAs<FhnnOptions>();
        Assert.Equal((8, 4, 128), (options.HiddenSize, options.LatentSize, options.ForwardHiddenSize));
        Assert.Equal([2, 5], options.Scales);
    }

    [Theory]
    [InlineData("scales: [2, 5]", "scales: [5, 2]", "scales must be strictly increasing")]
    [InlineData("scales: [2, 5]", "scales: [0, 5]", "scales must be in 1..1000 steps")]
    [InlineData("scales: [2, 5]", "scales: []", "model.backbone.scales")]
    [InlineData("latent_size: 4", "latent_size: 0", "model.backbone.latent_size")]
    public void RejectsBadOptionsAtTheirYamlPath(string from, string to, string expected)
    {
        var yaml = Yaml.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Yaml, yaml);
        var result = Loader().LoadText(yaml);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.ToString().Contains(expected, StringComparison.Ordinal) && e.ToString().Contains("model.backbone", StringComparison.Ordinal));
    }
}
