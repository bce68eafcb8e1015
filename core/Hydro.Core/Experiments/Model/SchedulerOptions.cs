using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace Hydro.Core.Experiments.Model;

/// <summary>The learning-rate schedule.</summary>
public sealed class SchedulerOptions
{
    /// <summary>The schedule.</summary>
    [Required]
    [Description("The schedule: step, exponential, cosine or plateau.")]
    public SchedulerType Type { get; init; }

    /// <summary>Epochs between decays (step), at least 1.</summary>
    [Range(1, 100_000)]
    [Unit("epochs")]
    [Description("Epochs between decays (step), at least 1.")]
    public int StepSize { get; init; } = 10;

    /// <summary>Multiplicative decay (step, exponential, plateau), in (0, 1].</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    [Description("Multiplicative decay factor (step, exponential, plateau), in (0, 1].")]
    public double Gamma { get; init; } = 0.1;

    /// <summary>Epochs of one cosine half-period; the number of epochs when absent.</summary>
    [Range(1, 100_000)]
    [Unit("epochs")]
    [Description("Epochs of one cosine half-period (cosine); the number of training epochs when absent.")]
    public int? TMax { get; init; }

    /// <summary>Epochs without improvement before a decay (plateau).</summary>
    [Range(0, 100_000)]
    [Unit("epochs")]
    [Description("Epochs without validation improvement before a decay (plateau).")]
    public int Patience { get; init; } = 5;
}
