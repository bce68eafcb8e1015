using Hydro.Abstractions.Components;
using Hydro.Plugins.Attention.HydroTrace;

[assembly: HydroPlugin(typeof(Hydro.Plugins.Attention.Plugin))]

namespace Hydro.Plugins.Attention;

/// <summary>Registers this assembly's backbone <c>hydrotrace</c>.</summary>
public sealed class Plugin : IHydroPlugin
{
    /// <inheritdoc/>
    public void Register(IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add<HydroTraceBackbone>();
    }
}
