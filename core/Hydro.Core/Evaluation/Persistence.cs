using Hydro.Core.Data;

namespace Hydro.Core.Evaluation;

/// <summary>
/// The persistence forecast, the baseline every forecast is scored against: the value observed at the issue time,
/// held for every lead time.
/// </summary>
/// <remarks>
/// ŷ(t + h | t) = y(t) for h = 1..H; NaN when y(t) is missing (no gap filling from earlier days, so the baseline never
/// uses information the model does not have and is scored only where it exists).
/// </remarks>
public static class Persistence
{
    /// <summary>The persistence forecast of target <paramref name="target"/> issued at row <paramref name="issueRow"/> of <paramref name="basin"/> (any lead).</summary>
    public static float Forecast(BasinData basin, int issueRow, int target)
    {
        ArgumentNullException.ThrowIfNull(basin);
        ArgumentOutOfRangeException.ThrowIfNegative(issueRow);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(issueRow, basin.Steps);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(target, basin.TargetCount);
        return basin.Targets[(issueRow * basin.TargetCount) + target];
    }
}
