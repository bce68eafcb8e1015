using Hydro.Abstractions.Components;

namespace Hydro.Core.Components;

/// <summary>A component known to the host: where it came from, its YAML key and its options class.</summary>
/// <param name="Kind">The slot it fills.</param>
/// <param name="Key">The YAML name (<c>type:</c>).</param>
/// <param name="ComponentType">The implementing class.</param>
/// <param name="OptionsType">The options class bound from its YAML block.</param>
/// <param name="Plugin">The plugin (assembly name) that registered it; <c>Hydro.Builtin</c>-style names for built-ins.</param>
/// <param name="Summary">One sentence for listings and schemas.</param>
public sealed record ComponentDescriptor(
    ComponentKind Kind,
    string Key,
    Type ComponentType,
    Type OptionsType,
    string Plugin,
    string? Summary = null);
