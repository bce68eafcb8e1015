using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Abstractions.Components;

/// <summary>
/// What the host tells a component when it builds it, besides its options: the experiment's variables, device and
/// random generator. Components are constructed as <c>new MyComponent(MyOptions options, ComponentContext context)</c>.
/// </summary>
public sealed record ComponentContext
{
    /// <summary>Dynamic input names, in the order of the batch's last axis.</summary>
    public IReadOnlyList<string> DynamicInputs { get; init; } = [];

    /// <summary>Static attribute names.</summary>
    public IReadOnlyList<string> StaticInputs { get; init; } = [];

    /// <summary>Target names.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>
    /// Names of the gridded input channels, in the order of <see cref="Batch.Gridded"/>'s channel axis (C); empty when
    /// the experiment has no gridded inputs (<c>inputs.gridded</c>).
    /// </summary>
    public IReadOnlyList<string> GriddedInputs { get; init; } = [];

    /// <summary>
    /// Forecast horizon H in steps: the last H steps of every window lie after the issue time and carry future forcings
    /// only. 0 for a hindcast (simulation) experiment.
    /// </summary>
    public int Horizon { get; init; }

    /// <summary>
    /// The dynamic inputs that carry observed targets up to the issue time (forecast experiments with
    /// <c>forecast.observed_inputs</c>): each target adds <c>&lt;target&gt;_obs</c> (normalised observation, 0 where
    /// missing or after the issue time) and <c>&lt;target&gt;_obs_flag</c> (1 where observed at or before the issue time,
    /// else 0). They are also listed, last, in <see cref="DynamicInputs"/>. Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> ObservedInputs { get; init; } = [];

    /// <summary>The dataset's time step (1 day for daily data, 1 hour for hourly data).</summary>
    public TimeSpan TimeStep { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Where tensors and parameters live.</summary>
    public Device Device { get; init; } = Device.CPU;

    /// <summary>Seeded generator for weight initialisation, so runs repeat exactly.</summary>
    public Generator? Generator { get; init; }

    /// <summary>Directory of the run being built (checkpoints, logs), when there is one.</summary>
    public string? RunDirectory { get; init; }

    /// <summary>
    /// The basins the host wants this component to work with, or null when the component's own options decide. A
    /// dataset given a list serves exactly those basins instead of its <c>basins</c> option (how <c>hydro predict</c>
    /// runs a trained model on other basins). A model (backbone, learner) gets the basins of the training period, in
    /// training and after it, so that a per-basin learner can size its tables and map <c>Batch.Basins</c> to rows.
    /// </summary>
    public IReadOnlyList<string>? Basins { get; init; }

    /// <summary>
    /// Leading steps of every window that only spin up model states (the experiment's <c>training.warmup</c>): they are
    /// never scored, so a process backbone may run them without gradients. 0 when the experiment has none.
    /// </summary>
    public int Warmup { get; init; }

    /// <summary>
    /// For a parameter learner: the parameters the backbone asks for (names, ranges, static or dynamic, components),
    /// so that the learner can size its output layer when it is built. The host builds the backbone first and sets
    /// this; null for every other component.
    /// </summary>
    public ParameterRequest? Parameters { get; init; }
}
