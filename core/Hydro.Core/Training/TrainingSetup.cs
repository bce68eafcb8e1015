using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Experiments;
using Hydro.Core.Experiments.Model;
using Hydro.Torch;

namespace Hydro.Core.Training;

/// <summary>
/// Everything a training needs that does not depend on the seed: the dataset, the loaded periods, the normaliser,
/// the window sampler, the batchers and the loss. Built before the run directory exists.
/// </summary>
internal sealed class TrainingSetup : IDisposable
{
    private TrainingSetup(Experiment experiment, DataVariables variables, Device device, IDataset dataset)
    {
        Experiment = experiment;
        Variables = variables;
        Device = device;
        Dataset = dataset;
    }

    public Experiment Experiment { get; }

    public ExperimentOptions Options => Experiment.Options;

    public TrainingOptions Training => Experiment.Options.Training;

    public DataVariables Variables { get; }

    public Device Device { get; }

    public IDataset Dataset { get; }

    /// <summary>What the dataset offers, its time step included.</summary>
    public DatasetDescription Description { get; private set; } = null!;

    public BasinStore TrainStore { get; private set; } = null!;

    public BasinStore? ValidationStore { get; private set; }

    public Normalizer Normalizer { get; private set; } = null!;

    public WindowSampler Sampler { get; private set; } = null!;

    public Batcher TrainBatcher { get; private set; } = null!;

    /// <summary>Predicts the validation period for the basins with training statistics; null without a validation period.</summary>
    public PeriodPredictor? ValidationPredictor { get; private set; }

    public ILoss Loss { get; private set; } = null!;

    public List<string> Warnings { get; } = [];

    /// <summary>What <c>training.observation_fraction</c> kept of the training observations; null when it is 1.</summary>
    public ObservationFraction? KeptObservations { get; private set; }

    /// <summary>The seeds of the models: the ensemble's, or the root seed alone.</summary>
    public IReadOnlyList<int> Seeds => Training.EnsembleSeeds is { Count: > 0 } s ? s : [Options.Seed];

    public bool IsEnsemble => Training.EnsembleSeeds is { Count: > 1 };

    /// <summary>The run the models start from (<c>training.init_from</c>), or null.</summary>
    public InitFrom? Init { get; private set; }

    /// <summary>Builds the setup; with <paramref name="normalizer"/> (a resumed run) the saved statistics are used instead of refitting.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="normalizer">The saved statistics of a resumed run, or null to fit them.</param>
    /// <param name="cancellationToken">Stops loading between basins.</param>
    /// <param name="runDirectory">A resumed run's directory: its records (init_from.json, simulated_targets.json) replace the paths of the file.</param>
    public static TrainingSetup Create(Experiment experiment, Normalizer? normalizer, CancellationToken cancellationToken, string? runDirectory = null)
    {
        var o = experiment.Options;
        var variables = VariablesOf(o);
        var device = ParseDevice(o.Device);

        var context = Context(variables, device, null, null);
        var dataset = SimulatedTargetsDataset.Wrap(ComponentFactory.Create<IDataset>(experiment.Dataset, context), experiment, runDirectory);
        var setup = new TrainingSetup(experiment, variables, device, dataset);
        try
        {
            setup.Init = runDirectory is null ? InitFrom.Of(experiment) : InitFrom.Recorded(runDirectory);
            setup.Load(normalizer, cancellationToken);
            return setup;
        }
        catch
        {
            setup.Dispose();
            throw;
        }
    }

    /// <summary>The context the models (backbone, learner) of this experiment are built with.</summary>
    public ComponentContext ModelContext(Generator? generator, string? runDirectory) =>
        ModelContext(Experiment, Device, generator, runDirectory, [.. TrainStore.Basins.Select(b => b.Basin)], Description.Step);

