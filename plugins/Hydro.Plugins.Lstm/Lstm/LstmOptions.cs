using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Plugins.Lstm.Lstm;

/// <summary>Options of the <c>lstm</c> backbone (neuralhydrology's <c>cudalstm</c>).</summary>
public sealed class LstmOptions
{
    /// <summary>Features of the hidden and cell states, 1–4096 (Kratzert et al. 2019: 256).</summary>
    [Description("Size of the LSTM's hidden and cell states (Kratzert et al. 2019: 256).")]
    [Range(1, 4096)]
    public int HiddenSize { get; init; } = 256;

    /// <summary>Stacked LSTM layers, 1–8.</summary>
    [Description("Number of stacked LSTM layers; dropout acts only after the last one.")]
    [Range(1, 8)]
    public int NumLayers { get; init; } = 1;

    /// <summary>Dropout probability on the LSTM output before the linear head, 0–0.95 (Kratzert et al. 2019: 0.4).</summary>
    [Description("Probability of zeroing an element of the LSTM output before the linear head, in training only (Kratzert et al. 2019: 0.4).")]
    [Range(0.0, 0.95)]
    public double Dropout { get; init; } = 0.4;

    /// <summary>Initial value of the first layer's hidden-to-hidden forget-gate bias (neuralhydrology: 3).</summary>
    [Description("Initial value of the forget-gate slice of bias_hh_l0, as neuralhydrology sets it: a positive value keeps the forget gate open at the start of training, which helps gradients flow over long sequences.")]
    [Range(-100.0, 100.0)]
    public double InitialForgetBias { get; init; } = 3.0;
}
