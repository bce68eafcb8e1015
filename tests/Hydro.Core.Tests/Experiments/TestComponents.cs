using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;
using Hydro.Core.Components;

namespace Hydro.Core.Tests.Experiments;

/// <summary>Options of the sample dataset.</summary>
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

/// <summary>Options of the sample LSTM backbone, with a cross-field rule.</summary>
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

/// <summary>A sample enum option.</summary>
public enum SampleHead
{
    Regression,
    Gmm,
}

/// <summary>Options of the sample NSE loss.</summary>
public sealed class SampleNseOptions
{
    [Range(0.0, 1.0)]
    [Description("Added to each basin's flow standard deviation to avoid division by zero.")]
    [Unit("mm/day")]
    public double Eps { get; init; } = 0.1;

    [Range(0.0, double.MaxValue)]
    [Description("Weight of the loss; unbounded above.")]
    public double Weight { get; init; } = 1.0;
}

/// <summary>Options of a sample learner.</summary>
public sealed class SampleMlpOptions
{
    [Required]
    [MinLength(1)]
    [Unit("units")]
    [Description("Widths of the hidden layers.")]
    public IReadOnlyList<int> HiddenSizes { get; init; } = [];
}

[Component("synthetic", typeof(SyntheticDatasetOptions), Summary = "Synthetic basins.")]
public sealed class SyntheticDataset;

[Component("lstm", typeof(SampleLstmOptions), Summary = "A sample LSTM.")]
public sealed class SampleLstm;

[Component("nse", typeof(SampleNseOptions), Summary = "Basin-averaged NSE loss.")]
public sealed class SampleNse;

[Component("mse", typeof(SampleNseOptions))]
public sealed class SampleMse;

[Component("mlp", typeof(SampleMlpOptions))]
public sealed class SampleMlp;

/// <summary>The catalog the experiment tests load against.</summary>
public static class TestCatalog
{
    public static ComponentCatalog Create()
    {
        var catalog = new ComponentCatalog();
        catalog.Add(new ComponentDescriptor(ComponentKind.Dataset, "synthetic", typeof(SyntheticDataset), typeof(SyntheticDatasetOptions), "Hydro.Tests", "Synthetic basins."));
        catalog.Add(new ComponentDescriptor(ComponentKind.Backbone, "lstm", typeof(SampleLstm), typeof(SampleLstmOptions), "Hydro.Tests", "A sample LSTM."));
        catalog.Add(new ComponentDescriptor(ComponentKind.ParameterLearner, "mlp", typeof(SampleMlp), typeof(SampleMlpOptions), "Hydro.Tests"));
        catalog.Add(new ComponentDescriptor(ComponentKind.Loss, "nse", typeof(SampleNse), typeof(SampleNseOptions), "Hydro.Tests", "Basin-averaged NSE loss."));
        catalog.Add(new ComponentDescriptor(ComponentKind.Loss, "mse", typeof(SampleMse), typeof(SampleNseOptions), "Hydro.Tests"));
        return catalog;
    }
}
