namespace Hydro.Core.Metrics;

/// <summary>
/// The subset of <c>scipy.signal.find_peaks</c> that peak timing needs: local maxima (a plateau counts once, at
/// its middle, rounded down), thinned by a minimum distance, then kept where the prominence reaches a minimum.
/// </summary>
/// <remarks>
/// Same order and rules as scipy 1.x: (1) a peak is a sample (or flat run) whose left neighbour is strictly lower
/// and whose right neighbour after the run is strictly lower; the first and last samples are never peaks.
/// (2) Distance: peaks are visited from highest to lowest; each kept peak removes the not-yet-removed peaks closer
/// than <c>ceil(distance)</c> samples. Equal heights are visited later-index first (a stable sort; scipy's
/// unstable sort may order exact ties differently). (3) Prominence: the peak's height minus the higher of the two
/// lowest points reached walking left and right until a higher sample or the end; keep when ≥ the minimum.
/// </remarks>
internal static class PeakFinder
{
    /// <summary>Indices of the peaks of <paramref name="x"/>, increasing.</summary>
    public static int[] Find(IReadOnlyList<double> x, int distance, double minProminence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(distance, 1);
        var peaks = LocalMaxima(x);
        peaks = ByDistance(x, peaks, distance);
        return peaks.Where(peak => Prominence(x, peak) >= minProminence).ToArray();
    }

    public static List<int> LocalMaxima(IReadOnlyList<double> x)
    {
        var peaks = new List<int>();
        var last = x.Count - 1;
        var i = 1;
        while (i < last)
        {
            if (x[i - 1] < x[i])
            {
                var ahead = i + 1;
                while (ahead < last && x[ahead] == x[i])
                {
                    ahead++;
                }

                if (x[ahead] < x[i])
                {
                    peaks.Add((i + ahead - 1) / 2);
                    i = ahead;
                }
            }

            i++;
        }

        return peaks;
    }

    public static double Prominence(IReadOnlyList<double> x, int peak)
    {
        var leftMin = x[peak];
        for (var i = peak; i >= 0 && x[i] <= x[peak]; i--)
        {
            leftMin = Math.Min(leftMin, x[i]);
        }

        var rightMin = x[peak];
        for (var i = peak; i < x.Count && x[i] <= x[peak]; i++)
        {
            rightMin = Math.Min(rightMin, x[i]);
        }

        return x[peak] - Math.Max(leftMin, rightMin);
    }

    private static List<int> ByDistance(IReadOnlyList<double> x, List<int> peaks, int distance)
    {
        var keep = Enumerable.Repeat(true, peaks.Count).ToArray();
        // OrderBy is stable: among equal heights the later peak comes last, so it is visited first.
        var byHeight = Enumerable.Range(0, peaks.Count).OrderBy(j => x[peaks[j]]).ToArray();
        for (var r = byHeight.Length - 1; r >= 0; r--)
        {
            var j = byHeight[r];
            if (!keep[j])
            {
                continue;
            }

            for (var k = j - 1; k >= 0 && peaks[j] - peaks[k] < distance; k--)
            {
                keep[k] = false;
            }

            for (var k = j + 1; k < peaks.Count && peaks[k] - peaks[j] < distance; k++)
            {
                keep[k] = false;
            }
        }

        return peaks.Where((_, j) => keep[j]).ToList();
    }
}
