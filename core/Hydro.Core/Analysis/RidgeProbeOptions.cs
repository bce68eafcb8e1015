namespace Hydro.Core.Analysis;

/// <summary>How <see cref="RidgeProbe.Fit"/> chooses its penalty.</summary>
public sealed record RidgeProbeOptions
{
    /// <summary>
    /// Candidate penalties λ &gt; 0 on the mean-squared-error objective of standardised features,
    /// <c>1/n ‖y − a − Z w‖² + λ ‖w‖²</c>, so a value means the same whatever the number of rows. Default 10⁻⁶ … 10².
    /// </summary>
    public IReadOnlyList<double> Penalties { get; init; } = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100];

    /// <summary>Cross-validation folds over the training rows, ≥ 2.</summary>
    public int Folds { get; init; } = 5;
}
