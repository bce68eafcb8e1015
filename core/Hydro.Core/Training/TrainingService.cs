using Hydro.Core.Components;
using Hydro.Core.Data;
using Hydro.Core.Experiments;
using Hydro.Core.Plugins;
using Hydro.Core.Runs;

namespace Hydro.Core.Training;

/// <summary>
/// Trains an experiment into a run directory (DESIGN "Runs") and resumes interrupted runs.
/// </summary>
/// <remarks>
/// <para>Setup (dataset, periods, normalisation, windows, components) happens before anything is written; the run
/// directory is assembled under a temporary name and renamed into place, so a setup failure leaves nothing behind.</para>
/// <para>Ensembles: with <c>training.ensemble_seeds</c> one model per seed is trained, one after the other, each in
/// <c>seed_N/</c> with its own checkpoints and log; a single model lives in the run directory itself.</para>
/// <para>Reproducibility: window order depends only on (seed, epoch), the global torch generator is re-seeded from
/// (seed, epoch, batch) before each step, and the components' generator state is saved in each checkpoint, so a
/// resumed run reaches the parameters of an uninterrupted one bit for bit on the CPU.</para>
/// </remarks>
public sealed class TrainingService
{
    private readonly ComponentCatalog catalog;

    /// <summary>Creates the service over the components the host has loaded.</summary>
    public TrainingService(ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        this.catalog = catalog;
    }

    /// <summary>Trains <paramref name="experiment"/> in a new run directory.</summary>
    /// <exception cref="ComponentCreationException">A component could not be built (no run directory is left).</exception>
    /// <exception cref="Abstractions.Contracts.DataException">The data cannot be used (no run directory is left).</exception>
    /// <exception cref="TrainingException">Nothing to train on, a bad run directory, or a non-finite loss (the run directory stays, resumable from its last checkpoint).</exception>
    public TrainingResult Train(Experiment experiment, TrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        options ??= new TrainOptions();
        foreach (var block in experiment.Components)
        {
            if (block.Descriptor is null || catalog.Find(block.Descriptor.Kind, block.Type) != block.Descriptor)
            {
                throw new TrainingException($"component '{block.Type}' of {experiment.File} is not in this service's catalog; load the experiment with the same plugins");
            }
        }

        var o = experiment.Options;
        var runDirectory = options.RunDirectory is { } requested
            ? Path.GetFullPath(requested)
            : RunLayout.NewRunDirectory(o.OutputDir, o.ExperimentName, (options.Now ?? (() => DateTime.Now))());
        if (Directory.Exists(runDirectory) || File.Exists(runDirectory))
        {
            throw new TrainingException($"run directory {runDirectory} already exists; choose another or use resume to continue it");
        }

        if (RunLayout.FileInTheWay(runDirectory) is { } file)
        {
            throw new RunException($"output_dir '{o.OutputDir}': {file} is a regular file, so the run directory {runDirectory} cannot be created below it; choose another output_dir or move the file");
        }

        var yaml = options.ExperimentText ?? ReadExperimentText(experiment);
        using var setup = TrainingSetup.Create(experiment, normalizer: null, options.CancellationToken);

        // Build the first model once before writing anything, so that bad model options fail here.
        using (var first = new ModelTrainer(setup, setup.Seeds[0], RunLayout.MemberDirectory(runDirectory, setup.Seeds[0], setup.IsEnsemble), options))
        {
            first.StartFromSource();
        }

        RunLock? held = null;
        try
        {
            void Fill(string dir)
            {
                // Locked while still under its temporary name: the new run is never visible unlocked.
                held?.Dispose();
                held = RunLock.Acquire(dir);
                AtomicFile.WriteAllText(Path.Combine(dir, RunLayout.ConfigYaml), yaml);
                AtomicFile.WriteAllText(Path.Combine(dir, RunLayout.ConfigJson), RunLayout.OptionsJson(o, setup.Description.Step));
                AtomicFile.WriteAllText(Path.Combine(dir, RunLayout.EnvironmentJson), RunLayout.EnvironmentText(experiment.Environment));
                AtomicFile.WriteAllText(Path.Combine(dir, PluginLock.FileName), (options.PluginLock ?? new PluginLock([])).ToJson());
                setup.Normalizer.Save(Path.Combine(dir, Normalizer.FileName));
                setup.Init?.Write(dir);
                (setup.Dataset as SimulatedTargetsDataset)?.Write(dir);
                setup.KeptObservations?.Write(dir);
            }

            if (options.RunDirectory is null)
            {
                runDirectory = RunDirectoryClaim.Create(runDirectory, Fill);
            }
            else
            {
                AtomicDirectory.Create(runDirectory, Fill);
            }

            held!.Moved(runDirectory);
            if (options.KeepRunLock is { } keep)
            {
                keep(held);
                held = null;
            }

            return RunMembers(setup, runDirectory, options);
        }
        finally
        {
            held?.Dispose();
        }
    }