    /// <summary>The context the models of <paramref name="experiment"/> are built with, in training and after it.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="device">Where the model lives.</param>
    /// <param name="generator">Seeded generator for the initial weights.</param>
    /// <param name="runDirectory">The model's folder, when there is one.</param>
    /// <param name="trainingBasins">The basins of the training period (a per-basin learner has one row per basin).</param>
    /// <param name="step">The dataset's time step (<see cref="ComponentContext.TimeStep"/>).</param>
    public static ComponentContext ModelContext(Experiment experiment, Device device, Generator? generator, string? runDirectory, IReadOnlyList<string> trainingBasins,
        TimeSpan step) =>
        ForecastWindows.Context(experiment.Options, Context(VariablesOf(experiment.Options), device, generator, runDirectory) with
        {
            Basins = trainingBasins,
            Warmup = experiment.Options.Training.Warmup,
            TimeStep = step,
        });

    /// <summary>The experiment's dynamic inputs, static attributes and targets.</summary>
    public static DataVariables VariablesOf(ExperimentOptions o) => new(o.Inputs.Dynamic, o.Inputs.Static, o.Targets) { Gridded = o.Inputs.Gridded };

    public static ComponentContext Context(DataVariables variables, Device device, Generator? generator, string? runDirectory) => new()
    {
        DynamicInputs = variables.Dynamic,
        StaticInputs = variables.Static,
        Targets = variables.Targets,
        GriddedInputs = variables.Gridded,
        Device = device,
        Generator = generator,
        RunDirectory = runDirectory,
    };

    /// <summary>The experiment's <c>device</c>.</summary>
    /// <exception cref="TrainingException">Not a device name.</exception>
    /// <exception cref="DeviceException">A CUDA device this machine or build does not have.</exception>
    public static Device ParseDevice(string name)
    {
        Device device;
        try
        {
            device = Device.Parse(name);
        }
        catch (ArgumentException e)
        {
            throw new TrainingException($"device '{name}': {e.Message}", e);
        }

        // Checked here, before any tensor moves: libtorch's own error for a missing device is a 47-line C++ trace.
        if (device.type == DeviceType.CUDA)
        {
            var count = torch.cuda.is_available() ? torch.cuda.device_count() : 0;
            if (count == 0)
            {
                throw new DeviceException($"device '{name}': this build/machine has no CUDA device (libtorch sees none); set device: cpu");
            }

            if (device.index >= count)
            {
                throw new DeviceException($"device '{name}': this machine has {count} CUDA device(s), cuda:0 to cuda:{count - 1}; choose one of them or cpu");
            }
        }

        return device;
    }

