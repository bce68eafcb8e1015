using Hydro.Torch;

namespace Hydro.Plugins.Lstm.Fhnn;

/// <summary>The inverse model's view of the history at a coarser resolution: means over blocks that end at the issue time.</summary>
public static class HistoryPooling
{
    /// <summary>
    /// Averages <paramref name="history"/> [B, L, F] over blocks of <paramref name="scale"/> steps aligned to the window
    /// end: block j covers steps <c>r + j·s … r + (j+1)·s − 1</c> with <c>r = L − n·s</c>, <c>n = ⌊L / s⌋</c>, so the last
    /// block ends at step L − 1 (the issue time) and the r leftover steps at the start are dropped.
    /// </summary>
    /// <returns>[B, ⌊L / s⌋, F].</returns>
    /// <remarks>
    /// Aligning to the end keeps the most recent block whole whatever L is: the newest observations, which carry the
    /// most information about the state at the issue time, are never the ones cut.
    /// </remarks>
    /// <exception cref="ArgumentException">The history is shorter than one block.</exception>
    public static Tensor Pool(Tensor history, int scale)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var (batch, steps, features) = (history.size(0), history.size(1), history.size(2));
        var blocks = steps / scale;
        if (blocks == 0)
        {
            throw new ArgumentException($"a history of {steps} steps holds no block of {scale} steps");
        }

        var used = blocks * scale;
        return history.narrow(1, steps - used, used).reshape(batch, blocks, scale, features).mean(2);
    }
}
