using Hydro.Abstractions.Components;
using Hydro.Plugins.Data.Synthetic;

[assembly: HydroPlugin(typeof(Hydro.Plugins.Data.Plugin))]

namespace Hydro.Plugins.Data;

/// <summary>Registers this assembly's datasets: <c>synthetic</c>, <c>camels_us</c>, <c>caravan</c>, <c>synthetic_grid</c>, <c>netcdf_grid</c>.</summary>
public sealed class Plugin : IHydroPlugin
{
    /// <inheritdoc/>
    public void Register(IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add<SyntheticDataset>();
        registry.Add<CamelsUs.CamelsUsDataset>();
        registry.Add<Caravan.CaravanDataset>();
        registry.Add<SyntheticGrid.SyntheticGridDataset>();
        registry.Add<NetCdfGrid.NetCdfGridDataset>();
    }
}