    private void Load(Normalizer? saved, CancellationToken ct)
    {
        var t = Training;
        var description = Description = Dataset.Describe();
        CheckVariables(description);
        var history = t.SequenceLength - 1;
        var train = TimeSteps.Resolve(Options.Periods.Train, "train", description, Experiment.File);
        var perBasin = PerBasinPeriods.Load(Options.Periods.PerBasinFile);
        TrainStore = BasinStore.Load(Dataset, description.Basins, Variables, "train", train.Start, train.End, history, description.First, perBasin, cancellationToken: ct,
            step: description.Step);
        Warnings.AddRange(TrainStore.Warnings);
        if (TrainStore.Basins.Count == 0)
        {
            // Bad input, not a failed run: the user picks another period or other basins (exit 2, nothing written).
            throw new DataException($"{YamlLocator.Where(Experiment, "periods.train")}: no basin of dataset '{Experiment.Dataset.Type}' has an observed {string.Join("/", Variables.Targets)} in the training period "
                + $"{TimeSteps.Format(train.Start, description.Step)}..{TimeSteps.Format(train.End, description.Step)}; choose a period with observations or other basins");
        }

        // Masked before the statistics are fitted, so that they describe the kept observations only.
        if (t.ObservationFraction < 1)
        {
            KeptObservations = ObservationFraction.Apply(TrainStore, t.ObservationFraction);
        }

        Normalizer = saved ?? Normalizer.Fit(TrainStore, t.NormalizeTargets);
        if (saved is null && Init is { } init)
        {
            Normalizer = init.Normalizer(Normalizer, Options);
        }

        CheckNormalizer(Normalizer);
        var forecast = ForecastWindows.Of(Options);
        var (length, scored) = forecast is { } fc ? (fc.Length, fc.Horizon) : (t.SequenceLength, t.PredictLastN);
        Sampler = new WindowSampler(TrainStore, length, scored, t.Warmup);
        if (Sampler.Count == 0)
        {
            throw new DataException($"{YamlLocator.Where(Experiment, "training.sequence_length")}: the training period has no valid window of {length} steps of {TimeSteps.Describe(description.Step)} (each needs finite inputs and an observed target in its last {scored} steps); check the period, sequence_length and missing data");
        }

        TrainBatcher = forecast?.Batcher(TrainStore, Normalizer, t.Warmup, Device) ?? new Batcher(TrainStore, Normalizer, t.SequenceLength, t.PredictLastN, t.Warmup, Device);
        if (Options.Periods.Validation is { } validation)
        {
            var val = TimeSteps.Resolve(validation, "validation", description, Experiment.File);
            var store = BasinStore.Load(Dataset, description.Basins, Variables, "validation", val.Start, val.End, history, description.First, perBasin, cancellationToken: ct,
                step: description.Step);
            Warnings.AddRange(store.Warnings);
            foreach (var b in store.Basins.Where(b => Normalizer.ForBasin(b.Basin) is null))
            {
                Warnings.Add($"basin {b.Basin}: no training statistics (no observations in the training period); left out of validation");
            }

            ValidationStore = store;
            var batcher = forecast?.Batcher(store, Normalizer, t.Warmup, Device) ?? new Batcher(store, Normalizer, t.SequenceLength, t.PredictLastN, t.Warmup, Device);
            ValidationPredictor = new PeriodPredictor(store, batcher, t.BatchSize, b => Normalizer.ForBasin(b.Basin) is not null);
        }

        if (Dataset is SimulatedTargetsDataset simulated)
        {
            Warnings.AddRange(simulated.Warnings);
        }

        Loss = ComponentFactory.Create<ILoss>(Experiment.Loss, Context(Variables, Device, null, null) with { TimeStep = description.Step });
    }

    private void CheckVariables(DatasetDescription description)
    {
        var known = description.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        void Check(IEnumerable<string> names, bool isStatic, string what)
        {
            foreach (var n in names)
            {
                if (!known.TryGetValue(n, out var info))
                {
                    problems.Add($"{what} '{n}' is not a variable of dataset '{Experiment.Dataset.Type}'");
                }
                else if (info.Static != isStatic)
                {
                    problems.Add($"{what} '{n}' is a {(info.Static ? "static attribute" : "time series")} in dataset '{Experiment.Dataset.Type}'");
                }
            }
        }

        Check(Variables.Dynamic, false, "inputs.dynamic");
        Check(Variables.Static, true, "inputs.static");
        Check(Variables.Targets, false, "targets");
        problems.AddRange(GridStore.Problems(Dataset, Variables.Gridded, Experiment.Dataset.Type)
            .Select(p => $"{YamlLocator.Where(Experiment, p.Index < 0 ? "inputs.gridded" : $"inputs.gridded[{p.Index}]")}: {p.Message}"));
        if (problems.Count > 0)
        {
            var available = string.Join(", ", description.Variables.Select(v => v.Name));
            throw new DataException($"{string.Join("; ", problems)} (available: {available})");
        }
    }

    private void CheckNormalizer(Normalizer n)
    {
        if (!n.Dynamic.Select(v => v.Name).SequenceEqual(Variables.Dynamic) || !n.Static.Select(v => v.Name).SequenceEqual(Variables.Static)
            || !n.Targets.Select(v => v.Name).SequenceEqual(Variables.Targets) || !n.Gridded.Select(v => v.Name).SequenceEqual(Variables.Gridded))
        {
            throw new TrainingException("normalization.json describes other variables than the experiment; the run directory does not match its config.yaml");
        }
    }

    public void Dispose() => Dataset.Dispose();
}
