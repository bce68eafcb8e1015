using Hydro.Abstractions.Components;

[assembly: HydroPlugin(typeof(Hydro.Plugins.Data.Plugin))]

namespace Hydro.Plugins.Data;

/// <summary>Registers this assembly's components.</summary>
public sealed class Plugin : IHydroPlugin
{
    /// <inheritdoc/>
    public void Register(IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add<CamelsUs.CamelsUsDataset>();
        registry.Add<Caravan.CaravanDataset>();
    }
}
