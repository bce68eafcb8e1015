using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;
using Hydro.Core.Models;
using Hydro.Torch;

namespace Hydro.Core.Evaluation;

/// <summary>
/// The loop every prediction over a period shares (evaluation, forecasts, attention maps): models in evaluation mode,
/// no gradients, the windows in batches of <c>batchSize</c>, each batch built and used inside its own dispose scope.
/// </summary>
internal static class InferenceBatches
{
    /// <summary>Calls <paramref name="onBatch"/> with each slice of <paramref name="windows"/> and its batch (disposed after the call).</summary>
    /// <param name="models">The models to put in evaluation mode.</param>
    /// <param name="batcher">Builds the batches.</param>
    /// <param name="windows">The windows, in order.</param>
    /// <param name="batchSize">Windows per batch.</param>
    /// <param name="onBatch">What to do with a batch; tensors it keeps must leave the scope (<c>MoveToOuterDisposeScope</c>) or be copied to the host.</param>
    /// <param name="progress">Windows done and total, after each batch.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    public static void Run(IReadOnlyList<HydroModel> models, Batcher batcher, IReadOnlyList<WindowRef> windows, int batchSize,
        Action<WindowRef[], Batch> onBatch, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        foreach (var m in models)
        {
            m.Train(false);
        }

        var done = 0;
        using var noGrad = torch.no_grad();
        foreach (var slice in windows.Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            onBatch(slice, batcher.Build(slice));
            done += slice.Length;
            progress?.Report((done, windows.Count));
        }
    }
}