    /// <summary>
    /// Continues a run from the newest checkpoint of each unfinished model: the experiment is read from the run's
    /// <c>config.yaml</c> and the normalisation from its <c>normalization.json</c>.
    /// </summary>
    /// <remarks>It does not lock the run: the caller holds <see cref="RunLock"/> on it for as long as it writes there.</remarks>
    /// <exception cref="TrainingException">Not a run directory, or its config no longer loads with the current plugins.</exception>
    /// <exception cref="RunException">Its config lists the variables in another order than its normalization.json.</exception>
    public TrainingResult Resume(string runDirectory, TrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        options ??= new TrainOptions();
        runDirectory = Path.GetFullPath(runDirectory);
        var config = Path.Combine(runDirectory, RunLayout.ConfigYaml);
        var normalization = Path.Combine(runDirectory, Normalizer.FileName);
        if (!File.Exists(config) || !File.Exists(normalization))
        {
            throw new TrainingException($"{runDirectory} is not a run directory (it needs {RunLayout.ConfigYaml} and {Normalizer.FileName})");
        }

        var loaded = RunLayout.LoadExperiment(runDirectory, catalog);
        if (loaded.Experiment is not { } experiment)
        {
            throw new TrainingException($"{config} no longer loads:\n{loaded}");
        }

        var saved = Normalizer.Load(normalization);
        RunNormalizationCheck.Check(experiment, saved, normalization);
        using var setup = TrainingSetup.Create(experiment, saved, options.CancellationToken, runDirectory);
        return RunMembers(setup, runDirectory, options);
    }

    private static TrainingResult RunMembers(TrainingSetup setup, string runDirectory, TrainOptions options)
    {
        foreach (var w in setup.Warnings)
        {
            options.Logger?.DataWarning(w);
        }

        if (setup.KeptObservations is { } kept && options.Logger is { } logger && logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information))
        {
            logger.ObservationFraction(kept.Describe());
        }

        options.Logger?.RunDirectory(runDirectory);
        var members = new List<MemberResult>();
        foreach (var seed in setup.Seeds)
        {
            var dir = RunLayout.MemberDirectory(runDirectory, seed, setup.IsEnsemble);
            using var trainer = new ModelTrainer(setup, seed, dir, options);
            if (!trainer.RestoreLatest())
            {
                // Only a model without a checkpoint of its own starts from the source run (training.init_from).
                trainer.StartFromSource();
            }
            var result = trainer.Run();
            members.Add(result);
            if (result.Status is TrainingStatus.Cancelled or TrainingStatus.Paused)
            {
                return new TrainingResult(runDirectory, result.Status, members, setup.Warnings);
            }
        }

        var status = members.Any(m => m.Status == TrainingStatus.EarlyStopped) ? TrainingStatus.EarlyStopped : TrainingStatus.Completed;
        return new TrainingResult(runDirectory, status, members, setup.Warnings);
    }

    private static string ReadExperimentText(Experiment experiment)
    {
        try
        {
            return File.ReadAllText(experiment.File);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrainingException($"cannot read the experiment file {experiment.File} to copy it into the run ({e.Message}); pass TrainOptions.ExperimentText", e);
        }
    }
}
