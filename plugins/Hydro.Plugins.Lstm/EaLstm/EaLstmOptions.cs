using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Plugins.Lstm.EaLstm;

/// <summary>Options of the <c>ealstm</c> backbone: those of <c>lstm</c> but <c>num_layers</c> (the EA-LSTM has one layer).</summary>
public sealed class EaLstmOptions
{
    /// <summary>Features of the hidden and cell states (and of the catchment embedding), 1–4096 (Kratzert et al. 2019: 256).</summary>
    [Description("Size of the hidden and cell states, and so of the learned catchment embedding (the input gate); Kratzert et al. (2019): 256.")]
    [Range(1, 4096)]
    public int HiddenSize { get; init; } = 256;

    /// <summary>Dropout probability on the hidden state before the linear head, 0–0.95 (Kratzert et al. 2019: 0.4).</summary>
    [Description("Probability of zeroing an element of the hidden state before the linear head, in training only (Kratzert et al. 2019: 0.4).")]
    [Range(0.0, 0.95)]
    public double Dropout { get; init; } = 0.4;

    /// <summary>Initial bias of the forget gate (neuralhydrology: 3).</summary>
    [Description("Initial value of the forget-gate bias: a positive value keeps the forget gate open at the start of training, which helps gradients flow over long sequences.")]
    [Range(-100.0, 100.0)]
    public double InitialForgetBias { get; init; } = 3.0;
}
