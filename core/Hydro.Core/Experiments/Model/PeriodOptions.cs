using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Core.Experiments.Model;

/// <summary>A closed range <c>{start, end}</c> of time steps; both ends are included.</summary>
public sealed class PeriodOptions
{
    /// <summary>First step: a date (its first step, midnight) or a date and time (ISO 8601, <c>2014-09-15T06:00</c>).</summary>
    [Required]
    [Description("First step, included: a date YYYY-MM-DD (midnight) or a date and time YYYY-MM-DDTHH:MM.")]
    public PeriodDate Start { get; init; }

    /// <summary>Last step: a date (the last step of that day) or a date and time; after <see cref="Start"/>.</summary>
    [Required]
    [Description("Last step, included: a date YYYY-MM-DD (the last step of that day: the day itself for daily data, 23:00 for hourly data) or a date and time YYYY-MM-DDTHH:MM; after start.")]
    public PeriodDate End { get; init; }

    /// <summary>The stamps of the first and last step for a dataset of step <paramref name="step"/> (end-of-day rule applied).</summary>
    public (DateTime Start, DateTime End) Resolve(TimeSpan step) => (Start.AsStart, End.AsEnd(step));
}
