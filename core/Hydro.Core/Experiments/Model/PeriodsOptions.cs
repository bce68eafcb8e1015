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

    /// <summary>CSV file <c>basin,period,start,end</c> giving some basins their own dates for a period; relative to the working folder.</summary>
    [Description("CSV file with the header basin,period,start,end giving some basins their own dates for train, validation or test (the other basins keep the dates above); a path relative to the working folder, like data_dir.")]
    public string? PerBasinFile { get; init; }
}
