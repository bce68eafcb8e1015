using Hydro.Abstractions.Components;
using Hydro.Plugins.Lstm.EaLstm;
using Hydro.Plugins.Lstm.Fhnn;
using Hydro.Plugins.Lstm.Lstm;

[assembly: HydroPlugin(typeof(Hydro.Plugins.Lstm.Plugin))]

namespace Hydro.Plugins.Lstm;

/// <summary>Registers this assembly's backbones <c>lstm</c>, <c>ealstm</c>, <c>fhnn</c> and parameter learners <c>lstm</c>, <c>mlp</c>, <c>free</c>.</summary>
public sealed class Plugin : IHydroPlugin
{
    /// <inheritdoc/>
    public void Register(IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add<LstmBackbone>();
        registry.Add<EaLstmBackbone>();
        registry.Add<FhnnBackbone>();
        Learners.LearnerRegistration.AddParameterLearners(registry);
    }
}
