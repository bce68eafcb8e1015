using System.Globalization;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Experiments;
using Hydro.Core.Runs;
using Hydro.Core.Tests.Training;
using Hydro.Core.Training;

namespace Hydro.Core.Tests.Grids;

/// <summary>Training and evaluation of a model that reads Batch.Gridded, and the binding errors of inputs.gridded.</summary>
public sealed class GridTrainingTests : IDisposable
{
    private const string GridYaml = """
        experiment_name: grid
        seed: 3
        dataset:
          type: toy_grid
          basins: 3
          days: 400
        periods:
          train: {start: 2000-01-01, end: 2000-09-30}
          validation: {start: 2000-10-01, end: 2001-02-03}
        inputs:
          dynamic: [x]
          gridded: [a, b, c]
        targets: [y]
        model:
          backbone:
            type: grid_mean_linear
        loss:
          type: masked_mse
        optimizer:
          type: adam
          lr: 0.05
        training:
          epochs: 12
          batch_size: 16
          sequence_length: 5
          predict_last_n: 2
        evaluation:
          period: validation
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), $"hydro-grid-{Guid.NewGuid():N}");

    public GridTrainingTests() => Directory.CreateDirectory(root);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static ComponentCatalog Catalog()
    {
        var catalog = TrainingCatalog.Create();
        catalog.Add(new ComponentDescriptor(ComponentKind.Dataset, "toy_grid", typeof(ToyGridDataset), typeof(ToyGridDatasetOptions), "Hydro.Tests"));
        catalog.Add(new ComponentDescriptor(ComponentKind.Backbone, "grid_mean_linear", typeof(GridMeanBackbone), typeof(GridMeanOptions), "Hydro.Tests"));
        return catalog;
    }

    private ExperimentLoadResult LoadFile(string yaml)
    {
        var file = Path.Combine(root, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        return new ExperimentLoader(Catalog()).Load(file);
    }

    private TrainingResult Train(string yaml, string name)
    {
        var loaded = LoadFile(yaml);
        Assert.True(loaded.Succeeded, loaded.ToString());
        return new TrainingService(Catalog()).Train(loaded.Experiment!, new TrainOptions { RunDirectory = Path.Combine(root, name), ExperimentText = yaml });
    }

    private static string With(string yaml, string from, string to)
    {
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        return yaml.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelOnMaskedGridMeansLearnsTheToyTruthAndEvaluationReusesTheSavedStatistics()
    {
        var result = Train(GridYaml, "fit");
        Assert.Equal(TrainingStatus.Completed, result.Status);
        var log = TrainingLog.Read(Path.Combine(result.RunDirectory, RunLayout.TrainingLog));
        Assert.True(log[^1].ValidationMedianNse > 0.99, $"validation median NSE {log[^1].ValidationMedianNse}");

        // normalization.json: per-channel statistics over the masked cells of the training basins and days only,
        // against a direct two-pass computation from the generator (NaN outside the masks would make them NaN).
        var norm = Normalizer.Load(Path.Combine(result.RunDirectory, Normalizer.FileName));
        Assert.Equal(ToyGridDataset.Channels, norm.Gridded.Select(v => v.Name));
        var trainDays = new DateOnly(2000, 9, 30).DayNumber - new DateOnly(2000, 1, 1).DayNumber + 1;
        for (var c = 0; c < 3; c++)
        {
            var values = new List<double>();
            for (var b = 0; b < 3; b++)
            {
                var mask = ToyGridDataset.MaskOf(b);
                for (var d = 0; d < trainDays; d++)
                {
                    for (var i = 0; i < mask.GetLength(0); i++)
                    {
                        for (var j = 0; j < mask.GetLength(1); j++)
                        {
                            if (mask[i, j])
                            {
                                values.Add(ToyGridDataset.Value(b, c, d, i, j));
                            }
                        }
                    }
                }
            }

            var mean = values.Average();
            Assert.Equal(mean, norm.Gridded[c].Mean, 6);
            Assert.Equal(Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)), norm.Gridded[c].Std, 6);
        }

        // Evaluation rebuilds the grids with the saved statistics; the [B, T] extra is written per day, the
        // [B, T, H, W] map is not (PeriodPredictor's rule for more than 3 dimensions).
        var evaluation = new Evaluator(Catalog()).Evaluate(result.RunDirectory);
        Assert.Equal(3, evaluation.Basins);
        Assert.True(evaluation.Summaries[0].Median > 0.99, $"median NSE {evaluation.Summaries[0].Median}");
        var lines = File.ReadAllLines(Path.Combine(evaluation.OutputDirectory, ResultFiles.PredictionsFolder, "g1.csv"));
        Assert.Equal("date,y_obs,y_sim,grid_mean_a", lines[0]);
        var first = lines[1].Split(',');
        var day = new DateOnly(2000, 10, 1).DayNumber - new DateOnly(2000, 1, 1).DayNumber;
        Assert.Equal(ToyGridDataset.Truth(1, day), double.Parse(first[1], CultureInfo.InvariantCulture), 4);
        Assert.Equal(norm.Gridded[0].Normalize((float)ToyGridDataset.MaskedMean(1, 0, day)), double.Parse(first[3], CultureInfo.InvariantCulture), 4);
    }

    [Fact]
    public void InputsGriddedOnADatasetWithoutGridsNamesTheKeyAndLine()
    {
        var yaml = With(TrainingCatalog.BaseYaml, "  static: [a]", "  static: [a]\n  gridded: [precip]");
        var e = Assert.ThrowsAny<Exception>(() => Train(yaml, "nogrid"));
        Assert.IsType<DataException>(e);
        Assert.Contains("inputs.gridded", e.Message, StringComparison.Ordinal);
        Assert.Contains(".yaml:13:12: inputs.gridded:", e.Message, StringComparison.Ordinal);
        Assert.Contains("serves no grids", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "nogrid")));
    }

    [Fact]
    public void AnUnknownChannelNamesItsIndexLineAndTheChannelsOnOffer()
    {
        var yaml = With(GridYaml, "gridded: [a, b, c]", "gridded: [a, rain]");
        var e = Assert.Throws<DataException>(() => Train(yaml, "badchannel"));
        Assert.Contains(".yaml:12:16: inputs.gridded[1]: 'rain' is not a grid channel of dataset 'toy_grid' (channels: a (-), b (-), c (-))", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatedChannelIsALoadError()
    {
        var loaded = LoadFile(With(GridYaml, "gridded: [a, b, c]", "gridded: [a, b, a]"));
        Assert.False(loaded.Succeeded);
        var error = Assert.Single(loaded.Errors);
        Assert.Equal("inputs.gridded[2]", error.Path);
        Assert.Equal(12, error.Line);
    }
}
