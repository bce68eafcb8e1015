using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Plugins.Lstm.Fhnn;

/// <summary>Options of the <c>fhnn</c> forecast backbone (models.md §3; Ghosh et al. 2024).</summary>
public sealed class FhnnOptions : IValidatableObject
{
    /// <summary>Features of each direction's hidden state at every level of the inverse model, 1–4096.</summary>
    [Description("Size of the hidden state of each direction of every level's bidirectional LSTM in the inverse model (and of the latent MLP's hidden layer).")]
    [Range(1, 4096)]
    public int HiddenSize { get; init; } = 64;

    /// <summary>Features of the forward model's LSTM state, 1–4096.</summary>
    [Description("Size of the hidden and cell states of the forward model's LSTM, which runs over the forecast horizon.")]
    [Range(1, 4096)]
    public int ForwardHiddenSize { get; init; } = 128;

    /// <summary>Features of each latent state z (one per scale), 1–1024.</summary>
    [Description("Size of each latent state z (z_fast, z_medium, z_slow: one per scale) that the inverse model infers from the history.")]
    [Range(1, 1024)]
    public int LatentSize { get; init; } = 16;

    /// <summary>Block lengths in steps of the inverse model's levels, strictly increasing (fast first), each 1–1000.</summary>
    [Description("Temporal resolutions of the inverse model in steps, strictly increasing, fast first (Ghosh et al. 2024: fast, medium, slow = 1, 7, 30 days). Level k averages blocks of scales[k] steps ending at the issue time; the history must be at least max(scales) steps long.")]
    [MinLength(1)]
    [MaxLength(6)]
    public IReadOnlyList<int> Scales { get; init; } = [1, 7, 30];

    /// <summary>Dropout probability on the forward LSTM output before the linear head, 0–0.95.</summary>
    [Description("Probability of zeroing an element of the forward LSTM's output before the linear head, in training only.")]
    [Range(0.0, 0.95)]
    public double Dropout { get; init; } = 0.4;

    /// <summary>Initial forget-gate bias of every LSTM (neuralhydrology: 3).</summary>
    [Description("Initial value of the forget-gate slice of bias_hh_l0 in every LSTM (both directions of each level and the forward model): a positive value keeps the forget gate open at the start of training.")]
    [Range(-100.0, 100.0)]
    public double InitialForgetBias { get; init; } = 3.0;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Problems();

    /// <summary>Every rule these options break, each naming the option, the rule and the value seen.</summary>
    public IReadOnlyList<ValidationResult> Problems()
    {
        var problems = new List<ValidationResult>();
        void Add(string member, string message) => problems.Add(new ValidationResult(message, [member]));

        if (HiddenSize is < 1 or > 4096)
        {
            Add(nameof(HiddenSize), $"hidden_size must be in 1..4096, got {HiddenSize}");
        }

        if (ForwardHiddenSize is < 1 or > 4096)
        {
            Add(nameof(ForwardHiddenSize), $"forward_hidden_size must be in 1..4096, got {ForwardHiddenSize}");
        }

        if (LatentSize is < 1 or > 1024)
        {
            Add(nameof(LatentSize), $"latent_size must be in 1..1024, got {LatentSize}");
        }

        if (Scales is null || Scales.Count is < 1 or > 6)
        {
            Add(nameof(Scales), $"scales must list 1 to 6 block lengths (e.g. [1, 7, 30]), got {Scales?.Count ?? 0}");
        }
        else if (Scales.Any(s => s is < 1 or > 1000))
        {
            Add(nameof(Scales), $"scales must be in 1..1000 steps, got [{string.Join(", ", Scales)}]");
        }
        else if (Scales.Zip(Scales.Skip(1)).Any(p => p.Second <= p.First))
        {
            Add(nameof(Scales), $"scales must be strictly increasing (fast first), got [{string.Join(", ", Scales)}]");
        }

        if (Dropout is < 0 or > 0.95 || double.IsNaN(Dropout))
        {
            Add(nameof(Dropout), $"dropout must be in 0..0.95, got {Dropout}");
        }

        if (!double.IsFinite(InitialForgetBias))
        {
            Add(nameof(InitialForgetBias), $"initial_forget_bias must be a finite number, got {InitialForgetBias}");
        }

        return problems;
    }
}
