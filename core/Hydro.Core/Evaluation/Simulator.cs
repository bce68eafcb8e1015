using System.Text.Json.Nodes;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Data;
using Hydro.Core.Experiments;
using Hydro.Core.Models;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Torch;

namespace Hydro.Core.Evaluation;

/// <summary>
/// Runs an experiment's model forward without training (<c>hydro simulate FILE</c>): a process backbone with
/// parameters given in the file (the <c>fixed</c> learner: values in the YAML, or one row per basin from a CSV file
/// such as a calibrated run's <c>parameters.csv</c>), for chosen basins and dates; writes every flux and state per
/// basin and, when the backbone reports it, the water-balance closure.
/// </summary>
/// <remarks>
/// Windows tile the period as in evaluation: each starts from the backbone's initial states and spins up over the
/// experiment's <c>training.warmup</c> days, so choose <c>sequence_length</c> and <c>warmup</c> for the spin-up the model
/// needs. The model's outputs must be in physical units (<c>training.normalize_targets: false</c>): nothing was fitted,
/// so there are no target statistics to undo. Inputs are still standardised (some learners read them), with
/// statistics of the simulated period itself.
/// </remarks>
public sealed class Simulator
{
    private readonly ComponentCatalog catalog;

    /// <summary>Creates the simulator over the components the experiment was loaded with.</summary>
    public Simulator(ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        this.catalog = catalog;
    }

    /// <summary>Simulates <paramref name="experiment"/> for the request's basins and dates.</summary>
    /// <exception cref="ModelException">The experiment normalises its targets, or its model cannot be built.</exception>
    /// <exception cref="RunException">Bad dates or period.</exception>
    /// <exception cref="DataException">Inputs cannot be read.</exception>
    public EvaluationResult Simulate(Experiment experiment, PredictRequest request)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(request);
        if (experiment.Components.Any(b => catalog.Find(b.Descriptor.Kind, b.Type) != b.Descriptor))
        {
            throw new ModelException($"{experiment.File} was loaded with other components than this simulator's; load it with the same plugins");
        }

        var o = experiment.Options;
        if (o.Training.NormalizeTargets)
        {
            throw new ModelException("hydro simulate runs models whose outputs are in physical units: set training.normalize_targets: false (process backbones such as hbv predict mm/day)");
        }

        var device = TrainingSetup.ParseDevice(request.Device ?? o.Device);
        var variables = TrainingSetup.VariablesOf(o);
        BasinStore store;
        string name;
        DateTime start, end;
        using (var dataset = ComponentFactory.Create<IDataset>(experiment.Dataset, TrainingSetup.Context(variables, device, null, null) with { Basins = request.Basins }))
        {
            var description = dataset.Describe();
            (name, start, end) = Evaluator.Dates(o, request.Start, request.End, request.Period, description, experiment.File);
            store = BasinStore.Load(dataset, request.Basins ?? description.Basins, variables, name, start, end, o.Training.SequenceLength - 1, description.First,
                observations: false, cancellationToken: request.CancellationToken, step: description.Step);
        }

        var t = o.Training;
        var batcher = new Batcher(store, Normalizer.Fit(store, normalizeTargets: false, observed: false), t.SequenceLength, t.PredictLastN, t.Warmup, device);
        using var generator = torch.Generator((ulong)o.Seed);
        using var model = HydroModel.Create(experiment, TrainingSetup.ModelContext(experiment, device, generator, null, [.. store.Basins.Select(b => b.Basin)], store.Step));
        var predictions = new PeriodPredictor(store, batcher, t.BatchSize).Predict([model], progress: request.Progress, cancellationToken: request.CancellationToken);

        var warnings = store.Basins.Where(b => predictions.All(p => p.Basin != b.Basin))
            .Select(b => $"basin {b.Basin}: no window of {t.SequenceLength} {Evaluator.StepWord(store.Step)} with complete inputs ends in {TimeSteps.Format(start, store.Step)}..{TimeSteps.Format(end, store.Step)}; not simulated")
            .ToList();
        var output = request.OutputDirectory ?? Path.Combine(o.OutputDir, "simulations", $"{o.ExperimentName}_{Evaluator.FolderName(start, end, store.Step)}");
        var result = new EvaluationResult(Path.GetFullPath(output), name, start, end, predictions.Count, [], warnings) { Step = store.Step };
        AtomicDirectory.Create(output, dir =>
        {
            ResultFiles.WritePredictions(Path.Combine(dir, ResultFiles.PredictionsFolder), predictions, observed: false);
            ResultFiles.WriteParameters(Path.Combine(dir, ResultFiles.ParametersCsv), predictions);
            var source = new JsonObject
            {
                ["experiment_file"] = Path.GetFullPath(experiment.File),
                ["experiment"] = o.ExperimentName,
                ["backbone"] = experiment.Backbone.Type,
                ["learner"] = experiment.Learner?.Type,
            };
            ResultFiles.WriteSummary(Path.Combine(dir, ResultFiles.SummaryJson), source, result, predictions);
        }, replace: true);
        return result;
    }
}
