namespace Hydro.Abstractions.Components;

/// <summary>The slot a component fills in an experiment; decided by the contract it implements.</summary>
public enum ComponentKind
{
    /// <summary>Provides samples (an <c>IDataset</c>).</summary>
    Dataset,

    /// <summary>Maps inputs (and parameters) to outputs (an <c>IBackbone</c>).</summary>
    Backbone,

    /// <summary>Maps inputs to a backbone's physical parameters (an <c>IParameterLearner</c>).</summary>
    ParameterLearner,

    /// <summary>Scores predictions against observations (an <c>ILoss</c>).</summary>
    Loss,
}
