using Hydro.Abstractions.Components;

namespace Hydro.Core.Components;

/// <summary>Every component the host can build, by kind and key. Filled by the plugin loader (or directly in tests).</summary>
public sealed class ComponentCatalog
{
    private readonly Dictionary<(ComponentKind, string), ComponentDescriptor> byKey = [];
    private readonly List<ComponentDescriptor> all = [];

    /// <summary>All components in registration order.</summary>
    public IReadOnlyList<ComponentDescriptor> Components => all;

    /// <summary>Adds a component; a second component of the same kind and key is an error naming both plugins.</summary>
    /// <exception cref="DuplicateComponentException">The key is taken.</exception>
    public void Add(ComponentDescriptor component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (byKey.TryGetValue((component.Kind, component.Key), out var existing))
        {
            throw new DuplicateComponentException(existing, component);
        }

        byKey[(component.Kind, component.Key)] = component;
        all.Add(component);
    }

    /// <summary>The component of this kind and key, or null.</summary>
    public ComponentDescriptor? Find(ComponentKind kind, string key) =>
        byKey.TryGetValue((kind, key), out var c) ? c : null;

    /// <summary>The keys of every component of one kind.</summary>
    public IEnumerable<string> Keys(ComponentKind kind) => all.Where(c => c.Kind == kind).Select(c => c.Key);
}

/// <summary>Two plugins registered the same component key.</summary>
public sealed class DuplicateComponentException(ComponentDescriptor first, ComponentDescriptor second)
    : Exception($"{second.Kind} '{second.Key}' is registered twice: by {first.Plugin} ({first.ComponentType.FullName}) and by "
        + $"{second.Plugin} ({second.ComponentType.FullName}). Remove one of the plugins from 'plugins:' or rename the key in one of them.")
{
    /// <summary>The component registered first.</summary>
    public ComponentDescriptor First { get; } = first;

    /// <summary>The component whose registration failed.</summary>
    public ComponentDescriptor Second { get; } = second;
}
