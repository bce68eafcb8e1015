using System.Reflection;
using Hydro.Abstractions.Components;
using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Components;

/// <summary>
/// Builds components from their resolved blocks: calls the public constructor <c>(TOptions, ComponentContext)</c>,
/// or <c>(TOptions)</c> when the component takes no context (losses).
/// </summary>
public static class ComponentFactory
{
    /// <summary>Builds the component of a loaded experiment block as <typeparamref name="T"/> (its contract).</summary>
    /// <exception cref="ComponentCreationException">No usable constructor, the constructor threw, or the component is not a <typeparamref name="T"/>.</exception>
    public static T Create<T>(ComponentBlock block, ComponentContext context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Descriptor is null || block.Options is null)
        {
            throw new ArgumentException($"component block '{block.Type}' is not resolved; load the experiment through ExperimentLoader", nameof(block));
        }

        return Create<T>(block.Descriptor, block.Options, context);
    }

    /// <summary>Builds a component from its descriptor and bound options as <typeparamref name="T"/>.</summary>
    /// <exception cref="ComponentCreationException">No usable constructor, the constructor threw, or the component is not a <typeparamref name="T"/>.</exception>
    public static T Create<T>(ComponentDescriptor descriptor, object options, ComponentContext context)
        where T : class
    {
        var component = Create(descriptor, options, context);
        if (component is T typed)
        {
            return typed;
        }

        (component as IDisposable)?.Dispose();
        throw new ComponentCreationException(descriptor, $"{descriptor.ComponentType.FullName} does not implement {typeof(T).Name}");
    }

    /// <summary>Builds a component from its descriptor and bound options.</summary>
    /// <exception cref="ComponentCreationException">No usable constructor or the constructor threw; the message names the component.</exception>
    public static object Create(ComponentDescriptor descriptor, object options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (!descriptor.OptionsType.IsInstanceOfType(options))
        {
            throw new ComponentCreationException(descriptor, $"options are a {options.GetType().Name}, expected {descriptor.OptionsType.Name}");
        }

        var type = descriptor.ComponentType;
        if (type.IsAbstract)
        {
            throw new ComponentCreationException(descriptor, $"{type.FullName} is abstract");
        }

        var withContext = type.GetConstructor([descriptor.OptionsType, typeof(ComponentContext)]);
        var optionsOnly = withContext is null ? type.GetConstructor([descriptor.OptionsType]) : null;
        if (withContext is null && optionsOnly is null)
        {
            throw new ComponentCreationException(descriptor,
                $"{type.FullName} has no public constructor ({descriptor.OptionsType.Name} options, ComponentContext context) or ({descriptor.OptionsType.Name} options)");
        }

        try
        {
            return withContext is not null ? withContext.Invoke([options, context]) : optionsOnly!.Invoke([options]);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new ComponentCreationException(descriptor, inner.Message, inner);
        }
    }
}

/// <summary>A component could not be built; the message names its kind, key and plugin.</summary>
public sealed class ComponentCreationException : Exception
{
    /// <summary>Creates the exception for <paramref name="descriptor"/>.</summary>
    public ComponentCreationException(ComponentDescriptor descriptor, string reason, Exception? inner = null)
        : base($"{Describe(descriptor)}: {reason}", inner)
    {
        Descriptor = descriptor;
    }

    /// <summary>The component that failed.</summary>
    public ComponentDescriptor Descriptor { get; }

    private static string Describe(ComponentDescriptor d) =>
        $"{KindName(d.Kind)} '{d.Key}' (plugin {d.Plugin})";

    private static string KindName(ComponentKind kind) => kind switch
    {
        ComponentKind.Dataset => "dataset",
        ComponentKind.Backbone => "backbone",
        ComponentKind.ParameterLearner => "parameter learner",
        ComponentKind.Loss => "loss",
        _ => kind.ToString(),
    };
}
