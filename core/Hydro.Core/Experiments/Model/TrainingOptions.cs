using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace Hydro.Core.Experiments.Model;

/// <summary>The training loop.</summary>
public sealed class TrainingOptions
{
    /// <summary>Passes over the training data, 1 to 100 000.</summary>
    [Range(1, 100_000)]
    [Unit("epochs")]
    [Description("Passes over the training data, 1 to 100000.")]
    public int Epochs { get; init; } = 30;

    /// <summary>Samples per gradient step, 1 to 1 000 000.</summary>
    [Range(1, 1_000_000)]
    [Unit("samples")]
    [Description("Samples (basin x window) per gradient step, 1 to 1000000.")]
    public int BatchSize { get; init; } = 256;

    /// <summary>Length of each input window, 1 to 100 000 days.</summary>
    [Range(1, 100_000)]
    [Unit("days")]
    [Description("Length of each input window, 1 to 100000 time steps.")]
    public int SequenceLength { get; init; } = 365;

    /// <summary>Trailing steps of each window scored by the loss, 1 to sequence_length.</summary>
    [Range(1, 100_000)]
    [Unit("days")]
    [Description("Trailing steps of each window scored by the loss, 1 to sequence_length.")]
    public int PredictLastN { get; init; } = 1;

    /// <summary>Leading steps of each window that spin up states and are never scored, below sequence_length.</summary>
    [Range(0, 100_000)]
    [Unit("days")]
    [Description("Leading steps that spin up model states and are never scored; below sequence_length.")]
    public int Warmup { get; init; }

    /// <summary>Maximum global gradient norm; no clipping when absent.</summary>
    [Range(0.0, 1e6, MinimumIsExclusive = true)]
    [Description("Maximum global L2 norm of the gradients; no clipping when absent.")]
    public double? ClipGradNorm { get; init; }

    /// <summary>Epochs between validations, at least 1.</summary>
    [Range(1, 100_000)]
    [Unit("epochs")]
    [Description("Epochs between validations, at least 1.")]
    public int ValidateEvery { get; init; } = 1;

    /// <summary>Validations without improvement before training stops; never stops early when absent.</summary>
    [Range(1, 100_000)]
    [Description("Validations without improvement before training stops; no early stopping when absent.")]
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>One model per seed, averaged at evaluation; a single model (the root seed) when absent.</summary>
    [Description("Train one model per seed and average them; a single model with the root seed when absent.")]
    public IReadOnlyList<int>? EnsembleSeeds { get; init; }

    /// <summary>Epochs between checkpoints, at least 1; the last epoch is always saved.</summary>
    [Range(1, 100_000)]
    [Unit("epochs")]
    [Description("Epochs between checkpoints (checkpoints/epoch_NNN.safetensors), at least 1; the last epoch is always saved.")]
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>Windows drawn per epoch; every valid window once when absent.</summary>
    [Range(1, int.MaxValue)]
    [Unit("samples")]
    [Description("Windows drawn per epoch (a random subset without repeats); every valid training window once when absent.")]
    public int? SamplesPerEpoch { get; init; }

    /// <summary>Whether targets are standardised with training statistics (false for process backbones that predict physical units).</summary>
    [Description("Standardise the targets with training-period statistics (true for neural backbones); false when the backbone predicts physical units, e.g. HBV.")]
    public bool NormalizeTargets { get; init; } = true;

    /// <summary>A trained run whose weights every model starts from (fine-tuning); relative to the experiment file's folder.</summary>
    [Description("A trained run directory (relative to the experiment file's folder) whose weights every model starts from: its best.safetensors, or checkpoints/epoch_NNN.safetensors with init_epoch. An ensemble source gives member i to member i; RUN/seed_N names one member. A trailing * picks the newest matching run (e.g. runs/pretrain_*). The optimiser starts fresh.")]
    public string? InitFrom { get; init; }

    /// <summary>The source run's epoch checkpoint to start from; its best (else last) checkpoint when absent.</summary>
    [Range(1, 100_000)]
    [Unit("epochs")]
    [Description("Start from the source run's checkpoints/epoch_NNN.safetensors instead of its best.safetensors (else last epoch); needs init_from.")]
    public int? InitEpoch { get; init; }

    /// <summary>Whose normalisation statistics a model started with init_from uses.</summary>
    [Description("source (default): keep the source run's input and target statistics, so the weights keep their meaning (per-basin statistics for the loss are still those of this run's basins); refit: statistics of this run's training period.")]
    public InitNormalization InitNormalization { get; init; } = InitNormalization.Source;

    /// <summary>Share f of each training basin's observations kept per target: the most recent ⌈f·n⌉ of its n; 0 &lt; f ≤ 1.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    [Description("Share f (0 < f <= 1) of the training observations kept, as if each basin were gauged only recently: per basin and target the most recent ceil(f*n) of its n observations in the training period; earlier ones are missing for the loss, the training statistics and forecast observed inputs. Validation and test are untouched. 1 keeps everything.")]
    public double ObservationFraction { get; init; } = 1;

    /// <summary>Submodules whose weights are not trained (state-dict prefixes such as <c>backbone.lstm</c>, <c>learner</c>).</summary>
    [Description("Submodules whose weights stay fixed (left out of the optimiser): state-dict prefixes such as backbone, backbone.lstm, backbone.head or learner.")]
    public IReadOnlyList<string>? Freeze { get; init; }
}
