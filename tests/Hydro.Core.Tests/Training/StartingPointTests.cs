using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Models;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Torch;
using Hydro.Torch.Serialization;

namespace Hydro.Core.Tests.Training;

/// <summary><c>training.init_from</c>, <c>training.freeze</c> and <c>simulated_targets</c> on the toy dataset.</summary>
public sealed class StartingPointTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"hydro-start-{Guid.NewGuid():N}");

    public StartingPointTests() => Directory.CreateDirectory(root);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static TrainingService Service() => new(StartingPointCatalog.Create());

    private TrainingResult Train(string yaml, string name, int? stopAfter = null) =>
        Service().Train(StartingPointCatalog.Load(yaml), new TrainOptions { RunDirectory = Path.Combine(root, name), ExperimentText = yaml, StopAfterEpoch = stopAfter });

    private static string With(string yaml, string from, string to)
    {
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        return yaml.Replace(from, to, StringComparison.Ordinal);
    }

    private static string TwoLayer(string yaml) => With(yaml, "type: linear", "type: two_layer");

    private static string InitFrom(string yaml, string source, string extra = "") =>
        With(yaml, "  epochs: 4", $"  epochs: 4\n  init_from: {source}{extra}");

    private static Dictionary<string, float[]> Tensors(string file)
    {
        using var scope = torch.NewDisposeScope();
        var (tensors, _) = SafeTensors.Load(file);
        return tensors.Where(kv => kv.Key.StartsWith("backbone.", StringComparison.Ordinal) || kv.Key.StartsWith("learner.", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value.data<float>());
    }

    private static bool SameBits(float[] a, float[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => BitConverter.SingleToInt32Bits(p.First) == BitConverter.SingleToInt32Bits(p.Second));

    private static string Checkpoint(string run, int epoch) => Path.Combine(run, RunLayout.Checkpoints, RunLayout.EpochCheckpoint(epoch));

    private static string Best(string run) => Path.Combine(run, RunLayout.Checkpoints, RunLayout.BestCheckpoint);

    [Fact]
    public void InitFromStartsFromTheSourceWeightsSoPredictionsMatchBeforeAnyStep()
    {
        var source = Train(TwoLayer(TrainingCatalog.BaseYaml), "source");

        // Fine-tune on other basins (the toy's basins 0..4 instead of 0..2) with the source's statistics.
        var yaml = InitFrom(With(TwoLayer(TrainingCatalog.BaseYaml), "basins: 3", "basins: 5"), source.RunDirectory);
        using var setup = TrainingSetup.Create(StartingPointCatalog.Load(yaml), null, CancellationToken.None);
        var sourceNorm = Normalizer.Load(Path.Combine(source.RunDirectory, Normalizer.FileName));
        Assert.Equal(sourceNorm.Dynamic, setup.Normalizer.Dynamic);
        Assert.Equal(sourceNorm.Static, setup.Normalizer.Static);
        Assert.Equal(sourceNorm.Targets, setup.Normalizer.Targets);
        Assert.NotNull(setup.Normalizer.ForBasin("b4")); // per-basin statistics are this run's own

        using var generator = torch.Generator(7);
        using var model = HydroModel.Create(setup.Experiment, setup.ModelContext(generator, null));
        Assert.NotEqual(Tensors(Best(source.RunDirectory))["backbone.head.weight"], model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.data<float>())["backbone.head.weight"]);
        setup.Init!.Apply(model, 7);
        model.Train(false);

        var run = TrainedRun.Open(source.RunDirectory, StartingPointCatalog.Create());
        var sourceModel = run.LoadModels(Device.CPU).Single();
        try
        {
            using var scope = torch.NewDisposeScope();
            var windows = setup.Sampler.Epoch(7, 1, null);
            var batch = setup.TrainBatcher.ToBatch(setup.TrainBatcher.Prepare(new ArraySegment<WindowRef>(windows, 0, 16)));
            var expected = sourceModel.Forward(batch).Outputs.Prediction.data<float>();
            var actual = model.Forward(batch).Outputs.Prediction.data<float>();
            Assert.True(SameBits(expected, actual), "the new model does not predict what the source predicts");
        }
        finally
        {
            sourceModel.Dispose();
        }
    }

    [Fact]
    public void InitFromTrainsFromTheSourceAndRecordsItsCheckpoint()
    {
        var source = Train(TwoLayer(TrainingCatalog.BaseYaml), "source");
        var best = Best(source.RunDirectory);
        var yaml = InitFrom(TwoLayer(TrainingCatalog.BaseYaml), source.RunDirectory, "\n  init_epoch: 2");
        var tuned = Train(yaml, "tuned");

        Assert.Equal(TrainingStatus.Completed, tuned.Status);
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(tuned.RunDirectory, "init_from.json")))!;
        Assert.Equal(source.RunDirectory, (string?)record["source_run"]);
        Assert.Equal(2, (int?)record["init_epoch"]);
        Assert.Equal("source", (string?)record["normalization"]);
        var entry = record["checkpoints"]!.AsArray().Single()!;
        Assert.Equal(Checkpoint(source.RunDirectory, 2), (string?)entry["file"]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Checkpoint(source.RunDirectory, 2)))), (string?)entry["sha256"]);
        Assert.Contains("init_from: " + source.RunDirectory, File.ReadAllText(Path.Combine(tuned.RunDirectory, RunLayout.ConfigYaml)), StringComparison.Ordinal);
        Assert.Contains("\"init_epoch\": 2", File.ReadAllText(Path.Combine(tuned.RunDirectory, RunLayout.ConfigJson)), StringComparison.Ordinal);
        Assert.True(File.Exists(best));

        // Evaluation of such a run works as for any other.
        var evaluation = new Evaluator(StartingPointCatalog.Create()).Evaluate(tuned.RunDirectory);
        Assert.Equal(3, evaluation.Basins);
    }

    [Fact]
    public void ShapeMismatchIsAnErrorNamingTheTensorBothShapesAndTheFileAndLeavesNoRun()
    {
        var source = Train(TwoLayer(TrainingCatalog.BaseYaml), "source");
        var yaml = InitFrom(With(TwoLayer(TrainingCatalog.BaseYaml), "type: two_layer", "type: two_layer\n    hidden: 6"), source.RunDirectory);

        var e = Assert.Throws<ModelException>(() => Train(yaml, "bad"));
        Assert.Contains("tensor backbone.first.weight has shape [6, 3] in the model and [4, 3] in the checkpoint", e.Message, StringComparison.Ordinal);
        Assert.Contains("tensor backbone.head.weight has shape [1, 6] in the model and [1, 4] in the checkpoint", e.Message, StringComparison.Ordinal);
        Assert.Contains(Best(source.RunDirectory), e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "bad")));
    }

    [Fact]
    public void SourceNormalizationNeedsTheSameInputsAndRefitDoesNot()
    {
        var source = Train(TrainingCatalog.BaseYaml, "source");
        var oneInput = With(TrainingCatalog.BaseYaml, "dynamic: [x1, x2]", "dynamic: [x2, x1]");
        var e = Assert.Throws<RunException>(() => Train(InitFrom(oneInput, source.RunDirectory), "swapped"));
        Assert.Contains("dynamic inputs are [x1, x2], this experiment's [x2, x1]", e.Message, StringComparison.Ordinal);

        var refit = Train(InitFrom(oneInput, source.RunDirectory, "\n  init_normalization: refit"), "refit");
        Assert.Equal(["x2", "x1"], Normalizer.Load(Path.Combine(refit.RunDirectory, Normalizer.FileName)).Dynamic.Select(v => v.Name));
    }

    [Fact]
    public void FrozenModulesStayBitIdenticalWhileTheOthersTrain()
    {
        var source = Train(TwoLayer(TrainingCatalog.BaseYaml), "source");
        var yaml = InitFrom(TwoLayer(TrainingCatalog.BaseYaml), source.RunDirectory, "\n  freeze: [backbone.first]");
        var tuned = Train(yaml, "frozen");

        var before = Tensors(Best(source.RunDirectory));
        var after = Tensors(Checkpoint(tuned.RunDirectory, 4));
        Assert.True(SameBits(before["backbone.first.weight"], after["backbone.first.weight"]), "frozen weight changed");
        Assert.True(SameBits(before["backbone.first.bias"], after["backbone.first.bias"]), "frozen bias changed");
        Assert.False(SameBits(before["backbone.head.weight"], after["backbone.head.weight"]), "the head did not train");

        // The optimiser holds only the head's two tensors.
        using var scope = torch.NewDisposeScope();
        var (tensors, _) = SafeTensors.Load(Checkpoint(tuned.RunDirectory, 4));
        Assert.Equal(["0", "1"], tensors.Keys.Where(k => k.StartsWith("state.", StringComparison.Ordinal)).Select(k => k.Split('.')[1]).Distinct().Order());
    }

    [Fact]
    public void UnknownFreezeNameIsAnErrorListingTheModules()
    {
        var yaml = With(TwoLayer(TrainingCatalog.BaseYaml), "  epochs: 4", "  epochs: 4\n  freeze: [backbone.frist]");
        var e = Assert.Throws<ModelException>(() => Train(yaml, "bad"));
        Assert.Contains("'backbone.frist' is not a module of this model; its modules: backbone, backbone.first, backbone.head (did you mean 'backbone.first'?)", e.Message, StringComparison.Ordinal);

        var all = With(TwoLayer(TrainingCatalog.BaseYaml), "  epochs: 4", "  epochs: 4\n  freeze: [backbone]");
        Assert.Contains("nothing is left to train", Assert.Throws<ModelException>(() => Train(all, "all")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResumeContinuesFromTheRunsCheckpointNotFromTheSource()
    {
        var source = Train(TwoLayer(TrainingCatalog.BaseYaml), "source");
        var yaml = InitFrom(TwoLayer(TrainingCatalog.BaseYaml), source.RunDirectory);
        var full = Train(yaml, "full");
        var part = Train(yaml, "part", stopAfter: 2);
        Assert.Equal(TrainingStatus.Paused, part.Status);

        var resumed = Service().Resume(part.RunDirectory);
        Assert.Equal(TrainingStatus.Completed, resumed.Status);
        var expected = Tensors(Checkpoint(full.RunDirectory, 4));
        var actual = Tensors(Checkpoint(resumed.RunDirectory, 4));
        Assert.All(expected, kv => Assert.True(SameBits(kv.Value, actual[kv.Key]), $"{kv.Key} differs after resume"));

        // A run stopped before its first checkpoint starts again from the recorded source, which must be unchanged.
        var early = Train(yaml, "early", stopAfter: 1);
        Directory.Delete(Path.Combine(early.RunDirectory, RunLayout.Checkpoints), recursive: true);
        File.Delete(Path.Combine(early.RunDirectory, RunLayout.TrainingLog));
        var restarted = Service().Resume(early.RunDirectory);
        var again = Tensors(Checkpoint(restarted.RunDirectory, 4));
        Assert.All(expected, kv => Assert.True(SameBits(kv.Value, again[kv.Key]), $"{kv.Key} differs after a restart from the source"));

        var late = Train(yaml, "late", stopAfter: 1);
        Directory.Delete(Path.Combine(late.RunDirectory, RunLayout.Checkpoints), recursive: true);
        File.Copy(Checkpoint(source.RunDirectory, 1), Best(source.RunDirectory), overwrite: true);
        var changed = Assert.Throws<RunException>(() => Service().Resume(late.RunDirectory));
        Assert.Contains("the source checkpoint changed since this run started from it", changed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsembleSourceGivesMemberIToMemberIOrOneNamedMemberToAll()
    {
        var ensembleYaml = With(TwoLayer(TrainingCatalog.BaseYaml), "  epochs: 4", "  epochs: 2\n  ensemble_seeds: [3, 5]");
        var source = Train(ensembleYaml, "ensemble");
        var pair = Train(InitFrom(With(ensembleYaml, "  epochs: 2", "  epochs: 4"), source.RunDirectory), "pair");
        var files = JsonNode.Parse(File.ReadAllText(Path.Combine(pair.RunDirectory, "init_from.json")))!["checkpoints"]!.AsArray()
            .ToDictionary(n => (int)n!["seed"]!, n => (string)n!["file"]!);
        Assert.Equal(Path.Combine(source.RunDirectory, "seed_3"), Path.GetDirectoryName(Path.GetDirectoryName(files[3])));
        Assert.Equal(Path.Combine(source.RunDirectory, "seed_5"), Path.GetDirectoryName(Path.GetDirectoryName(files[5])));

        var single = InitFrom(TwoLayer(TrainingCatalog.BaseYaml), source.RunDirectory);
        var e = Assert.Throws<RunException>(() => Train(single, "single"));
        Assert.Contains("is an ensemble of 2 models (seeds 3, 5) but this experiment trains 1", e.Message, StringComparison.Ordinal);

        var member = Train(InitFrom(TwoLayer(TrainingCatalog.BaseYaml), Path.Combine(source.RunDirectory, "seed_5")), "member");
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(member.RunDirectory, "init_from.json")))!;
        Assert.Equal("seed_5", (string?)record["member"]);
        Assert.StartsWith(Path.Combine(source.RunDirectory, "seed_5"), (string)record["checkpoints"]![0]!["file"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulatedTargetsReplaceObservationsByAnEvaluatedRunsPredictions()
    {
        // A first run, evaluated on 2000-10-01..2001-02-03, gives y_sim for that period only.
        var first = Train(TrainingCatalog.BaseYaml, "first");
        var results = new Evaluator(StartingPointCatalog.Create()).Evaluate(first.RunDirectory).OutputDirectory;
        var b1 = File.ReadAllLines(Path.Combine(results, "predictions", "b1.csv"));
        Assert.Equal("date,y_obs,y_sim", b1[0]);
        var row = b1[10].Split(',');

        // Pre-train on y_sim over 2000-09-01..2001-02-03: September is not covered.
        var yaml = With(TrainingCatalog.BaseYaml, "train: {start: 2000-01-01, end: 2000-09-30}", "train: {start: 2000-09-01, end: 2001-02-03}");
        yaml = With(yaml, "  validation: {start: 2000-10-01, end: 2001-02-03}\n", "");
        yaml = With(yaml, "evaluation:\n  period: validation", $"evaluation:\n  period: train\nsimulated_targets:\n  from: {results}\n  columns: {{y: y_sim}}");
        using (var setup = TrainingSetup.Create(StartingPointCatalog.Load(yaml), null, CancellationToken.None))
        {
            var basin = setup.TrainStore.Basins.Single(b => b.Basin == "b1");
            var date = DateTime.ParseExact(row[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var index = date.DayNumber - basin.Start.DayNumber;
            Assert.Equal(float.Parse(row[2], CultureInfo.InvariantCulture), basin.Targets[index]);
            Assert.NotEqual(float.Parse(row[1], CultureInfo.InvariantCulture), basin.Targets[index]);
            Assert.True(float.IsNaN(basin.Targets[new DateTime(2000, 9, 15).DayNumber - basin.Start.DayNumber]));
            Assert.Contains(setup.Warnings, w => w.StartsWith("basin b1: ", StringComparison.Ordinal) && w.Contains("are not in", StringComparison.Ordinal)
                && w.Contains(Path.Combine(results, "predictions", "b1.csv"), StringComparison.Ordinal));
        }

        var pretrained = Train(yaml, "pretrained");
        Assert.Equal(TrainingStatus.Completed, pretrained.Status);
        Assert.Equal(results, (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(pretrained.RunDirectory, "simulated_targets.json")))!["from"]);

        // Evaluating the pre-trained run scores it against what it was trained on: y_obs of its results is y_sim of the first run.
        var evaluation = new Evaluator(StartingPointCatalog.Create()).Evaluate(pretrained.RunDirectory);
        var own = File.ReadAllLines(Path.Combine(evaluation.OutputDirectory, "predictions", "b1.csv")).Single(l => l.StartsWith(row[0], StringComparison.Ordinal)).Split(',');
        Assert.Equal(float.Parse(row[2], CultureInfo.InvariantCulture), float.Parse(own[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SimulatedTargetsWithoutTheFolderOrColumnAreErrorsNamingTheFile()
    {
        var first = Train(TrainingCatalog.BaseYaml, "first");
        var results = new Evaluator(StartingPointCatalog.Create()).Evaluate(first.RunDirectory).OutputDirectory;
        string Yaml(string from, string column) => TrainingCatalog.BaseYaml + $"\nsimulated_targets:\n  from: {from}\n  columns: {{y: {column}}}\n";

        var missing = Path.Combine(root, "nowhere");
        var e = Assert.Throws<DataException>(() => TrainingSetup.Create(StartingPointCatalog.Load(Yaml(missing, "y_sim")), null, CancellationToken.None).Dispose());
        Assert.Contains($"{missing} does not exist", e.Message, StringComparison.Ordinal);

        var c = Assert.Throws<DataException>(() => TrainingSetup.Create(StartingPointCatalog.Load(Yaml(results, "Q")), null, CancellationToken.None).Dispose());
        Assert.Contains(Path.Combine(results, "predictions"), c.Message, StringComparison.Ordinal);
        Assert.Contains("no column 'Q' (columns: date, y_obs, y_sim)", c.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateReportsStartingPointErrorsAtTheirLineAndColumn()
    {
        var source = Train(TwoLayer(TrainingCatalog.BaseYaml), "source");
        var results = new Evaluator(StartingPointCatalog.Create()).Evaluate(source.RunDirectory).OutputDirectory;
        var file = Path.Combine(root, "experiment.yaml");

        // Relative to the experiment file's folder; a trailing * picks the newest run.
        var ok = InitFrom(TwoLayer(TrainingCatalog.BaseYaml), "sour*", "\n  freeze: [backbone.first]")
            + $"\nsimulated_targets:\n  from: {Path.GetRelativePath(root, results)}\n  columns: {{y: y_sim}}\n";
        var good = StartingPointCatalog.Validate(ok, file);
        Assert.True(good.Succeeded, good.ToString());

        var bad = InitFrom(With(TwoLayer(TrainingCatalog.BaseYaml), "type: two_layer", "type: two_layer\n    hidden: 5"), "source", "\n  freeze: [backbone.haed]")
            + "\nsimulated_targets:\n  from: source\n  columns: {y: y_sim}\n";
        var lines = bad.Split('\n');
        int Line(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
        var errors = StartingPointCatalog.Validate(bad, file).Errors;
        var shape = Assert.Single(errors, e => e.Path == "training.init_from");
        Assert.Equal(Line("init_from:"), shape.Line);
        Assert.Contains("tensor backbone.first.weight has shape [5, 3] in the model and [4, 3] in the checkpoint", shape.Message, StringComparison.Ordinal);
        var freeze = Assert.Single(errors, e => e.Path == "training.freeze[0]");
        Assert.Equal(Line("freeze:"), freeze.Line);
        Assert.Equal("backbone.head", freeze.Suggestion);
        Assert.Contains(errors, e => e.Path == "simulated_targets.from" && e.Message.Contains("holds no <basin>.csv", StringComparison.Ordinal));

        // A column for a name that is not a target is an error of the file alone (found before any file is read).
        var notTarget = ok.Replace("columns: {y: y_sim}", "columns: {y: y_sim, z: Q}", StringComparison.Ordinal);
        var target = Assert.Single(StartingPointCatalog.Validate(notTarget, file).Errors);
        Assert.Equal("simulated_targets.columns.z", target.Path);
        Assert.Equal(Array.FindIndex(notTarget.Split('\n'), l => l.Contains("columns:", StringComparison.Ordinal)) + 1, target.Line);

        var noFolder = TrainingCatalog.BaseYaml + "\nsimulated_targets:\n  from: nowhere\n  columns: {y: y_sim}\n";
        var folder = Assert.Single(StartingPointCatalog.Validate(noFolder, file).Errors);
        Assert.Equal(("simulated_targets.from", noFolder.Split('\n').Length - 2), (folder.Path, folder.Line));
        Assert.Contains(Path.Combine(root, "nowhere") + " does not exist", folder.Message, StringComparison.Ordinal);

        var noRun = InitFrom(TrainingCatalog.BaseYaml, "missing_run");
        var run = Assert.Single(StartingPointCatalog.Validate(noRun, file).Errors);
        Assert.Equal(("training.init_from", Array.FindIndex(noRun.Split('\n'), l => l.Contains("init_from:", StringComparison.Ordinal)) + 1), (run.Path, run.Line));
        Assert.True(run.Column > 1);
    }
}
