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
    private TrainedRun(string directory, Experiment experiment, Normalizer normalizer, IReadOnlyList<RunMember> members, int? epoch, int? seed)
    {
        Directory = directory;
        Experiment = experiment;
        Normalizer = normalizer;
        Members = members;
        Epoch = epoch;
        Seed = seed;
    }

    /// <summary>The run directory (full path).</summary>
    public string Directory { get; }

    /// <summary>The experiment the run was trained with.</summary>
    public Experiment Experiment { get; }

    /// <summary>The training-period statistics.</summary>
    public Normalizer Normalizer { get; }

    /// <summary>The models: one, or one per ensemble seed.</summary>
    public IReadOnlyList<RunMember> Members { get; }

    /// <summary>The epoch asked for when opening (null: each model's best, else last, checkpoint).</summary>
    public int? Epoch { get; }

    /// <summary>The single member asked for when opening (null: every model of the run).</summary>
    public int? Seed { get; }

    /// <summary>Opens <paramref name="runDirectory"/> with the components of <paramref name="catalog"/>.</summary>
    /// <param name="runDirectory">The run directory.</param>
    /// <param name="catalog">Components: the built-in plugins and those the run recorded in <c>plugins.lock</c>.</param>
    /// <param name="epoch">Use the checkpoint of this epoch; the best (else last) when null.</param>
    /// <param name="seed">Use only this member of an ensemble; every model when null.</param>
    /// <exception cref="RunException">Not a run directory, its config no longer loads, or a model has no (such) checkpoint; not a seed of the run.</exception>
    public static TrainedRun Open(string runDirectory, ComponentCatalog catalog, int? epoch = null, int? seed = null)
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

        var loaded = RunLayout.LoadExperiment(dir, catalog);
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

        RunNormalizationCheck.Check(experiment, normalizer, normalization);

        var training = experiment.Options.Training;
        int[] seeds = training.EnsembleSeeds is { Count: > 0 } s ? [.. s] : [experiment.Options.Seed];
        var ensemble = training.EnsembleSeeds is { Count: > 1 };
        if (seed is { } only)
        {
            seeds = seeds.Contains(only) ? [only] : throw new RunException($"seed {only} is not a model of this run; its seeds: {string.Join(", ", seeds)}");
        }

        var members = seeds.Select(seed =>
        {
            var member = RunLayout.MemberDirectory(dir, seed, ensemble);
            return new RunMember(seed, member, ChooseCheckpoint(member, epoch));
        }).ToList();
        return new TrainedRun(dir, experiment, normalizer, members, epoch, seed);
    }

    /// <summary>What the run's dataset offers (its time step included); the dataset is opened once, on first use.</summary>
    /// <exception cref="Abstractions.Contracts.DataException">The dataset cannot be opened.</exception>
    public Abstractions.Contracts.DatasetDescription Description
    {
        get
        {
            if (description is null)
            {
                using var data = OpenData(Device.CPU);
            }

            return description!;
        }

        internal set => description ??= value;
    }

    private Abstractions.Contracts.DatasetDescription? description;

    /// <summary>The stamps of the first and last step of the experiment's period <paramref name="name"/> (train, validation or test).</summary>
    /// <exception cref="RunException">Unknown name, or a period the experiment does not define.</exception>
    /// <exception cref="Abstractions.Contracts.DataException">A bound is off the dataset's time grid.</exception>
    public (DateTime Start, DateTime End) PeriodOf(string name) => Data.TimeSteps.Resolve(PeriodOf(Experiment.Options, name), name, Description, Experiment.File);

    /// <summary>Period <paramref name="name"/> of <paramref name="options"/>, as the file gives it.</summary>
    /// <exception cref="RunException">Unknown name, or a period the experiment does not define.</exception>
    internal static Experiments.Model.PeriodOptions PeriodOf(Experiments.Model.ExperimentOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var periods = options.Periods;
        var period = name switch
        {
            "train" => periods.Train,
            "validation" => periods.Validation,
            "test" => periods.Test,
            _ => throw new RunException($"unknown period '{name}': use train, validation or test"),
        };
        return period ?? throw new RunException($"the experiment defines no {name} period (periods.{name})");
    }

    /// <summary>
    /// Loads the experiment's data for a period, with the history its windows need, through the run's dataset.
    /// </summary>
    /// <param name="name">The period's name (labels warnings; selects per-basin dates).</param>
    /// <param name="start">First step.</param>
    /// <param name="end">Last step (included).</param>
    /// <param name="device">Only the dataset's context uses it.</param>
    /// <param name="basins">Other basins than the dataset's own (served through <c>ComponentContext.Basins</c>); the dataset's when null.</param>
    /// <param name="perBasin">Apply the experiment's per-basin period dates.</param>
    /// <param name="observations">Load the targets (false: inputs only, for basins without observations).</param>
    /// <param name="cancellationToken">Stops between basins.</param>
    /// <exception cref="Abstractions.Contracts.DataException">The data cannot be read.</exception>
    public BasinStore LoadPeriod(string name, DateTime start, DateTime end, Device device, IReadOnlyList<string>? basins = null, bool perBasin = true,
        bool observations = true, CancellationToken cancellationToken = default)
    {
        using var data = OpenData(device, basins);
        return data.Load(name, start, end, perBasin: perBasin, observations: observations, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Opens the run's dataset once for several loads (the model's variables and others, e.g. for analyses); dispose it after.
    /// </summary>
    /// <param name="device">Only the dataset's context uses it.</param>
    /// <param name="basins">Other basins than the dataset's own (served through <c>ComponentContext.Basins</c>); the dataset's when null.</param>
    /// <exception cref="Abstractions.Contracts.DataException">The dataset cannot be opened.</exception>
    public RunData OpenData(Device device, IReadOnlyList<string>? basins = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        return new RunData(this, device, basins);
    }

    /// <summary>
    /// A batcher over <paramref name="store"/> with the run's statistics and window settings (or other ones, e.g. one scored
    /// step per window). A forecast run always gets its forecast windows (L + H steps, the horizon scored).
    /// </summary>
    public Batcher Batcher(BasinStore store, Device device, int? predictLastN = null)
    {
        var t = Experiment.Options.Training;
        if (ForecastWindows.Of(Experiment.Options) is { } forecast)
        {
            return forecast.Batcher(store, Normalizer, t.Warmup, device);
        }

        return new Batcher(store, Normalizer, t.SequenceLength, predictLastN ?? t.PredictLastN, predictLastN is null ? t.Warmup : 0, device);
    }

    /// <summary>Builds each model (of <paramref name="members"/>, default <see cref="Members"/>) and loads its checkpoint, in evaluation mode on <paramref name="device"/>.</summary>
    /// <exception cref="RunException">A checkpoint does not fit the model built from the config.</exception>
    public IReadOnlyList<HydroModel> LoadModels(Device device, IEnumerable<RunMember>? members = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        var models = new List<HydroModel>();
        try
        {
            foreach (var member in members ?? Members)
            {
                using var generator = torch.Generator((ulong)member.Seed);
                // The training basins are those with training statistics (Normalizer.Fit saw exactly the training store).
                var context = TrainingSetup.ModelContext(Experiment, device, generator, member.Directory, [.. Normalizer.Basins.Keys], Description.Step);
                var model = HydroModel.Create(Experiment, context);
                models.Add(model);
                using var scope = torch.NewDisposeScope();
                CheckpointChecksum.EnsureIntact(member.Checkpoint);
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

            throw e switch
            {
                ModelException => new RunException(e.Message, e),
                InvalidDataException d => RunException.DamagedCheckpoint(d), // truncated or overwritten
                _ => e,
            };
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
