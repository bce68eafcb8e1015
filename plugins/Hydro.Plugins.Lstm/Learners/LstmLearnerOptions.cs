using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Plugins.Lstm.Learners;

/// <summary>Options of the <c>lstm</c> parameter learner (dPL's g_A of Feng et al. 2022).</summary>
public sealed class LstmLearnerOptions
{
    /// <summary>Features of the hidden and cell states, 1–4096 (Feng et al. 2022: 256).</summary>
    [Description("Size of the LSTM's hidden and cell states (Feng et al. 2022: 256).")]
    [Range(1, 4096)]
    public int HiddenSize { get; init; } = 256;

    /// <summary>Dropout on the LSTM output before the linear layer, 0–0.95.</summary>
    [Description("Probability of zeroing an element of the LSTM output before the linear layer, in training only.")]
    [Range(0.0, 0.95)]
    public double Dropout { get; init; } = 0.5;
}
