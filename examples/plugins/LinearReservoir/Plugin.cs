using Hydro.Abstractions.Components;

[assembly: HydroPlugin(typeof(LinearReservoir.Plugin))]

namespace LinearReservoir;

/// <summary>The plugin's one entry point: registers its components with the host.</summary>
public sealed class Plugin : IHydroPlugin
{
    /// <inheritdoc/>
    public void Register(IComponentRegistry registry) => registry.Add<LinearReservoirBackbone>();
}
