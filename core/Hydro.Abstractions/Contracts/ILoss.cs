using Hydro.Torch;

namespace Hydro.Abstractions.Contracts;

/// <summary>A training objective: (prediction, observation, mask, per-basin statistics) → scalar tensor.</summary>
public interface ILoss
{
    /// <summary>The loss over the observed entries.</summary>
    /// <param name="prediction">Predictions [B, T, K].</param>
    /// <param name="observation">Observations [B, T, K] (values where <paramref name="mask"/> is false are ignored).</param>
    /// <param name="mask">True where observed [B, T, K].</param>
    /// <param name="statistics">Per-basin statistics (e.g. target std for NSE*), when the loss needs them.</param>
    Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics);
}
