using Hydro.Abstractions.Components;
using Hydro.Plugins.Hbv.Hbv;

[assembly: HydroPlugin(typeof(Hydro.Plugins.Hbv.Plugin))]

namespace Hydro.Plugins.Hbv;

/// <summary>Registers this assembly's backbones: <c>hbv</c>.</summary>
public sealed class Plugin : IHydroPlugin
{
    /// <inheritdoc/>
    public void Register(IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add<HbvBackbone>();
    }
}
