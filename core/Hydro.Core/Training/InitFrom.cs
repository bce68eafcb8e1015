using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hydro.Core.Data;
using Hydro.Core.Experiments;
using Hydro.Core.Experiments.Model;
using Hydro.Core.Models;
using Hydro.Core.Runs;
using Hydro.Torch;
using Hydro.Torch.Serialization;

namespace Hydro.Core.Training;

/// <summary>One source checkpoint a model starts from, as recorded in <c>init_from.json</c>.</summary>
/// <param name="Seed">The new model's seed.</param>
/// <param name="File">The source checkpoint (full path).</param>
/// <param name="Sha256">Its SHA-256 (lower-case hexadecimal).</param>
public sealed record InitCheckpoint(int Seed, string File, string Sha256);

/// <summary>
/// <c>training.init_from</c>: the trained run (or one member of an ensemble) whose weights every new model starts from.
/// </summary>
/// <remarks>
/// <para>Members: a single-model source starts every member of the new run; an ensemble source gives its member i (in
/// its <c>ensemble_seeds</c> order) to member i of an ensemble of the same size; <c>RUN/seed_N</c> names one member,
/// which then starts every model. Anything else is an error that says which of these to choose.</para>
/// <para>Checkpoint: <c>checkpoints/epoch_NNN.safetensors</c> with <c>training.init_epoch</c>, else
/// <c>best.safetensors</c>, else the last complete epoch. Only the weights are taken: the optimiser, scheduler and
/// random state start fresh. Every tensor of the new model must be in the checkpoint with the same shape, and the
/// checkpoint may hold no other model tensors.</para>
/// <para>Normalisation (<c>training.init_normalization</c>): <c>source</c> keeps the source run's input and target
/// statistics, because the weights were learned on that scale (fine-tuning on other basins would otherwise shift
/// every input the first layer sees); the per-basin target statistics some losses use (NSE*) are this run's own.
/// <c>refit</c> uses this run's training statistics throughout.</para>
/// <para>Resume never re-applies the source over a checkpoint of the run itself; a run interrupted before its first
/// checkpoint starts again from the source recorded in <c>init_from.json</c>, whose SHA-256 must still match.</para>
/// </remarks>
internal sealed class InitFrom
{
    /// <summary>The record's file name in a run directory.</summary>
    public const string FileName = "init_from.json";

    private readonly Dictionary<int, string> checkpoints;
    private readonly Dictionary<int, string>? recordedSha;

    private InitFrom(string sourceRun, string? member, int? epoch, InitNormalization normalization, Dictionary<int, string> checkpoints, Dictionary<int, string>? recordedSha)
    {
        SourceRun = sourceRun;
        Member = member;
        Epoch = epoch;
        Normalization = normalization;
        this.checkpoints = checkpoints;
        this.recordedSha = recordedSha;
    }

    /// <summary>The source run directory (full path).</summary>
    public string SourceRun { get; }

    /// <summary>The member folder named (<c>seed_N</c>), or null.</summary>
    public string? Member { get; }

    /// <summary>The source epoch asked for, or null for best (else last).</summary>
    public int? Epoch { get; }

    /// <summary>Where the normalisation statistics come from.</summary>
    public InitNormalization Normalization { get; }

    /// <summary>The source checkpoint of the model with seed <paramref name="seed"/>.</summary>
    public string CheckpointFor(int seed) => checkpoints[seed];

    /// <summary>The experiment's source, or null without <c>training.init_from</c>.</summary>
    /// <param name="experiment">The experiment, loaded from its own file (paths are relative to its folder).</param>
    /// <exception cref="RunException">No such run, not a run, no such checkpoint, or an ensemble rule broken.</exception>
    public static InitFrom? Of(Experiment experiment)
    {
        var t = experiment.Options.Training;
        if (t.InitFrom is not { } written)
        {
            return null;
        }

        var path = StartingPointPaths.Resolve(StartingPointPaths.BaseFolder(experiment), written, d => StartingPointPaths.IsRun(d) || IsMember(d))
            ?? throw new RunException($"training.init_from: no run directory matches '{written}' (relative to {StartingPointPaths.BaseFolder(experiment)})");
        if (!Directory.Exists(path))
        {
            throw new RunException($"training.init_from: {path} does not exist; train the source run first or correct the path (relative to the experiment file's folder)");
        }

        string run;
        string? member = null;
        List<(int Seed, string Folder)> sourceMembers;
        if (StartingPointPaths.IsRun(path))
        {
            run = path;
            sourceMembers = Members(run);
        }
        else if (IsMember(path))
        {
            run = Path.GetDirectoryName(path)!;
            member = Path.GetFileName(path);
            sourceMembers = [(0, path)];
        }
        else
        {
            throw new RunException($"training.init_from: {path} is not a run directory (it needs {RunLayout.ConfigYaml} and {Data.Normalizer.FileName}, written by hydro train) nor a seed_N folder of one");
        }

        var seeds = experiment.Options.Training.EnsembleSeeds is { Count: > 0 } s ? s : [experiment.Options.Seed];
        if (sourceMembers.Count > 1 && sourceMembers.Count != seeds.Count)
        {
            throw new RunException($"training.init_from: {run} is an ensemble of {sourceMembers.Count} models (seeds {string.Join(", ", sourceMembers.Select(m => m.Seed))}) "
                + $"but this experiment trains {seeds.Count}: name one member (init_from: {Path.Combine(written, Path.GetFileName(sourceMembers[0].Folder))}) to start every model from it, or train as many members");
        }

        var files = new Dictionary<int, string>();
        for (var i = 0; i < seeds.Count; i++)
        {
            files[seeds[i]] = Checkpoint(sourceMembers.Count == 1 ? sourceMembers[0].Folder : sourceMembers[i].Folder, t.InitEpoch);
        }

        return new InitFrom(run, member, t.InitEpoch, t.InitNormalization, files, null);
    }

