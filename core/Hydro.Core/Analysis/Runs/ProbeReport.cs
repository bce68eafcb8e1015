namespace Hydro.Core.Analysis.Runs;

/// <summary>One basin's probe score on the test period.</summary>
/// <param name="Basin">Basin id.</param>
/// <param name="R2">R² around the basin's own mean; NaN when its target is constant (e.g. no snow).</param>
/// <param name="Rows">Test days with a finite target.</param>
public sealed record BasinProbeScore(string Basin, double R2, int Rows);

/// <summary>What a probe wrote (<see cref="ProbeAnalysis.Run"/>).</summary>
/// <param name="OutputDirectory">The results folder.</param>
/// <param name="Target">The variable recovered.</param>
/// <param name="Seed">The member whose states were probed.</param>
/// <param name="States">The states regressed on.</param>
/// <param name="FitPeriod">Name and dates of the period fitted on.</param>
/// <param name="TestPeriod">Name and dates of the period scored on.</param>
/// <param name="Basins">The basins probed.</param>
/// <param name="Fit">The fitted probe: penalty, cross-validation errors, train and pooled test R².</param>
/// <param name="Scores">Per-basin test R², in basin order.</param>
/// <param name="TopCell">Cells of c[t] most correlated with the target on the test period.</param>
/// <param name="TopHidden">Cells of h[t] most correlated with the target on the test period.</param>
/// <param name="Warnings">Basins left out and why.</param>
public sealed record ProbeReport(
    string OutputDirectory,
    ProbeTarget Target,
    int Seed,
    ProbeStates States,
    (string Name, DateTime Start, DateTime End) FitPeriod,
    (string Name, DateTime Start, DateTime End) TestPeriod,
    IReadOnlyList<string> Basins,
    RidgeProbeResult Fit,
    IReadOnlyList<BasinProbeScore> Scores,
    IReadOnlyList<CorrelatedCell> TopCell,
    IReadOnlyList<CorrelatedCell> TopHidden,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Median of the finite per-basin R².</summary>
    public double MedianBasinR2
    {
        get
        {
            var v = Scores.Select(s => s.R2).Where(double.IsFinite).Order().ToArray();
            return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
        }
    }
}
