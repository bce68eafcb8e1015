using Hydro.Torch;

namespace Hydro.Plugins.Lstm.Fhnn;

/// <summary>
/// One level of the inverse model: an LSTM over the sequence and another over the reversed sequence
/// (<c>torch.flip</c>), summarised by their final hidden states.
/// </summary>
/// <remarks>
/// Hydro.Torch's native LSTM kernel is unidirectional, so the two directions are two <see cref="nn.LSTM"/> modules,
/// <c>forward</c> and <c>backward</c>; their parameters correspond one to one to PyTorch's
/// <c>nn.LSTM(bidirectional=True)</c> (<c>forward.weight_ih_l0</c> ↔ <c>weight_ih_l0</c>,
/// <c>backward.weight_ih_l0</c> ↔ <c>weight_ih_l0_reverse</c>, …).
/// </remarks>
internal sealed class BidirectionalLstm : nn.Module
{
    private readonly nn.LSTM forwardLstm;
    private readonly nn.LSTM backwardLstm;

    /// <summary>Creates both directions, drawn from <paramref name="generator"/>, forward first.</summary>
    public BidirectionalLstm(long inputs, long hidden, double initialForgetBias, Generator? generator)
        : base(nameof(BidirectionalLstm))
    {
        forwardLstm = new nn.LSTM(inputs, hidden, batch_first: true, generator: generator);
        backwardLstm = new nn.LSTM(inputs, hidden, batch_first: true, generator: generator);
        register_module("forward", forwardLstm);
        register_module("backward", backwardLstm);
        FhnnBackbone.SetForgetBias(forwardLstm, initialForgetBias);
        FhnnBackbone.SetForgetBias(backwardLstm, initialForgetBias);
    }

    /// <summary>
    /// The level's summary <c>[h_fwd[n−1] ‖ h_bwd[0]]</c> [B, 2H] of a sequence [B, n, inputs]: the forward state after
    /// the last (newest) step and the backward state after it has read back to the first (oldest) step, so that each
    /// direction contributes the state that has seen the whole sequence.
    /// </summary>
    public Tensor Summary(Tensor sequence)
    {
        using var scope = torch.NewDisposeScope();
        var (_, (hForward, _)) = forwardLstm.forward(sequence);
        var (_, (hBackward, _)) = backwardLstm.forward(sequence.flip(1));
        return torch.cat([hForward[0], hBackward[0]], 1).MoveToOuterDisposeScope();
    }
}
