using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Data;
using Hydro.Core.Training;
using Hydro.Torch;

namespace Hydro.Core.Runs;

/// <summary>
/// The dataset of a trained run, opened once (its files are parsed once however many loads follow): the periods the
/// model needs and, for analyses, other variables of the same dataset (a store such as Daymet <c>swe</c>, an
/// attribute such as <c>frac_snow</c>, hydrological signatures) on the same rows.
/// </summary>
public sealed class RunData : IDisposable
{
    private readonly TrainedRun run;
    private readonly IDataset dataset;
    private readonly IReadOnlyList<string>? basins;

    internal RunData(TrainedRun run, Device device, IReadOnlyList<string>? basins)
    {
        this.run = run;
        this.basins = basins;
        var variables = TrainingSetup.VariablesOf(run.Experiment.Options);
        var context = TrainingSetup.Context(variables, device, null, null) with { Basins = basins };
        dataset = SimulatedTargetsDataset.Wrap(ComponentFactory.Create<IDataset>(run.Experiment.Dataset, context), run.Experiment, run.Directory);
        Description = dataset.Describe();
        run.Description = Description;
    }

    /// <summary>What the dataset offers: its basins (or those asked for), variables and dates.</summary>
    public DatasetDescription Description { get; }

    /// <summary>The basins loads cover when none are named: those asked for when opening, else the dataset's own.</summary>
    public IReadOnlyList<string> Basins => basins ?? Description.Basins;

    /// <summary>
    /// Loads a period with the history its windows need (<c>sequence_length − 1</c> steps before it), so that every
    /// load of the same period and basin starts on the same step whatever its variables.
    /// </summary>
    /// <param name="name">The period's name (labels warnings; selects per-basin dates).</param>
    /// <param name="start">First step.</param>
    /// <param name="end">Last step (included).</param>
    /// <param name="variables">What to load; the experiment's inputs and targets when null.</param>
    /// <param name="subset">Basins to load; <see cref="Basins"/> when null.</param>
    /// <param name="perBasin">Apply the experiment's per-basin period dates.</param>
    /// <param name="observations">Load the targets (false: inputs only, no basin is skipped for lacking observations).</param>
    /// <param name="historyDays">Steps (days for daily data) before <paramref name="start"/>; <c>sequence_length − 1</c> when null.</param>
    /// <param name="cancellationToken">Stops between basins.</param>
    /// <exception cref="DataException">The data cannot be read.</exception>
    public BasinStore Load(string name, DateTime start, DateTime end, DataVariables? variables = null, IEnumerable<string>? subset = null,
        bool perBasin = true, bool observations = true, int? historyDays = null, CancellationToken cancellationToken = default)
    {
        var o = run.Experiment.Options;
        var periods = perBasin ? PerBasinPeriods.Load(o.Periods.PerBasinFile) : null;
        return BasinStore.Load(dataset, subset ?? Basins, variables ?? TrainingSetup.VariablesOf(o), name, start, end,
            historyDays ?? o.Training.SequenceLength - 1, Description.First, periods, observations, Description.Step, cancellationToken);
    }

    /// <summary>Static attributes of each basin (NaN where the dataset has none), read with a one-step request at <paramref name="day"/>.</summary>
    /// <exception cref="DataException">Unknown attribute or unreadable tables.</exception>
    public IReadOnlyDictionary<string, float[]> Statics(IReadOnlyList<string> names, DateTime day, IEnumerable<string>? subset = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var store = BasinStore.Load(dataset, subset ?? Basins, new DataVariables([], names, []), "attributes", day, day, 0, null, null, observations: false, Description.Step, cancellationToken);
        return store.Basins.ToDictionary(b => b.Basin, b => b.Static, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public void Dispose() => dataset.Dispose();
}
