using Hydro.Core.Plugins;
using Microsoft.Extensions.Logging;

namespace Hydro.Core.Training;

/// <summary>How to run a training (not part of the experiment: where, with what plugins, how to report).</summary>
public sealed class TrainOptions
{
    /// <summary>The run directory to create; <c>&lt;output_dir&gt;/&lt;name&gt;_&lt;yyyyMMdd_HHmmss&gt;</c> when null. It must not exist.</summary>
    public string? RunDirectory { get; init; }

    /// <summary>The plugins loaded for this run, written to <c>plugins.lock</c>; an empty lock when null.</summary>
    public PluginLock? PluginLock { get; init; }

    /// <summary>The experiment file's text as loaded, written to <c>config.yaml</c>; read from the experiment's file when null.</summary>
    public string? ExperimentText { get; init; }

    /// <summary>Stops training at the end of the current batch and leaves a resumable checkpoint.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Receives per-batch progress (called synchronously on the training thread).</summary>
    public IProgress<TrainingProgress>? Progress { get; init; }

    /// <summary>Receives warnings and per-epoch summaries.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>
    /// Stops (resumably) once this many epochs of the current model are complete, e.g. to train in slices of a
    /// time-limited job; the whole <c>training.epochs</c> when null.
    /// </summary>
    public int? StopAfterEpoch { get; init; }

    /// <summary>The clock that names the run directory; local time when null.</summary>
    public Func<DateTime>? Now { get; init; }

    /// <summary>
    /// Takes over the lock on the new run directory (<see cref="Runs.RunLock"/>) when <c>Train</c> has created it, to
    /// keep it past <c>Train</c> (e.g. through the evaluation that follows) and release it; when null, <c>Train</c>
    /// releases it on return.
    /// </summary>
    public Action<Runs.RunLock>? KeepRunLock { get; init; }
}

/// <summary>Progress of one training step.</summary>
/// <param name="Seed">The seed of the model being trained (one per ensemble member).</param>
/// <param name="Epoch">Epoch in progress, 1-based.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="Loss">Loss of the batch just done.</param>
/// <param name="Eta">Estimated time left for this model, from the mean batch time of this session.</param>
public sealed record TrainingProgress(int Seed, int Epoch, int Epochs, int Batch, int Batches, double Loss, TimeSpan? Eta);

/// <summary>How a training ended.</summary>
public enum TrainingStatus
{
    /// <summary>Every epoch of every model ran.</summary>
    Completed,

    /// <summary>Validation stopped improving (each model that stopped early is complete).</summary>
    EarlyStopped,

    /// <summary>Cancelled; a checkpoint was written at the end of the last batch and <c>Resume</c> continues from it.</summary>
    Cancelled,

    /// <summary>Stopped at <see cref="TrainOptions.StopAfterEpoch"/>; resumable.</summary>
    Paused,
}

/// <summary>One model's outcome.</summary>
/// <param name="Seed">Its seed.</param>
/// <param name="Directory">Its folder (the run directory, or <c>seed_N</c>).</param>
/// <param name="Status">How it ended.</param>
/// <param name="Epochs">Epochs completed.</param>
/// <param name="BestEpoch">Epoch of the best validation median NSE, or null without validation.</param>
/// <param name="BestValidationNse">The best validation median NSE, or null.</param>
public sealed record MemberResult(int Seed, string Directory, TrainingStatus Status, int Epochs, int? BestEpoch, double? BestValidationNse);

/// <summary>The outcome of <see cref="TrainingService.Train"/> or <see cref="TrainingService.Resume"/>.</summary>
/// <param name="RunDirectory">The run directory.</param>
/// <param name="Status">Completed, early-stopped (all models finished), cancelled or paused (resumable).</param>
/// <param name="Members">One entry per model trained or found finished.</param>
/// <param name="Warnings">Data problems that did not stop training (e.g. basins without observations).</param>
public sealed record TrainingResult(string RunDirectory, TrainingStatus Status, IReadOnlyList<MemberResult> Members, IReadOnlyList<string> Warnings)
{
    /// <summary>Whether <c>Resume</c> has work left.</summary>
    public bool Resumable => Status is TrainingStatus.Cancelled or TrainingStatus.Paused;
}

/// <summary>Training failed in a way the user can act on (no valid window, non-finite loss, bad run directory …).</summary>
public sealed class TrainingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TrainingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public TrainingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
