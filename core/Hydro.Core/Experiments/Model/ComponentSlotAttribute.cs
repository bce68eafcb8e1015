using Hydro.Abstractions.Components;

namespace Hydro.Core.Experiments.Model;

/// <summary>
/// Marks an options property as a component block: a YAML mapping whose <c>type:</c> names a component of
/// <see cref="Kind"/> and whose other keys are that component's options.
/// </summary>
/// <param name="kind">The kind of component the block names.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ComponentSlotAttribute(ComponentKind kind) : Attribute
{
    /// <summary>The kind of component the block names.</summary>
    public ComponentKind Kind { get; } = kind;
}
