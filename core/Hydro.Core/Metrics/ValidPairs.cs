namespace Hydro.Core.Metrics;

/// <summary>
/// The time steps where both the simulation and the observation are finite, compacted, with each kept step's
/// original index (peak timing needs it to skip windows that span removed steps).
/// </summary>
internal sealed class ValidPairs
{
    private ValidPairs(double[] simulated, double[] observed, int[] index)
    {
        Simulated = simulated;
        Observed = observed;
        Index = index;
    }

    public double[] Simulated { get; }

    public double[] Observed { get; }

    /// <summary>Original time index of each kept step, increasing.</summary>
    public int[] Index { get; }

    public int Count => Observed.Length;

    public static ValidPairs From(ReadOnlySpan<double> simulated, ReadOnlySpan<double> observed)
    {
        if (simulated.Length != observed.Length)
        {
            throw new ArgumentException(
                $"simulated and observed series must have the same length (simulated {simulated.Length}, observed {observed.Length})",
                nameof(simulated));
        }

        var count = 0;
        for (var t = 0; t < observed.Length; t++)
        {
            if (double.IsFinite(simulated[t]) && double.IsFinite(observed[t]))
            {
                count++;
            }
        }

        var sim = new double[count];
        var obs = new double[count];
        var index = new int[count];
        var k = 0;
        for (var t = 0; t < observed.Length; t++)
        {
            if (double.IsFinite(simulated[t]) && double.IsFinite(observed[t]))
            {
                sim[k] = simulated[t];
                obs[k] = observed[t];
                index[k] = t;
                k++;
            }
        }

        return new ValidPairs(sim, obs, index);
    }

    /// <summary>Null when at least <paramref name="minimum"/> steps are valid, else the reason.</summary>
    public string? TooFew(int minimum) =>
        Count >= minimum ? null : $"{Count} valid time step(s) where both simulation and observation exist; needs at least {minimum}";
}
