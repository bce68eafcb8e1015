using Hydro.Abstractions.Components;
using Hydro.Plugins.Losses.Kge;
using Hydro.Plugins.Losses.Mse;
using Hydro.Plugins.Losses.NseStar;
using Hydro.Plugins.Losses.Rmse;
using Hydro.Plugins.Losses.RmseLogSqrt;

[assembly: HydroPlugin(typeof(Hydro.Plugins.Losses.Plugin))]

namespace Hydro.Plugins.Losses;

/// <summary>Registers this assembly's losses: <c>mse</c>, <c>nse_star</c>, <c>rmse</c>, <c>rmse_logsqrt</c>, <c>kge</c>.</summary>
public sealed class Plugin : IHydroPlugin
{
    /// <inheritdoc/>
    public void Register(IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add<MseLoss>().Add<NseStarLoss>().Add<RmseLoss>().Add<RmseLogSqrtLoss>().Add<KgeLoss>();
    }
}
