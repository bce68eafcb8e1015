using Hydro.Torch;

namespace Hydro.Core.Analysis;

/// <summary>A fitted ridge probe and how well it predicts (<see cref="RidgeProbe.Fit"/>).</summary>
/// <param name="Penalty">The penalty cross-validation chose.</param>
/// <param name="Penalties">The candidates, in the order given.</param>
/// <param name="CrossValidationMse">Mean squared error on the held-out folds, per candidate.</param>
/// <param name="Coefficients">Weight of each feature in the features' own units (standardisation folded in) [F].</param>
/// <param name="Intercept">Prediction at features = 0.</param>
/// <param name="TrainR2">R² on the training rows (in sample).</param>
/// <param name="TestR2">R² on the held-out rows, pooled; NaN without held-out rows.</param>
/// <param name="GroupR2">R² on the held-out rows of each group (basin), each around its own mean; NaN for a group with a constant target.</param>
/// <param name="TrainRows">Training rows used (finite target).</param>
/// <param name="TestRows">Held-out rows used (finite target).</param>
public sealed record RidgeProbeResult(
    double Penalty,
    IReadOnlyList<double> Penalties,
    IReadOnlyList<double> CrossValidationMse,
    IReadOnlyList<double> Coefficients,
    double Intercept,
    double TrainR2,
    double TestR2,
    IReadOnlyDictionary<string, double> GroupR2,
    int TrainRows,
    int TestRows)
{
    /// <summary>The probe's prediction for features [N, F]: [N] in float64.</summary>
    public Tensor Predict(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        using var scope = torch.NewDisposeScope();
        var x = features.detach().to(ScalarType.Float64);
        var w = torch.tensor(Coefficients.ToArray(), device: x.device);
        return (x.matmul(w) + Intercept).MoveToOuterDisposeScope();
    }
}
