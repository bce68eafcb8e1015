using Hydro.Core.Components;
using Hydro.Core.Experiments;
using Hydro.Core.Plugins;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Plugins.Data.Synthetic;
using Hydro.Plugins.Losses.Mse;
using Hydro.Plugins.Lstm.Lstm;

namespace Hydro.Plugins.Tests.EaLstm;

/// <summary>Small YAML experiments with the new backbone and losses through the training service, on generated data.</summary>
public sealed class TrainingRunTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"hydro-ealstm-{Guid.NewGuid():N}");

    private const string Yaml = """
        experiment_name: ealstm_small
        dataset: {type: synthetic, basins: 4, seed: 3, start: 1985-01-01, end: 1988-12-31}
        periods:
          train: {start: 1985-01-01, end: 1987-12-31}
          validation: {start: 1988-01-01, end: 1988-12-31}
          test: {start: 1988-01-01, end: 1988-12-31}
        inputs:
          dynamic: [prcp, tmean, pet]
          static: [area, elev_mean, aridity]
        targets: [streamflow]
        model:
          backbone: {type: BACKBONE, hidden_size: 16, dropout: 0.0}
        loss: LOSS
        optimizer: {type: adam, lr: 0.01}
        training:
          epochs: 8
          batch_size: 16
          sequence_length: 60
          predict_last_n: 30
          samples_per_epoch: 256
          normalize_targets: NORMALIZE
        """;

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("ealstm", "{type: nse_star}", "true")]
    [InlineData("ealstm", "{type: kge, over: sample, target_weights: [1]}", "false")]
    [InlineData("ealstm", "{type: rmse_logsqrt, alpha: 0.25}", "false")]
    [InlineData("lstm", "{type: kge, over: batch}", "false")]
    public void TrainsAndTheLossFalls(string backbone, string loss, string normalize)
    {
        var yaml = Yaml.Replace("BACKBONE", backbone, StringComparison.Ordinal).Replace("LOSS", loss, StringComparison.Ordinal)
            .Replace("NORMALIZE", normalize, StringComparison.Ordinal);
        var loaded = new ExperimentLoader(Catalog()).LoadText(yaml);
        Assert.True(loaded.Succeeded, loaded.ToString());
        var result = new TrainingService(Catalog()).Train(loaded.Experiment!, new TrainOptions { RunDirectory = Path.Combine(root, backbone + loss.Length), ExperimentText = yaml });
        Assert.Equal(TrainingStatus.Completed, result.Status);
        var log = TrainingLog.Read(Path.Combine(result.RunDirectory, RunLayout.TrainingLog));
        Assert.Equal(8, log.Count);
        Assert.All(log, row => Assert.True(double.IsFinite(row.TrainLoss) && double.IsFinite(row.ValidationLoss), $"epoch {row.Epoch}: {row}"));
        Assert.True(log[^1].TrainLoss < 0.85 * log[0].TrainLoss, $"train loss {log[0].TrainLoss} → {log[^1].TrainLoss}");
    }

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
