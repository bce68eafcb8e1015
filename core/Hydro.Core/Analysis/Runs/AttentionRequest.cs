namespace Hydro.Core.Analysis.Runs;

/// <summary>What <see cref="AttentionAnalysis.Run"/> computes (the members and epoch come with the opened run).</summary>
public sealed record AttentionRequest
{
    /// <summary>train, validation or test; the experiment's <c>evaluation.period</c> when null.</summary>
    public string? Period { get; init; }

    /// <summary>Windows per forward pass; the run's <c>training.batch_size</c> when null.</summary>
    public int? BatchSize { get; init; }

    /// <summary>The results folder; <c>RUN/analysis/attention_&lt;period&gt;</c> (with <c>_seed_N</c>, <c>_epoch_NNN</c>) when null. Replaced if it exists.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The device; the experiment's when null.</summary>
    public string? Device { get; init; }

    /// <summary>
    /// Draws pictures into the folder being written (before it is renamed into place); the host passes the PNG writer
    /// of Hydro.Reporting here, so that the core does not depend on a plotting library. Nothing is drawn when null.
    /// </summary>
    public Action<string, AttentionReport>? Draw { get; init; }

    /// <summary>Windows done and in total.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }

    /// <summary>Stops between batches (nothing is written).</summary>
    public CancellationToken CancellationToken { get; init; }
}
