using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Core.Experiments.Model;

/// <summary>What is computed after training.</summary>
public sealed class EvaluationOptions
{
    /// <summary>The metric names an experiment can ask for.</summary>
    public static IReadOnlyList<string> KnownMetrics { get; } =
        ["nse", "kge", "rmse", "mse", "pbias", "pearson_r", "alpha_nse", "beta_nse", "fhv", "flv", "fms", "peak_timing"];

    /// <summary>Per-basin metrics to compute.</summary>
    [AllowedValues("nse", "kge", "rmse", "mse", "pbias", "pearson_r", "alpha_nse", "beta_nse", "fhv", "flv", "fms", "peak_timing")]
    [Description("Per-basin metrics to compute.")]
    public IReadOnlyList<string> Metrics { get; init; } = ["nse", "kge"];

    /// <summary>The period evaluated after training; it must be defined under <c>periods:</c>.</summary>
    [AllowedValues("train", "validation", "test")]
    [Description("The period evaluated after training: train, validation or test; it must be defined under periods.")]
    public string Period { get; init; } = "test";
}
