namespace Hydro.Abstractions.Components;

/// <summary>
/// Declares a class as a Hydro component: the key that YAML files use in <c>type:</c> and the class that holds
/// its options. The host never guesses: only classes carrying this attribute and registered by the assembly's
/// <see cref="IHydroPlugin"/> entry point become components.
/// </summary>
/// <param name="key">The YAML name, lower snake case (e.g. <c>lstm</c>, <c>camels_us</c>); unique per kind across all plugins.</param>
/// <param name="optionsType">The options class bound from the component's YAML block (public settable or init properties).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ComponentAttribute(string key, Type optionsType) : Attribute
{
    /// <summary>The YAML name.</summary>
    public string Key { get; } = key;

    /// <summary>The options class.</summary>
    public Type OptionsType { get; } = optionsType;

    /// <summary>One sentence for <c>hydro plugins</c> and the schemas.</summary>
    public string? Summary { get; init; }
}
