using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace Hydro.Plugins.Data.Synthetic;

/// <summary>Options of the <c>synthetic</c> dataset.</summary>
public sealed class SyntheticOptions : IValidatableObject
{
    /// <summary>Number of basins, 1–1000 (ids <c>syn_000</c>, <c>syn_001</c>, …).</summary>
    [Description("Number of basins, named syn_000, syn_001, …")]
    [Range(1, 1000)]
    public int Basins { get; init; } = 10;

    /// <summary>Seed of every random draw; the same seed gives the same data.</summary>
    [Description("Seed of the weather, basin parameters, noise and missing days; the same seed gives the same data.")]
    public int Seed { get; init; }

    /// <summary>First day of the data (YYYY-MM-DD).</summary>
    [Description("First day of the data, YYYY-MM-DD.")]
    public DateOnly Start { get; init; } = new(1980, 1, 1);

    /// <summary>Last day of the data (YYYY-MM-DD), not before <see cref="Start"/>.</summary>
    [Description("Last day of the data, YYYY-MM-DD (included); not before start.")]
    public DateOnly End { get; init; } = new(1999, 12, 31);

    /// <summary>σ of the multiplicative lognormal observation noise, 0–1 (0: observed = truth).</summary>
    [Description("Standard deviation of the multiplicative (lognormal, mean-preserving) noise on observed streamflow; 0 gives the truth model's flow.")]
    [Range(0.0, 1.0)]
    [Unit("-")]
    public double Noise { get; init; } = 0.05;

    /// <summary>How the truth's parameters relate to the attributes (<see cref="TruthParameters"/>).</summary>
    [Description("mixed: FC, BETA, K0, K1, K2 follow the attributes (aridity, elevation, log area) with a little noise, TT, CFMAX, LP, PERC and UZL are random per basin; attributes: every parameter is a function of the attributes alone (no noise; the random ones fixed at TT 0, CFMAX 3.5, LP 0.7, PERC 1.75, UZL 25), the set-up of a parameter-recovery check. The weather and attributes are the same in both.")]
    public TruthParameters Parameters { get; init; } = TruthParameters.Mixed;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (End < Start)
        {
            yield return new ValidationResult(
                $"end ({End:yyyy-MM-dd}) is before start ({Start:yyyy-MM-dd}): the synthetic period needs end on or after start",
                [nameof(End)]);
        }
    }
}
