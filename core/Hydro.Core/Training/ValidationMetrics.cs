namespace Hydro.Core.Training;

/// <summary>
/// The two numbers validation needs: per-basin NSE and the median over basins.
/// Interim: to be replaced by Hydro.Core.Metrics once that lands (same definitions).
/// </summary>
internal static class ValidationMetrics
{
    /// <summary>NSE = 1 − Σ(sim − obs)² / Σ(obs − mean(obs))² over days where both are finite; NaN with fewer than two such days or constant observations.</summary>
    public static double Nse(ReadOnlySpan<double> observed, ReadOnlySpan<double> simulated)
    {
        double sum = 0;
        var n = 0;
        for (var i = 0; i < observed.Length; i++)
        {
            if (double.IsFinite(observed[i]) && double.IsFinite(simulated[i]))
            {
                sum += observed[i];
                n++;
            }
        }

        if (n < 2)
        {
            return double.NaN;
        }

        var mean = sum / n;
        double num = 0, den = 0;
        for (var i = 0; i < observed.Length; i++)
        {
            if (double.IsFinite(observed[i]) && double.IsFinite(simulated[i]))
            {
                num += (simulated[i] - observed[i]) * (simulated[i] - observed[i]);
                den += (observed[i] - mean) * (observed[i] - mean);
            }
        }

        return den > 0 ? 1 - (num / den) : double.NaN;
    }

    /// <summary>Median of the finite values; NaN when there is none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).Order().ToArray();
        if (v.Length == 0)
        {
            return double.NaN;
        }

        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }
}
