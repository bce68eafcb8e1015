using Hydro.Abstractions.Components;

[assembly: HydroPlugin(typeof(Fixture.DuplicateB.Plugin))]

namespace Fixture.DuplicateB;

public sealed class Plugin : IHydroPlugin
{
    public void Register(IComponentRegistry registry) => registry.Add<DuplicateLoss>();
}
