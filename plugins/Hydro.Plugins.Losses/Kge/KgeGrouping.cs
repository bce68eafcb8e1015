namespace Hydro.Plugins.Losses.Kge;

/// <summary>Over which entries the <c>kge</c> loss computes one KGE.</summary>
public enum KgeGrouping
{
    /// <summary>One KGE per batch row (a basin's window), then the mean of 1 − KGE over the rows.</summary>
    Sample,

    /// <summary>One KGE over all observed entries of the batch pooled.</summary>
    Batch,
}
