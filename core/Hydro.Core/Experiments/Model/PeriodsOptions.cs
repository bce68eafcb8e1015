using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Core.Experiments.Model;

/// <summary>The training, validation and test periods.</summary>
public sealed class PeriodsOptions
{
    /// <summary>The period the model is fitted on.</summary>
    [Required]
    [Description("The period the model is fitted on.")]
    public PeriodOptions Train { get; init; } = new();

    /// <summary>The period used for validation and early stopping; none when absent.</summary>
    [Description("The period used for validation and early stopping.")]
    public PeriodOptions? Validation { get; init; }

    /// <summary>The held-out period for evaluation; none when absent.</summary>
    [Description("The held-out evaluation period.")]
    public PeriodOptions? Test { get; init; }
}
