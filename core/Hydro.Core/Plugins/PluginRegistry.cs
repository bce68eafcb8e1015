using System.Reflection;
using System.Text.RegularExpressions;
using Hydro.Abstractions.Components;
using Hydro.Core.Components;

namespace Hydro.Core.Plugins;

/// <summary>
/// The registry a plugin's entry point fills. Each added type is checked (a <see cref="ComponentAttribute"/>, exactly
/// one contract, a public constructor, options with a public parameterless constructor); problems are collected so
/// that all of a plugin's mistakes are reported at once, and nothing reaches the catalog before the entry point returns.
/// </summary>
internal sealed partial class PluginRegistry(string pluginName) : IComponentRegistry
{
    private readonly List<ComponentDescriptor> components = [];
    private readonly List<PluginLoadException> errors = [];

    /// <summary>The valid components, in registration order.</summary>
    public IReadOnlyList<ComponentDescriptor> Components => components;

    /// <summary>The rejected ones.</summary>
    public IReadOnlyList<PluginLoadException> Errors => errors;

    /// <inheritdoc />
    public void Add(Type componentType)
    {
        ArgumentNullException.ThrowIfNull(componentType);
        var problem = Check(componentType, out var descriptor);
        if (problem is null)
        {
            components.Add(descriptor!);
        }
        else
        {
            errors.Add(new PluginLoadException(pluginName, problem));
        }
    }

    private string? Check(Type type, out ComponentDescriptor? descriptor)
    {
        descriptor = null;
        var attribute = type.GetCustomAttribute<ComponentAttribute>();
        if (attribute is null)
        {
            return $"{type.FullName} is registered but is not a component: add [Component(\"key\", typeof(Options))] to it";
        }

        var what = $"component '{attribute.Key}' ({type.FullName})";
        if (!KeyPattern().IsMatch(attribute.Key))
        {
            return $"{what}: the key must be lower snake case (a-z, 0-9, '_', starting with a letter), e.g. 'my_loss'";
        }

        var kinds = ComponentKinds.Of(type);
        if (kinds.Count != 1)
        {
            var contracts = Enum.GetValues<ComponentKind>().Select(k => ComponentKinds.ContractOf(k).Name);
            return kinds.Count == 0
                ? $"{what} implements none of the contracts ({string.Join(", ", contracts)}): implement exactly one"
                : $"{what} implements {string.Join(" and ", kinds.Select(k => ComponentKinds.ContractOf(k).Name))}: "
                    + "a component fills one slot; split it into one class per contract";
        }

        if (type.IsAbstract || type.IsGenericTypeDefinition || !type.IsPublic && !type.IsNestedPublic
            || type.GetConstructors().Length == 0)
        {
            return $"{what} cannot be created: make it a public, non-abstract, non-generic class with a public constructor";
        }

        var options = attribute.OptionsType;
        if (options is null || options.IsAbstract || options.GetConstructor(Type.EmptyTypes) is null)
        {
            return $"{what}: its options type {options?.FullName ?? "(null)"} needs a public parameterless constructor "
                + "so that it can be bound from YAML";
        }

        descriptor = new ComponentDescriptor(kinds[0], attribute.Key, type, options, pluginName, attribute.Summary);
        return null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
