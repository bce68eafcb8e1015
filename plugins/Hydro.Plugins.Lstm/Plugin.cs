using Hydro.Abstractions.Components;
using Hydro.Plugins.Lstm.Lstm;

[assembly: HydroPlugin(typeof(Hydro.Plugins.Lstm.Plugin))]

namespace Hydro.Plugins.Lstm;

/// <summary>Registers this assembly's backbones: <c>lstm</c>.</summary>
public sealed class Plugin : IHydroPlugin
{
    /// <inheritdoc/>
    public void Register(IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add<LstmBackbone>();
        Learners.LearnerRegistration.AddParameterLearners(registry);
    }
}
