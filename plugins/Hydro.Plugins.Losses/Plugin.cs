using Hydro.Abstractions.Components;
using Hydro.Plugins.Losses.Mse;
using Hydro.Plugins.Losses.NseStar;
using Hydro.Plugins.Losses.Rmse;

[assembly: HydroPlugin(typeof(Hydro.Plugins.Losses.Plugin))]

namespace Hydro.Plugins.Losses;

/// <summary>Registers this assembly's losses: <c>mse</c>, <c>nse_star</c>, <c>rmse</c>.</summary>
public sealed class Plugin : IHydroPlugin
{
    /// <inheritdoc/>
    public void Register(IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add<MseLoss>().Add<NseStarLoss>().Add<RmseLoss>();
    }
}
