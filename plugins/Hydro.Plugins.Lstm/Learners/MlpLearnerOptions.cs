using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Plugins.Lstm.Learners;

/// <summary>Options of the <c>mlp</c> parameter learner.</summary>
public sealed class MlpLearnerOptions
{
    /// <summary>Units of each hidden layer, 1–4096.</summary>
    [Description("Units of each hidden layer, 1 to 4096.")]
    [Range(1, 4096)]
    public int HiddenSize { get; init; } = 256;

    /// <summary>Hidden layers, 1–8.</summary>
    [Description("Number of hidden layers (Linear + ReLU), 1 to 8.")]
    [Range(1, 8)]
    public int NumLayers { get; init; } = 2;

    /// <summary>Dropout after each hidden layer, 0–0.95.</summary>
    [Description("Probability of zeroing an element after each hidden layer, in training only.")]
    [Range(0.0, 0.95)]
    public double Dropout { get; init; }
}
