using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Core.Experiments.Model;

/// <summary>A closed date range <c>{start, end}</c>; both days are included.</summary>
public sealed class PeriodOptions
{
    /// <summary>First day (YYYY-MM-DD).</summary>
    [Required]
    [Description("First day, YYYY-MM-DD (included).")]
    public DateOnly Start { get; init; }

    /// <summary>Last day (YYYY-MM-DD), after <see cref="Start"/>.</summary>
    [Required]
    [Description("Last day, YYYY-MM-DD (included); after start.")]
    public DateOnly End { get; init; }
}
