using Microsoft.Extensions.Logging;

namespace Hydro.Core.Training;

/// <summary>The training service's log messages (compiled logging delegates).</summary>
internal static partial class TrainingLogMessages
{
    [LoggerMessage(Level = LogLevel.Information, Message = "seed {Seed}: resuming from {Checkpoint} (epoch {Epoch}, batch {Batch})")]
    public static partial void Resuming(this ILogger logger, int seed, string checkpoint, int epoch, int batch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "seed {Seed}: {Damaged}; resuming from {Fallback}")]
    public static partial void CheckpointSkipped(this ILogger logger, int seed, string damaged, string fallback);

    [LoggerMessage(Level = LogLevel.Warning, Message = "seed {Seed}: cancelled in epoch {Epoch} after batch {Batch}; resume to continue")]
    public static partial void Cancelled(this ILogger logger, int seed, int epoch, int batch);

    [LoggerMessage(Level = LogLevel.Information, Message = "seed {Seed} epoch {Epoch}: train loss {TrainLoss:G4}, validation loss {ValidationLoss:G4}, median NSE {Nse:F3}")]
    public static partial void EpochDone(this ILogger logger, int seed, int epoch, double trainLoss, double validationLoss, double nse);

    [LoggerMessage(Level = LogLevel.Information, Message = "seed {Seed} epoch {Epoch}: train loss {TrainLoss:G4}")]
    public static partial void EpochDone(this ILogger logger, int seed, int epoch, double trainLoss);

    [LoggerMessage(Level = LogLevel.Information, Message = "seed {Seed}: early stop after epoch {Epoch}; best median NSE {Nse:F3} at epoch {Best}")]
    public static partial void EarlyStop(this ILogger logger, int seed, int epoch, double? nse, int? best);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void DataWarning(this ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Summary}")]
    public static partial void ObservationFraction(this ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "run directory {RunDirectory}")]
    public static partial void RunDirectory(this ILogger logger, string runDirectory);
}
