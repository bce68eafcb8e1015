namespace Hydro.Core.Analysis.Runs;

/// <summary>One clustered space of an embedding analysis: the learned embedding or the standardised attributes.</summary>
/// <param name="Name"><c>embedding</c> or <c>attributes</c>.</param>
/// <param name="Dimensions">Coordinates per basin.</param>
/// <param name="Sweep">k-means and silhouettes for each k.</param>
/// <param name="ChosenK">The k with the highest mean silhouette (the smaller k on a tie).</param>
public sealed record ClusteredSpace(string Name, int Dimensions, IReadOnlyList<ClusterCount> Sweep, int ChosenK)
{
    /// <summary>The clustering of <see cref="ChosenK"/>.</summary>
    public ClusterCount Chosen => Sweep.Single(c => c.K == ChosenK);

    /// <summary>The clustering of <paramref name="k"/>.</summary>
    public ClusterCount At(int k) => Sweep.Single(c => c.K == k);
}

/// <summary>η² of one signature under both clusterings at one k.</summary>
/// <param name="Signature">The static variable.</param>
/// <param name="K">Clusters.</param>
/// <param name="Embedding">η² under the embedding's k-means; NaN without an embedding.</param>
/// <param name="Attributes">η² under the attributes' k-means.</param>
public sealed record SignatureVariance(string Signature, int K, double Embedding, double Attributes);

/// <summary>What an embedding analysis wrote (<see cref="EmbeddingAnalysis.Run"/>).</summary>
/// <param name="OutputDirectory">The results folder.</param>
/// <param name="Seed">The member whose embedding was clustered.</param>
/// <param name="Basins">The basins clustered, in row order.</param>
/// <param name="Embedding">The learned embedding's sweep; null when the backbone has none.</param>
/// <param name="Attributes">The standardised static attributes' sweep.</param>
/// <param name="Signatures">η² per signature and k (every k of the sweep).</param>
/// <param name="Warnings">Basins or signatures left out and why, and a backbone without an embedding.</param>
public sealed record EmbeddingReport(
    string OutputDirectory,
    int Seed,
    IReadOnlyList<string> Basins,
    ClusteredSpace? Embedding,
    ClusteredSpace Attributes,
    IReadOnlyList<SignatureVariance> Signatures,
    IReadOnlyList<string> Warnings);
