namespace Hydro.Core.Experiments.Model;

/// <summary>Where a run started with <c>training.init_from</c> takes its normalisation statistics.</summary>
public enum InitNormalization
{
    /// <summary>The source run's input and target statistics (the weights were learned on that scale).</summary>
    Source,

    /// <summary>Statistics of this run's own training period.</summary>
    Refit,
}