    /// <summary>The source recorded in a run's <c>init_from.json</c>, or null when the run was not started from another.</summary>
    /// <exception cref="RunException">The record cannot be read.</exception>
    public static InitFrom? Recorded(string runDirectory)
    {
        var file = Path.Combine(runDirectory, FileName);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var checkpoints = root["checkpoints"]!.AsArray().Select(n => new InitCheckpoint((int)n!["seed"]!, (string)n["file"]!, (string)n["sha256"]!)).ToList();
            var normalization = Enum.Parse<InitNormalization>((string)root["normalization"]!, ignoreCase: true);
            return new InitFrom((string)root["source_run"]!, (string?)root["member"], (int?)root["init_epoch"], normalization,
                checkpoints.ToDictionary(c => c.Seed, c => c.File), checkpoints.ToDictionary(c => c.Seed, c => c.Sha256));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or ArgumentException or FormatException)
        {
            throw new RunException($"{file}: not a valid {FileName} ({e.Message})", e);
        }
    }

    /// <summary>Copies the source weights into <paramref name="model"/> (the model with seed <paramref name="seed"/>).</summary>
    /// <exception cref="ModelException">A tensor is missing or has another shape; the message names the tensor, both shapes and the file.</exception>
    /// <exception cref="RunException">The checkpoint is unreadable or, for a recorded source, changed since the run started.</exception>
    public void Apply(HydroModel model, int seed)
    {
        var file = CheckpointFor(seed);
        if (recordedSha is not null && recordedSha.TryGetValue(seed, out var sha) && Sha256(file) != sha)
        {
            throw new RunException($"{file}: the source checkpoint changed since this run started from it (SHA-256 {sha} in {FileName}); restore it or train a new run");
        }

        using var scope = torch.NewDisposeScope();
        var tensors = Read(file);
        CheckShapes(model, tensors, file);
        model.LoadStateDict(tensors, file);
    }

    /// <summary>Checks that the checkpoint of <paramref name="seed"/> fits <paramref name="model"/>, without copying.</summary>
    public void Check(HydroModel model, int seed)
    {
        var file = CheckpointFor(seed);
        using var scope = torch.NewDisposeScope();
        CheckShapes(model, Read(file), file);
    }

    /// <summary>The source run's statistics for this experiment's variables (with <c>source</c>), else <paramref name="fitted"/>.</summary>
    /// <param name="fitted">Statistics of this run's training period (their per-basin target statistics are kept).</param>
    /// <param name="options">The experiment.</param>
    /// <exception cref="RunException">The source's inputs, target count or target scaling differ from the experiment's.</exception>
    public Normalizer Normalizer(Normalizer fitted, ExperimentOptions options)
    {
        if (Normalization == InitNormalization.Refit)
        {
            return fitted;
        }

        var source = SourceNormalizer();
        var file = Path.Combine(SourceRun, Data.Normalizer.FileName);
        var problems = new List<string>();
        if (!source.Dynamic.Select(v => v.Name).SequenceEqual(options.Inputs.Dynamic))
        {
            problems.Add($"its dynamic inputs are [{string.Join(", ", source.Dynamic.Select(v => v.Name))}], this experiment's [{string.Join(", ", options.Inputs.Dynamic)}]");
        }

        if (!source.Static.Select(v => v.Name).SequenceEqual(options.Inputs.Static))
        {
            problems.Add($"its static inputs are [{string.Join(", ", source.Static.Select(v => v.Name))}], this experiment's [{string.Join(", ", options.Inputs.Static)}]");
        }

        if (source.Targets.Count != options.Targets.Count)
        {
            problems.Add($"it has {source.Targets.Count} targets, this experiment {options.Targets.Count}");
        }

        if (source.NormalizeTargets != options.Training.NormalizeTargets)
        {
            problems.Add($"its normalize_targets is {source.NormalizeTargets}, this experiment's {options.Training.NormalizeTargets}");
        }

        if (problems.Count > 0)
        {
            throw new RunException($"training.init_normalization: source needs the source run's variables ({file}): {string.Join("; ", problems)}. Use the same inputs or set init_normalization: refit");
        }

        // Targets keep this experiment's names: a simulated target (pre-training) stands in for the observed one.
        var targets = source.Targets.Select((v, j) => v with { Name = options.Targets[j] }).ToList();
        return new Normalizer(source.Dynamic, source.Static, targets, fitted.Basins.Values, fitted.NormalizeTargets);
    }

    /// <summary>The source run's <c>normalization.json</c>.</summary>
    /// <exception cref="RunException">It cannot be read.</exception>
    public Normalizer SourceNormalizer()
    {
        var file = Path.Combine(SourceRun, Data.Normalizer.FileName);
        try
        {
            return Data.Normalizer.Load(file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or RunException)
        {
            throw new RunException($"training.init_from: {e.Message}", e);
        }
    }

    /// <summary>Writes <c>init_from.json</c>: the source run, member, epoch, normalisation and each model's checkpoint with its SHA-256.</summary>
    public void Write(string runDirectory)
    {
        var list = new JsonArray();
        foreach (var (seed, file) in checkpoints.OrderBy(c => c.Key))
        {
            list.Add(new JsonObject { ["seed"] = seed, ["file"] = file, ["sha256"] = Sha256(file) });
        }

        var root = new JsonObject
        {
            ["source_run"] = SourceRun,
            ["member"] = Member,
            ["init_epoch"] = Epoch,
            ["normalization"] = Normalization.ToString().ToLowerInvariant(),
            ["checkpoints"] = list,
        };
        AtomicFile.WriteAllText(Path.Combine(runDirectory, FileName), root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>The SHA-256 of a file, lower-case hexadecimal.</summary>
    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static Dictionary<string, Tensor> Read(string file)
    {
        try
        {
            CheckpointChecksum.EnsureIntact(file, "restore it from a backup, or pick another training.init_epoch");
            return SafeTensors.Load(file).Tensors;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or RunException)
        {
            throw new RunException($"training.init_from: {e.Message}", e);
        }
    }

    private static void CheckShapes(HydroModel model, Dictionary<string, Tensor> source, string file)
    {
        using var scope = torch.NewDisposeScope();
        var own = model.StateDict();
        var problems = new List<string>();
        foreach (var (key, tensor) in own)
        {
            if (!source.TryGetValue(key, out var found))
            {
                problems.Add($"tensor {key} {Shape(tensor)} of the model is not in the checkpoint");
            }
            else if (!found.shape.SequenceEqual(tensor.shape))
            {
                problems.Add($"tensor {key} has shape {Shape(tensor)} in the model and {Shape(found)} in the checkpoint");
            }
        }

        foreach (var key in source.Keys.Where(k => IsModelKey(k) && !own.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            problems.Add($"tensor {key} {Shape(source[key])} of the checkpoint is not in the model");
        }

        if (problems.Count > 0)
        {
            throw new ModelException($"training.init_from: {file} does not fit the model this experiment builds: {string.Join("; ", problems)}. "
                + "Build the same backbone and learner (sizes, inputs, targets) as the source run");
        }
    }

    private static bool IsModelKey(string key) =>
        key.StartsWith(HydroModel.BackbonePrefix, StringComparison.Ordinal) || key.StartsWith(HydroModel.LearnerPrefix, StringComparison.Ordinal);

    private static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";

    private static bool IsMember(string folder) =>
        Path.GetFileName(folder).StartsWith("seed_", StringComparison.Ordinal) && Path.GetDirectoryName(folder) is { } parent && StartingPointPaths.IsRun(parent);

    /// <summary>The members of a source run in its ensemble order, from its <c>config.json</c>.</summary>
    private static List<(int Seed, string Folder)> Members(string run)
    {
        var config = Path.Combine(run, RunLayout.ConfigJson);
        int[] seeds = [];
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(config))!.AsObject();
            seeds = root["training"]?["ensemble_seeds"] is JsonArray a ? [.. a.Select(n => (int)n!)] : [];
            if (seeds.Length == 0)
            {
                seeds = [(int?)root["seed"] ?? 0];
            }
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or FormatException)
        {
            throw new RunException($"training.init_from: cannot read {config} ({e.Message})", e);
        }

        var ensemble = seeds.Length > 1;
        return [.. seeds.Select(s => (s, RunLayout.MemberDirectory(run, s, ensemble)))];
    }

    private static string Checkpoint(string member, int? epoch)
    {
        var folder = Path.Combine(member, RunLayout.Checkpoints);
        if (epoch is { } n)
        {
            var file = Path.Combine(folder, RunLayout.EpochCheckpoint(n));
            if (!File.Exists(file))
            {
                var have = string.Join(", ", TrainedRun.EpochCheckpoints(folder).Select(c => c.Epoch.ToString(CultureInfo.InvariantCulture)));
                throw new RunException($"training.init_epoch: {member} has no checkpoint for epoch {n} ({file}); available: {(have.Length == 0 ? "none" : have)}");
            }

            return file;
        }

        var best = Path.Combine(folder, RunLayout.BestCheckpoint);
        if (File.Exists(best))
        {
            return best;
        }

        var epochs = TrainedRun.EpochCheckpoints(folder);
        return epochs.Count > 0 ? epochs[^1].Path
            : throw new RunException($"training.init_from: {member} has no checkpoint ({RunLayout.BestCheckpoint} or epoch_NNN.safetensors in {folder}); finish its training first");
    }
}
