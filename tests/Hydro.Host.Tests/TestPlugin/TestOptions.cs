using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace Hydro.Host.TestPlugin;

public sealed class SyntheticDatasetOptions
{
    [Range(1, 10_000)]
    [Description("Number of synthetic basins, 1 to 10000.")]
    public int Basins { get; init; } = 10;

    [Range(0.0, 1.0)]
    [Description("Relative noise added to the simulated streamflow, in [0, 1].")]
    public double Noise { get; init; } = 0.05;

    [Description("First simulated day.")]
    public DateOnly Start { get; init; } = new(1980, 1, 1);
}

public sealed class SampleLstmOptions : IValidatableObject
{
    [Range(1, 4096)]
    [Unit("units")]
    [Description("LSTM hidden units, 1 to 4096.")]
    public int HiddenSize { get; init; } = 256;

    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    [Description("Dropout on the LSTM output, in [0, 1).")]
    public double Dropout { get; init; } = 0.4;

    [Range(0.0, 10.0)]
    [Description("Initial forget-gate bias.")]
    public double InitialForgetBias { get; init; } = 3;

    [Range(1, 8)]
    [Description("Stacked LSTM layers, 1 to 8.")]
    public int Layers { get; init; } = 1;

    [Description("Head on top of the LSTM.")]
    public SampleHead Head { get; init; } = SampleHead.Regression;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Layers == 1 && Dropout > 0.5)
        {
            yield return new ValidationResult("dropout above 0.5 with a single layer drops most of the signal", [nameof(Dropout)]);
        }
    }
}

public enum SampleHead
{
    Regression,
    Gmm,
}

public sealed class SampleNseOptions
{
    [Range(0.0, 1.0)]
    [Description("Added to each basin's flow standard deviation to avoid division by zero.")]
    [Unit("mm/day")]
    public double Eps { get; init; } = 0.1;
}

public sealed class SampleMlpOptions
{
    [Required]
    [MinLength(1)]
    [Unit("units")]
    [Description("Widths of the hidden layers.")]
    public IReadOnlyList<int> HiddenSizes { get; init; } = [];
}
