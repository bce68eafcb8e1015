using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace Hydro.Plugins.Attention.HydroTrace;

/// <summary>Options of the <c>hydrotrace</c> backbone (depthwise ConvLSTM2D with spatial and feature attention).</summary>
public sealed class HydroTraceOptions
{
    /// <summary>Hidden (and cell) state channels of each input channel's ConvLSTM, Hc, 1–256.</summary>
    [Description("Hidden and cell state channels of the ConvLSTM of each gridded input channel (Hc); the model keeps C × Hc state maps.")]
    [Range(1, 256)]
    [Unit("channels")]
    public int HiddenChannels { get; init; } = 4;

    /// <summary>Side of the square convolution kernel of the ConvLSTM, odd, 1–15 (the paper: 3).</summary>
    [Description("Side of the square kernel of the ConvLSTM's input-to-gate and state-to-gate convolutions, an odd number (the paper: 3); padding keeps the grid size.")]
    [Range(1, 15)]
    [Unit("cells")]
    public int KernelSize { get; init; } = 3;

    /// <summary>Whether the spatial attention map is learnt; off, every cell of the basin weighs the same.</summary>
    [Description("Learn a spatial attention map at every step (sigmoid of a 1×1 convolution over the states); false gives every cell of the basin the same weight (ablation).")]
    public bool SpatialAttention { get; init; } = true;

    /// <summary>Side K of the learnt K × K map of where in the grid matters, added to the spatial attention's score; 0 for none, 0–64.</summary>
    [Description("Side K of a learnt K × K map of attention logits, resized bilinearly to the grid and added to the spatial attention's score, so that the map can learn where in the grid the flow comes from, which the states alone cannot tell when cells are alike; 0 leaves the score to the states (the paper). Used only with spatial_attention.")]
    [Range(0, 64)]
    [Unit("cells")]
    public int PositionResolution { get; init; } = 8;

    /// <summary>Whether the feature attention is learnt; off, every input channel weighs 1/C.</summary>
    [Description("Learn a weight per input channel at every step (softmax over channels, summing to 1); false gives every channel 1/C (ablation).")]
    public bool FeatureAttention { get; init; } = true;

    /// <summary>Units of the dense head's hidden layer (ReLU), 0 for a linear head, 0–4096.</summary>
    [Description("Units of the hidden layer (ReLU) of the dense head between the pooled states and the prediction; 0 maps the pooled states linearly to the targets.")]
    [Range(0, 4096)]
    [Unit("units")]
    public int HeadHidden { get; init; } = 32;

    /// <summary>Dropout probability on the pooled, attention-weighted states before the head, 0–0.95.</summary>
    [Description("Probability of zeroing an element of the pooled, attention-weighted states before the dense head, in training only.")]
    [Range(0.0, 0.95)]
    public double Dropout { get; init; }

    /// <summary>Steps between the last input a prediction sees and the predicted step, 0–365.</summary>
    [Description("The prediction at step t reads the gridded inputs up to step t − input_lag (the paper: 1, a 7-step window predicts the 8th step); the first input_lag steps of every window predict 0 and must not be scored (predict_last_n ≤ sequence_length − input_lag).")]
    [Range(0, 365)]
    [Unit("steps")]
    public int InputLag { get; init; } = 1;

    /// <summary>Initial value of the forget-gate bias of every ConvLSTM (Keras' unit_forget_bias: 1).</summary>
    [Description("Initial value of the forget-gate bias of every channel's ConvLSTM (Keras' unit_forget_bias sets 1): a positive value keeps the state at the start of training.")]
    [Range(-100.0, 100.0)]
    public double InitialForgetBias { get; init; } = 1.0;
}
