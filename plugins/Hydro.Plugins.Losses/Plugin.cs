using Hydro.Abstractions.Components;

[assembly: HydroPlugin(typeof(Hydro.Plugins.Losses.Plugin))]

namespace Hydro.Plugins.Losses;

/// <summary>Registers this assembly's components.</summary>
public sealed class Plugin : IHydroPlugin
{
    /// <inheritdoc/>
    public void Register(IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
    }
}
