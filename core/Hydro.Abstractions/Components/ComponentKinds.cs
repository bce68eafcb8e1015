using Hydro.Abstractions.Contracts;

namespace Hydro.Abstractions.Components;

/// <summary>Which contract a component class implements.</summary>
public static class ComponentKinds
{
    /// <summary>The contract interface of each kind.</summary>
    public static Type ContractOf(ComponentKind kind) => kind switch
    {
        ComponentKind.Dataset => typeof(IDataset),
        ComponentKind.Backbone => typeof(IBackbone),
        ComponentKind.ParameterLearner => typeof(IParameterLearner),
        ComponentKind.Loss => typeof(ILoss),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kinds whose contracts <paramref name="componentType"/> implements (normally exactly one).</summary>
    public static IReadOnlyList<ComponentKind> Of(Type componentType) =>
        Enum.GetValues<ComponentKind>().Where(k => ContractOf(k).IsAssignableFrom(componentType)).ToArray();
}
