using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hydro.Plugins.Hbv.Slots;

namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>Options of the <c>hbv</c> backbone (models.md §2; Feng et al. 2022).</summary>
public sealed class HbvOptions : IValidatableObject
{
    /// <summary>original or delta (adds the ET exponent BETAET).</summary>
    [Description("original: HBV (Bergström 1992; Seibert & Vis 2012); delta: the ET reduction raised to a learned exponent BETAET (Feng et al. 2022).")]
    public HbvVariant Variant { get; init; } = HbvVariant.Delta;

    /// <summary>Parameters learned at every step; the others are static (the learner's value at a window's last step).</summary>
    [Description("Parameters that get a new value every day (e.g. [BETA, BETAET] for the paper's delta(beta_t, gamma_t)); all others are static per window. BETAET needs variant delta.")]
    [AllowedValues("BETA", "FC", "K0", "K1", "K2", "LP", "PERC", "UZL", "TT", "CFMAX", "CFR", "CWH", "BETAET")]
    public IReadOnlyList<string> DynamicParameters { get; init; } = [];

    /// <summary>Parallel HBV components per basin whose fluxes are averaged, 1–256 (Feng et al. 2022: 16).</summary>
    [Description("Parallel HBV components per basin, each with its own parameters; fluxes and states are averaged before routing (Feng et al. 2022: 16).")]
    [Range(1, 256)]
    public int Nmul { get; init; } = 16;

    /// <summary>Route the runoff through a 15-day gamma unit hydrograph with two learned parameters.</summary>
    [Description("Convolve the runoff with a 15-day gamma unit hydrograph whose shape and scale (ROUTE_A, ROUTE_THETA) are learned.")]
    public bool Routing { get; init; } = true;

    /// <summary>The dynamic input that is precipitation P, in mm/day.</summary>
    [Description("Name of the dynamic input holding precipitation P (mm/day); must be listed in inputs.dynamic.")]
    [MinLength(1)]
    public string Precipitation { get; init; } = "prcp";

    /// <summary>The dynamic input that is mean air temperature T, in °C.</summary>
    [Description("Name of the dynamic input holding daily mean air temperature T (°C); must be listed in inputs.dynamic.")]
    [MinLength(1)]
    public string Temperature { get; init; } = "tmean";

    /// <summary>The dynamic input that is potential evapotranspiration Ep, in mm/day.</summary>
    [Description("Name of the dynamic input holding potential evapotranspiration Ep (mm/day); must be listed in inputs.dynamic.")]
    [MinLength(1)]
    public string Pet { get; init; } = "pet";

    /// <summary>Physical range of each parameter.</summary>
    [Description("Physical range [min, max] of each parameter (defaults: models.md section 2).")]
    public HbvParameterRanges ParameterRanges { get; init; } = new();

    /// <summary>Process slots taken over by neural modules.</summary>
    [Description("Process slots replaced by neural modules, e.g. {effective_rainfall: {type: mlp, hidden_size: 16}}.")]
    public HbvSlotsOptions Slots { get; init; } = new();

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Problems();

    /// <summary>Every rule these options break, each naming the option, the rule and the value seen.</summary>
    public IReadOnlyList<ValidationResult> Problems()
    {
        var problems = new List<ValidationResult>();
        void Add(string member, string message) => problems.Add(new ValidationResult(message, [member]));

        if (Nmul is < 1 or > 256)
        {
            Add(nameof(Nmul), $"nmul must be in 1..256, got {Nmul}");
        }

        foreach (var (member, key, value) in new[] { (nameof(Precipitation), "precipitation", Precipitation), (nameof(Temperature), "temperature", Temperature), (nameof(Pet), "pet", Pet) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(member, $"{key} must name a dynamic input, got an empty name");
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in DynamicParameters)
        {
            if (!HbvParameter.DynamicCapable.Contains(name))
            {
                Add(nameof(DynamicParameters), $"dynamic_parameters: '{name}' is not an HBV parameter that can vary in time; valid: {string.Join(", ", HbvParameter.DynamicCapable)}");
            }
            else if (!seen.Add(name))
            {
                Add(nameof(DynamicParameters), $"dynamic_parameters lists '{name}' twice");
            }
            else if (name == HbvParameter.Betaet && Variant != HbvVariant.Delta)
            {
                Add(nameof(DynamicParameters), "dynamic_parameters lists BETAET, which only the delta variant has; set variant: delta or remove it");
            }
        }

        if (Slots.EffectiveRainfall is { } slot)
        {
            CheckSlot(slot, "slots.effective_rainfall", problems);
        }

        CheckRanges(problems);
        return problems;
    }

    private static void CheckSlot(SlotOptions slot, string path, List<ValidationResult> problems)
    {
        if (slot.HiddenSize is < 1 or > 1024)
        {
            problems.Add(new ValidationResult($"{path}.hidden_size must be in 1..1024, got {slot.HiddenSize}", [nameof(Slots)]));
        }

        if (slot.NumLayers is < 1 or > 4)
        {
            problems.Add(new ValidationResult($"{path}.num_layers must be in 1..4, got {slot.NumLayers}", [nameof(Slots)]));
        }
    }

    private void CheckRanges(List<ValidationResult> problems)
    {
        foreach (var p in HbvParameter.Core.Append(HbvParameter.Gamma).Concat(HbvParameter.Routing))
        {
            var range = p.Range(ParameterRanges);
            var what = $"parameter_ranges.{p.Name}";
            if (range is not { Count: 2 })
            {
                problems.Add(new ValidationResult($"{what} must be [min, max], got {range?.Count ?? 0} values", [nameof(ParameterRanges)]));
                continue;
            }

            var (min, max) = (range[0], range[1]);
            var seen = string.Create(CultureInfo.InvariantCulture, $"[{min}, {max}]");
            if (!double.IsFinite(min) || !double.IsFinite(max) || min >= max)
            {
                problems.Add(new ValidationResult($"{what} must be two finite numbers with min < max, got {seen}", [nameof(ParameterRanges)]));
            }
            else if (p.Lower is { } lower && (min < lower || (p.LowerExclusive && min <= lower)))
            {
                problems.Add(new ValidationResult(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: min must be {(p.LowerExclusive ? ">" : ">=")} {lower} ({p.Description}), got {seen}"), [nameof(ParameterRanges)]));
            }
            else if (p.Upper is { } upper && max > upper)
            {
                problems.Add(new ValidationResult(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: max must be <= {upper} ({p.Description}; a larger value would drain more than the store holds), got {seen}"), [nameof(ParameterRanges)]));
            }
        }
    }
}
