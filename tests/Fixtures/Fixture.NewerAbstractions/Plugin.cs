using Hydro.Abstractions.Components;

[assembly: HydroPlugin(typeof(Fixture.NewerAbstractions.Plugin))]

namespace Fixture.NewerAbstractions;

public sealed class Plugin : IHydroPlugin
{
    public void Register(IComponentRegistry registry) => registry.Add<NewerLoss>();
}
