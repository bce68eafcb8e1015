namespace Hydro.Core.Metrics;

/// <summary>Peak timing error (Kratzert et al. 2021, as in neuralhydrology's <c>mean_peak_timing</c>).</summary>
public static partial class HydroMetrics
{
    /// <summary>Minimum distance between two observed peaks, in time steps (neuralhydrology's heuristic).</summary>
    public const int PeakDistance = 100;

    /// <summary>
    /// Mean absolute offset, in time steps (days for daily data), between each observed peak and the simulated peak
    /// within ± <paramref name="window"/> steps.
    /// </summary>
    /// <remarks>
    /// On the valid steps, observed peaks are found as <c>find_peaks(obs, distance=100, prominence=std(obs))</c>
    /// (see <see cref="PeakFinder"/>; std with ddof = 0). A peak is skipped when its window reaches past either end
    /// or spans removed (missing) steps. If the simulation at the peak is higher than both neighbours the error is
    /// 0; otherwise the simulated peak is the first maximum within the window. Undefined when no peak is evaluated.
    /// </remarks>
    public static MetricResult PeakTiming(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed, int window = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var p = ValidPairs.From(simulated, observed);
        if (p.TooFew(2) is { } reason)
        {
            return MetricResult.Undefined(reason);
        }

        var obs = p.Observed;
        var sim = p.Simulated;
        var peaks = PeakFinder.Find(obs, PeakDistance, Moments.Of(p).StdObs);
        double total = 0;
        var evaluated = 0;
        foreach (var idx in peaks)
        {
            if (idx - window < 0 || idx + window >= obs.Length || p.Index[idx + window] - p.Index[idx - window] != 2 * window)
            {
                continue;
            }

            var offset = 0;
            if (!(sim[idx] > sim[idx - 1] && sim[idx] > sim[idx + 1]))
            {
                var best = idx - window;
                for (var t = idx - window + 1; t <= idx + window; t++)
                {
                    if (sim[t] > sim[best])
                    {
                        best = t;
                    }
                }

                offset = Math.Abs(idx - best);
            }

            total += offset;
            evaluated++;
        }

        return evaluated == 0
            ? MetricResult.Undefined($"no observed peak could be evaluated ({peaks.Length} found; windows of ±{window} steps must lie inside the series and span no missing steps)")
            : MetricResult.Of(total / evaluated);
    }
}
