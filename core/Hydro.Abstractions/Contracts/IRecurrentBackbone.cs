using Hydro.Torch;

namespace Hydro.Abstractions.Contracts;

/// <summary>
/// A backbone whose recurrent states analyses can read: probes that regress a hydrological store on the cell state
/// (Lees et al. 2022), "which cell tracks snow", and clustering of a per-basin embedding (Kratzert et al. 2019). A
/// lab's own recurrent backbone becomes probe-able by implementing it.
/// </summary>
/// <remarks>
/// Both methods run in the module's current mode (call <c>eval()</c> first for dropout-free states) and record autograd
/// unless the caller wraps them in <c>torch.no_grad()</c>. Rows are independent: row b of every result depends only on
/// row b of the batch.
/// </remarks>
public interface IRecurrentBackbone : IBackbone
{
    /// <summary>Width H of the hidden and cell states.</summary>
    long HiddenSize { get; }

    /// <summary>
    /// Runs the model over <paramref name="batch"/> and returns the hidden state h[t] and cell state c[t] of its last
    /// recurrent layer at every step, [B, T, H] each, together with the prediction [B, T, K] of <see cref="IBackbone.Forward"/>.
    /// </summary>
    /// <param name="batch">Inputs, checked like <see cref="IBackbone.Forward"/> checks them.</param>
    /// <param name="parameters">Physical parameters from a learner, or null (as for <see cref="IBackbone.Forward"/>).</param>
    RecurrentStates ForwardStates(Batch batch, Tensor? parameters);

    /// <summary>
    /// A per-basin vector the model learned from the static attributes, [B, E] (EA-LSTM: its input gate, E = H), or
    /// null when the model has none (an LSTM that concatenates the attributes to every step).
    /// </summary>
    Tensor? Embedding(Batch batch);
}
