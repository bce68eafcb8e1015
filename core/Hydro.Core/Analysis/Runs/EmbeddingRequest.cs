namespace Hydro.Core.Analysis.Runs;

/// <summary>What <see cref="EmbeddingAnalysis.Run"/> computes (the member and epoch come with the opened run).</summary>
public sealed record EmbeddingRequest
{
    /// <summary>The period whose last window feeds the embedding (it depends on the attributes alone for ealstm); <c>train</c> when null.</summary>
    public string? Period { get; init; }

    /// <summary>Smallest number of clusters, ≥ 2.</summary>
    public int MinK { get; init; } = 2;

    /// <summary>Largest number of clusters (cut to basins − 1), ≥ <see cref="MinK"/>; the paper sweeps 2..15.</summary>
    public int MaxK { get; init; } = 15;

    /// <summary>k-means restarts per k (k-means++ seedings; the lowest inertia is kept), ≥ 1.</summary>
    public int Restarts { get; init; } = 10;

    /// <summary>Seed of the k-means draws: the same seed gives the same clusters.</summary>
    public int RandomSeed { get; init; }

    /// <summary>Static variables whose variance the clusterings explain; the CAMELS signatures the dataset has when null (<see cref="EmbeddingAnalysis.CamelsSignatures"/>).</summary>
    public IReadOnlyList<string>? Signatures { get; init; }

    /// <summary>The results folder; <c>RUN/analysis/embedding</c> (with <c>_seed_N</c>, <c>_epoch_NNN</c>) when null. Replaced if it exists.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The device; the experiment's when null.</summary>
    public string? Device { get; init; }

    /// <summary>Stops between steps (nothing is written).</summary>
    public CancellationToken CancellationToken { get; init; }
}
