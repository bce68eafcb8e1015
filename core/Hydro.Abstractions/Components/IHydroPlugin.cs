namespace Hydro.Abstractions.Components;

/// <summary>
/// The one registration entry point of a plugin assembly, named by <see cref="HydroPluginAttribute"/>;
/// it adds the assembly's components to the registry.
/// </summary>
public interface IHydroPlugin
{
    /// <summary>Adds this plugin's components.</summary>
    void Register(IComponentRegistry registry);
}

/// <summary>Receives the components of a plugin.</summary>
public interface IComponentRegistry
{
    /// <summary>Adds a component class; it must carry <see cref="ComponentAttribute"/> and implement one contract.</summary>
    void Add(Type componentType);
}

/// <summary>Generic shorthand for <see cref="IComponentRegistry.Add(Type)"/>.</summary>
public static class ComponentRegistryExtensions
{
    /// <summary>Adds component <typeparamref name="T"/>.</summary>
    public static IComponentRegistry Add<T>(this IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add(typeof(T));
        return registry;
    }
}

/// <summary>Names the <see cref="IHydroPlugin"/> entry point of the assembly: <c>[assembly: HydroPlugin(typeof(MyPlugin))]</c>.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class HydroPluginAttribute(Type entryPoint) : Attribute
{
    /// <summary>A public class with a parameterless constructor implementing <see cref="IHydroPlugin"/>.</summary>
    public Type EntryPoint { get; } = entryPoint;
}
