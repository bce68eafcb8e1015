using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Hydro.Plugins.Losses;

/// <summary>
/// What the options of every built-in loss share: the per-target weights of neuralhydrology's
/// <c>target_loss_weights</c>. A loss's own options class derives from it.
/// </summary>
public class LossOptions : IValidatableObject
{
    /// <summary>Weight of each target's loss, in the order of the experiment's targets; null: 1/K each.</summary>
    [Description("Weight of each target's loss, in the order of 'targets' (neuralhydrology's target_loss_weights): the loss is the sum over targets of weight × that target's loss. One non-negative weight per target, at least one positive; omitted: 1/K each (K targets).")]
    [MinLength(1)]
    public IReadOnlyList<double>? TargetWeights { get; init; }

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TargetWeightsProblem(TargetWeights) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(TargetWeights)]);
        }
    }

    /// <summary>Why <paramref name="weights"/> cannot be used, or null when they can.</summary>
    internal static string? TargetWeightsProblem(IReadOnlyList<double>? weights)
    {
        if (weights is null)
        {
            return null;
        }

        if (weights.Count == 0)
        {
            return "target_weights is empty: give one weight per target, or leave it out for equal weights";
        }

        var bad = weights.Select((w, i) => (w, i)).Where(x => !double.IsFinite(x.w) || x.w < 0).ToList();
        if (bad.Count > 0)
        {
            return "target_weights must be finite and ≥ 0; got "
                + string.Join(", ", bad.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.w} at index {x.i}")));
        }

        return weights.Any(w => w > 0) ? null : "target_weights are all 0: at least one target must count";
    }
}
