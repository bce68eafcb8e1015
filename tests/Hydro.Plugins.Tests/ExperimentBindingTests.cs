using Hydro.Core.Components;
using Hydro.Core.Experiments;
using Hydro.Core.Experiments.Schema;
using Hydro.Core.Plugins;
using Hydro.Plugins.Data.Synthetic;
using Hydro.Plugins.Losses.Mse;
using Hydro.Plugins.Losses.NseStar;
using Hydro.Plugins.Lstm.Lstm;

namespace Hydro.Plugins.Tests;

/// <summary>The built-in components' options as the experiment loader binds and checks them.</summary>
public class ExperimentBindingTests
{
    private const string Yaml = """
        experiment_name: builtin
        dataset:
          type: synthetic
          basins: 4
          seed: 7
          start: 1985-01-01
          end: 1994-12-31
          noise: 0.1
        periods:
          train: {start: 1985-01-01, end: 1990-12-31}
          validation: {start: 1991-01-01, end: 1992-12-31}
          test: {start: 1993-01-01, end: 1994-12-31}
        inputs:
          dynamic: [prcp, tmean, pet]
          static: [area, elev_mean, aridity]
        targets: [streamflow]
        model:
          backbone:
            type: lstm
            hidden_size: 32
            num_layers: 2
            dropout: 0.25
            initial_forget_bias: 1.5
        loss:
          type: nse_star
          eps: 0.2
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

    [Fact]
    public void BindsEveryOption()
    {
        var result = new ExperimentLoader(Catalog()).LoadText(Yaml);
        Assert.True(result.Succeeded, result.ToString());
        var experiment = result.Experiment!;
        var data = experiment.Dataset.OptionsAs<SyntheticOptions>();
        Assert.Equal((4, 7, new DateOnly(1985, 1, 1), new DateOnly(1994, 12, 31), 0.1), (data.Basins, data.Seed, data.Start, data.End, data.Noise));
        var lstm = experiment.Backbone.OptionsAs<LstmOptions>();
        Assert.Equal((32, 2, 0.25, 1.5), (lstm.HiddenSize, lstm.NumLayers, lstm.Dropout, lstm.InitialForgetBias));
        Assert.Equal(0.2, experiment.Loss.OptionsAs<NseStarOptions>().Eps);
    }

    [Theory]
    [InlineData("eps: 0.2", "eps: 0", "loss.eps")]
    [InlineData("hidden_size: 32", "hidden_size: 0", "model.backbone.hidden_size")]
    [InlineData("dropout: 0.25", "dropout: 0.99", "model.backbone.dropout")]
    [InlineData("noise: 0.1", "noise: 2", "dataset.noise")]
    [InlineData("basins: 4", "basins: 0", "dataset.basins")]
    [InlineData("end: 1994-12-31", "end: 1984-12-31", "dataset.end")]
    [InlineData("start: 1985-01-01\n", "start: 1985-02-30\n", "dataset.start")]
    public void RejectsOptionsOutOfRangeAtTheirYamlPath(string from, string to, string path)
    {
        var yaml = Yaml.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Yaml, yaml);
        var result = new ExperimentLoader(Catalog()).LoadText(yaml);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.ToString().Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public void SchemasAreGeneratedForEveryComponent()
    {
        var files = new SchemaWriter(Catalog()).Generate();
        foreach (var key in new[] { "mse", "nse_star", "rmse", "lstm", "synthetic" })
        {
            Assert.Contains(files, f => f.RelativePath.Contains(key, StringComparison.Ordinal));
        }

        var synthetic = files.Single(f => f.RelativePath.Replace('\\', '/').EndsWith("/synthetic.schema.json", StringComparison.Ordinal)).Text;
        Assert.Contains("1980-01-01", synthetic);
    }
}
