using Hydro.Abstractions.Components;

[assembly: HydroPlugin(typeof(Fixture.DuplicateA.Plugin))]

namespace Fixture.DuplicateA;

public sealed class Plugin : IHydroPlugin
{
    public void Register(IComponentRegistry registry) => registry.Add<DuplicateLoss>();
}
