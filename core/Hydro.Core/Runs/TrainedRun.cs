using Hydro.Core.Components;
using Hydro.Core.Data;
using Hydro.Core.Experiments;
using Hydro.Core.Models;
using Hydro.Core.Training;
using Hydro.Torch;
using Hydro.Torch.Serialization;

namespace Hydro.Core.Runs;

/// <summary>One trained model of a run: its seed, its folder and the checkpoint chosen for it.</summary>
/// <param name="Seed">The model's seed.</param>
/// <param name="Directory">Its folder: the run directory, or <c>seed_N</c> of an ensemble.</param>
/// <param name="Checkpoint">The checkpoint file used.</param>
public sealed record RunMember(int Seed, string Directory, string Checkpoint);

/// <summary>
/// A run directory opened for use after training (evaluation, prediction, analyses): the experiment from its
/// <c>config.yaml</c>, the normalisation from <c>normalization.json</c> and one checkpoint per model.
/// </summary>
/// <remarks>
/// Checkpoint choice: <c>--epoch N</c> takes <c>epoch_NNN.safetensors</c> of every model; otherwise a model's
/// <c>best.safetensors</c> (best validation median NSE) when it has one, else its last complete epoch — the model
/// training ended with.
/// </remarks>
public sealed class TrainedRun
{
    private TrainedRun(string directory, Experiment experiment, Normalizer normalizer, IReadOnlyList<RunMember> members)
    {
        Directory = directory;
        Experiment = experiment;
        Normalizer = normalizer;
        Members = members;
    }

    /// <summary>The run directory (full path).</summary>
    public string Directory { get; }

    /// <summary>The experiment the run was trained with.</summary>
    public Experiment Experiment { get; }

    /// <summary>The training-period statistics.</summary>
    public Normalizer Normalizer { get; }

    /// <summary>The models: one, or one per ensemble seed.</summary>
    public IReadOnlyList<RunMember> Members { get; }

    /// <summary>Opens <paramref name="runDirectory"/> with the components of <paramref name="catalog"/>.</summary>
    /// <param name="runDirectory">The run directory.</param>
    /// <param name="catalog">Components: the built-in plugins and those the run recorded in <c>plugins.lock</c>.</param>
    /// <param name="epoch">Use the checkpoint of this epoch; the best (else last) when null.</param>
    /// <exception cref="RunException">Not a run directory, its config no longer loads, or a model has no (such) checkpoint.</exception>
    public static TrainedRun Open(string runDirectory, ComponentCatalog catalog, int? epoch = null)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        ArgumentNullException.ThrowIfNull(catalog);
        var dir = Path.GetFullPath(runDirectory);
        var config = Path.Combine(dir, RunLayout.ConfigYaml);
        var normalization = Path.Combine(dir, Normalizer.FileName);
        if (!System.IO.Directory.Exists(dir))
        {
            throw new RunException($"{runDirectory}: no such run directory");
        }

        if (!File.Exists(config) || !File.Exists(normalization))
        {
            throw new RunException($"{runDirectory} is not a run directory (it needs {RunLayout.ConfigYaml} and {Normalizer.FileName}, written by hydro train)");
        }

        var loaded = new ExperimentLoader(catalog).Load(config);
        if (loaded.Experiment is not { } experiment)
        {
            throw new RunException($"{config} no longer loads with the installed plugins:\n{loaded}");
        }

        Normalizer normalizer;
        try
        {
            normalizer = Normalizer.Load(normalization);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or IOException)
        {
            throw new RunException($"{normalization}: {e.Message}", e);
        }

        var training = experiment.Options.Training;
        int[] seeds = training.EnsembleSeeds is { Count: > 0 } s ? [.. s] : [experiment.Options.Seed];
        var ensemble = training.EnsembleSeeds is { Count: > 1 };
        var members = seeds.Select(seed =>
        {
            var member = RunLayout.MemberDirectory(dir, seed, ensemble);
            return new RunMember(seed, member, ChooseCheckpoint(member, epoch));
        }).ToList();
        return new TrainedRun(dir, experiment, normalizer, members);
    }

    /// <summary>Builds each model and loads its checkpoint, in evaluation mode on <paramref name="device"/>.</summary>
    /// <exception cref="RunException">A checkpoint does not fit the model built from the config.</exception>
    public IReadOnlyList<HydroModel> LoadModels(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var models = new List<HydroModel>();
        try
        {
            foreach (var member in Members)
            {
                using var generator = torch.Generator((ulong)member.Seed);
                // The training basins are those with training statistics (Normalizer.Fit saw exactly the training store).
                var context = TrainingSetup.ModelContext(Experiment, device, generator, member.Directory, [.. Normalizer.Basins.Keys]);
                var model = HydroModel.Create(Experiment, context);
                models.Add(model);
                using var scope = torch.NewDisposeScope();
                var (tensors, _) = SafeTensors.Load(member.Checkpoint);
                model.LoadStateDict(tensors, member.Checkpoint);
                model.Train(false);
            }

            return models;
        }
        catch (Exception e)
        {
            foreach (var m in models)
            {
                m.Dispose();
            }

            throw e is ModelException ? new RunException(e.Message, e) : e;
        }
    }

    /// <summary>The checkpoints of complete epochs (<c>epoch_NNN.safetensors</c>) in epoch order.</summary>
    public static IReadOnlyList<(int Epoch, string Path)> EpochCheckpoints(string checkpointFolder)
    {
        if (!System.IO.Directory.Exists(checkpointFolder))
        {
            return [];
        }

        return [.. System.IO.Directory.GetFiles(checkpointFolder, "epoch_*.safetensors")
            .Select(p => (Name: Path.GetFileNameWithoutExtension(p), Path: p))
            .Where(x => x.Name.Length > 6 && x.Name[6..].All(char.IsAsciiDigit))
            .Select(x => (Epoch: int.Parse(x.Name[6..], System.Globalization.CultureInfo.InvariantCulture), x.Path))
            .OrderBy(x => x.Epoch)];
    }

    private static string ChooseCheckpoint(string memberDirectory, int? epoch)
    {
        var folder = Path.Combine(memberDirectory, RunLayout.Checkpoints);
        if (epoch is { } n)
        {
            var file = Path.Combine(folder, RunLayout.EpochCheckpoint(n));
            if (!File.Exists(file))
            {
                var have = string.Join(", ", EpochCheckpoints(folder).Select(c => c.Epoch));
                throw new RunException($"{memberDirectory}: no checkpoint for epoch {n} ({RunLayout.EpochCheckpoint(n)}); available: {(have.Length == 0 ? "none" : have)}");
            }

            return file;
        }

        var best = Path.Combine(folder, RunLayout.BestCheckpoint);
        if (File.Exists(best))
        {
            return best;
        }

        var epochs = EpochCheckpoints(folder);
        return epochs.Count > 0 ? epochs[^1].Path : throw new RunException($"{memberDirectory}: no checkpoint of a complete epoch yet; finish the training with hydro resume first");
    }
}
