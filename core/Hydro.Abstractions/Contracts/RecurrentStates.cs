using Hydro.Torch;

namespace Hydro.Abstractions.Contracts;

/// <summary>The states of a recurrent backbone over a batch (<see cref="IRecurrentBackbone.ForwardStates"/>).</summary>
/// <param name="Hidden">Hidden state h[t] of the last recurrent layer after each step [B, T, H].</param>
/// <param name="Cell">Cell state c[t] of the last recurrent layer after each step [B, T, H] — the LSTM's memory.</param>
/// <param name="Prediction">The prediction of the targets from the same pass [B, T, K].</param>
public sealed record RecurrentStates(Tensor Hidden, Tensor Cell, Tensor Prediction) : IDisposable
{
    /// <inheritdoc/>
    public void Dispose()
    {
        Hidden.Dispose();
        Cell.Dispose();
        Prediction.Dispose();
    }
}
