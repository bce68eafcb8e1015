using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Core.Experiments.Model;

/// <summary>The gradient-descent optimiser.</summary>
public sealed class OptimizerOptions
{
    /// <summary>The algorithm.</summary>
    [Description("The algorithm: adam, adamw or sgd.")]
    public OptimizerType Type { get; init; } = OptimizerType.Adam;

    /// <summary>Learning rate, in (0, 10].</summary>
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    [Description("Learning rate, in (0, 10].")]
    public double Lr { get; init; } = 1e-3;

    /// <summary>L2 penalty (decoupled for adamw), in [0, 1].</summary>
    [Range(0.0, 1.0)]
    [Description("Weight decay (L2 penalty; decoupled for adamw), in [0, 1].")]
    public double WeightDecay { get; init; }

    /// <summary>Adam's (beta1, beta2), each in [0, 1); the library defaults (0.9, 0.999) when absent.</summary>
    [Description("Adam's [beta1, beta2], each in [0, 1); default [0.9, 0.999].")]
    public IReadOnlyList<double>? Betas { get; init; }

    /// <summary>SGD momentum, in [0, 1).</summary>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    [Description("SGD momentum, in [0, 1).")]
    public double Momentum { get; init; }
}
