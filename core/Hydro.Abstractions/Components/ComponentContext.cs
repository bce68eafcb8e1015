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
