namespace Hydro.Core.Analysis.Runs;

/// <summary>What <see cref="SensitivityAnalysis.Run"/> computes (the members and epoch come with the opened run).</summary>
public sealed record SensitivityRequest
{
    /// <summary>train, validation or test; the experiment's <c>evaluation.period</c> when null.</summary>
    public string? Period { get; init; }

    /// <summary>The target differentiated; the experiment's first target when null.</summary>
    public string? Target { get; init; }

    /// <summary>
    /// Steps scored per window, ≥ 1 and ≤ <c>sequence_length</c>: windows tile the period this many days apart and
    /// each costs one backward pass per scored step. The run's <c>predict_last_n</c> when null.
    /// </summary>
    public int? ScoredSteps { get; init; }

    /// <summary>Windows per forward pass; the run's <c>training.batch_size</c> when null.</summary>
    public int? BatchSize { get; init; }

    /// <summary>The results folder; <c>RUN/analysis/sensitivity_&lt;period&gt;</c> (with <c>_seed_N</c>, <c>_epoch_NNN</c>) when null. Replaced if it exists.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The device; the experiment's when null.</summary>
    public string? Device { get; init; }

    /// <summary>Windows done and in total.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }

    /// <summary>Stops between batches (nothing is written).</summary>
    public CancellationToken CancellationToken { get; init; }
}
