using Hydro.Abstractions.Components;

namespace Hydro.Plugins.Lstm.Learners;

/// <summary>Adds this plugin's parameter learners to a registry: <c>lstm</c>, <c>mlp</c>, <c>free</c>, <c>fixed</c>.</summary>
public static class LearnerRegistration
{
    /// <summary>Registers the learners.</summary>
    public static void AddParameterLearners(this IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add<LstmLearner>();
        registry.Add<MlpLearner>();
        registry.Add<FreeLearner>();
        registry.Add<FixedLearner>();
    }
}
