using Hydro.Abstractions.Components;

[assembly: HydroPlugin(typeof(Hydro.Plugins.Lstm.Plugin))]

namespace Hydro.Plugins.Lstm;

/// <summary>Registers this assembly's components.</summary>
public sealed class Plugin : IHydroPlugin
{
    /// <inheritdoc/>
    public void Register(IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
    }
}
