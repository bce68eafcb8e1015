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
    /// runs a trained model on other basins).
    /// </summary>
    public IReadOnlyList<string>? Basins { get; init; }
}
