using Hydro.Abstractions.Components;

[assembly: HydroPlugin(typeof(Fixture.Isolated.Plugin))]

namespace Fixture.Isolated;

public sealed class Plugin : IHydroPlugin
{
    public void Register(IComponentRegistry registry) => registry.Add<IsolatedLoss>();
}
