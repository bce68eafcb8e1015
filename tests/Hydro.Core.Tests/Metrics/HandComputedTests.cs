using Hydro.Core.Metrics;

namespace Hydro.Core.Tests.Metrics;

/// <summary>Each metric on short series, against values worked out by hand in the comments.</summary>
public sealed class HandComputedTests
{
    // obs = 1 2 3 4 5, sim = 2 2 3 5 4
    // s−o = 1 0 0 1 −1: Σ(s−o) = 1, Σ(s−o)² = 3; ō = 3, Σ(o−ō)² = 4+1+0+1+4 = 10, σo = √(10/5) = √2
    // μs = 16/5 = 3.2; s−μs = −1.2 −1.2 −0.2 1.8 0.8: Σ(s−μs)² = 1.44+1.44+0.04+3.24+0.64 = 6.8, σs = √1.36
    // Σ(s−μs)(o−ō) = 2.4+1.2+0+1.8+1.6 = 7
    private static readonly double[] Obs = [1, 2, 3, 4, 5];
    private static readonly double[] Sim = [2, 2, 3, 5, 4];

    [Fact]
    public void Nse() => Close(1 - (3.0 / 10), HydroMetrics.Nse(Sim, Obs)); // 0.7

    [Fact]
    public void MseAndRmse()
    {
        Close(3.0 / 5, HydroMetrics.Mse(Sim, Obs));
        Close(0.7745966692414834, HydroMetrics.Rmse(Sim, Obs)); // √0.6
    }

    [Fact]
    public void PBias() => Close(100.0 / 15, HydroMetrics.PBias(Sim, Obs)); // 100 · 1 / 15

    [Fact]
    public void PearsonR() => Close(0.8488746876271654, HydroMetrics.PearsonR(Sim, Obs)); // 7 / √(6.8 · 10)

    [Fact]
    public void AlphaNse() => Close(0.8246211251235321, HydroMetrics.AlphaNse(Sim, Obs)); // √1.36 / √2 = √0.68

    [Fact]
    public void BetaNse() => Close(0.1414213562373095, HydroMetrics.BetaNse(Sim, Obs)); // (3.2 − 3) / √2

    [Fact]
    public void Kge()
    {
        // r = 0.84887…, α = 0.82462…, β = 3.2/3 = 1.06667…
        // (r−1)² = 0.0228389, (α−1)² = 0.0307577, (β−1)² = 0.0044444; Σ = 0.0580411, √ = 0.2409171
        Close(0.7590828892810495, HydroMetrics.Kge(Sim, Obs));
    }

    // FDC series, n = 10:
    // obs = 1 2 4 8 16 3 6 12 5 10 → descending 16 12 10 8 6 5 4 3 2 1
    // sim = 2 2 3 9 20 3 5 10 4 8  → descending 20 10 9 8 5 4 3 3 2 2
    private static readonly double[] FdcObs = [1, 2, 4, 8, 16, 3, 6, 12, 5, 10];
    private static readonly double[] FdcSim = [2, 2, 3, 9, 20, 3, 5, 10, 4, 8];

    [Fact]
    public void Fhv()
    {
        // h = 0.2: top round(2) = 2 → obs 16+12 = 28, sim 20+10 = 30 → 100 · 2 / 28
        Close(100.0 * 2 / 28, HydroMetrics.Fhv(FdcSim, FdcObs, h: 0.2));
        // default h = 0.02: round(0.2) = 0 flows in the segment → undefined
        var empty = HydroMetrics.Fhv(FdcSim, FdcObs);
        Assert.False(empty.IsDefined);
        Assert.Contains("empty", empty.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Flv()
    {
        // l = 0.3: from index round(0.7 · 10) = 7 → obs 3 2 1, sim 3 2 2
        // obs: Σ(log − min log) = ln3 + ln2 + 0 = ln6; sim: ln3 − ln2 + 0 + 0 = ln1.5
        // FLV = −100 (ln1.5 − ln6) / (ln6 + 1e-6) = 100 ln4 / (ln6 + 1e-6)
        Close(100 * Math.Log(4) / (Math.Log(6) + 1e-6), HydroMetrics.Flv(FdcSim, FdcObs));
        Close(77.3705182655999, HydroMetrics.Flv(FdcSim, FdcObs));
    }

    [Fact]
    public void Fms()
    {
        // bounds round(0.2 · 10) = 2, round(0.7 · 10) = 7: obs 10 and 3, sim 9 and 3
        // slopes: obs ln(10/3), sim ln3 → FMS = 100 (ln3 − ln(10/3)) / (ln(10/3) + 1e-6) = 100 ln0.9 / (…)
        Close(-8.751063792190566, HydroMetrics.Fms(FdcSim, FdcObs));
    }

    [Fact]
    public void FlvFloorsZeroFlowsAtOneMicro()
    {
        // obs = 0 0 0 1 1 1 1 1 1 1 → low segment (from 7) is 0 0 0 → 1e-6 each: Σ(log − min) = 0
        // sim = 1 1 1 1 1 1 1 0.5 −2 0 → descending … 0.5 1e-6 1e-6 (−2 and 0 floored); low segment 0.5 1e-6 1e-6
        //   Σ(log − min) = ln(0.5 / 1e-6) = ln 500000
        // FLV = −100 (ln 500000 − 0) / (0 + 1e-6)
        double[] obs = [0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
        double[] sim = [1, 1, 1, 1, 1, 1, 1, 0.5, -2, 0];
        Close(-100 * Math.Log(500000) / 1e-6, HydroMetrics.Flv(sim, obs));
    }

    [Fact]
    public void PeakTimingOnTwoPeaks()
    {
        // 250 days of zero flow; observed peaks on day 50 (10) and day 180 (8), 130 days apart (> distance 100),
        // prominences 10 and 8 ≫ std(obs). Simulated: a peak on day 52 (2 days late), and a strict local maximum on
        // day 180 (on time). Mean timing error = (2 + 0) / 2 = 1 day.
        var (sim, obs) = TwoPeaks();
        Close(1, HydroMetrics.PeakTiming(sim, obs));
        // window 1: day 52 is outside ±1 around day 50, so the simulated peak there is the first maximum in 49..51
        // (all zero → day 49, 1 day early): (1 + 0) / 2 = 0.5
        Close(0.5, HydroMetrics.PeakTiming(sim, obs, window: 1));
    }

    [Fact]
    public void PeakTimingSkipsWindowsOverMissingDaysAndAtTheEnds()
    {
        var (sim, obs) = TwoPeaks();
        obs[182] = double.NaN; // day 180's ±3 window now spans a removed day → only day 50 counts: 2
        Close(2, HydroMetrics.PeakTiming(sim, obs));

        (sim, obs) = TwoPeaks();
        // Day 248 becomes the highest peak: it is skipped (248 + 3 is past the end), and being within 100 days of
        // day 180 it removes that peak (distance rule) → only day 50 counts: 2
        obs[248] = 20;
        Close(2, HydroMetrics.PeakTiming(sim, obs));
    }

    internal static (double[] Sim, double[] Obs) TwoPeaks()
    {
        var obs = new double[250];
        var sim = new double[250];
        obs[50] = 10;
        obs[180] = 8;
        sim[52] = 9;
        sim[180] = 7;
        return (sim, obs);
    }

    internal static void Close(double expected, MetricResult actual)
    {
        Assert.True(actual.IsDefined, $"expected {expected}, got undefined: {actual.Reason}");
        Assert.Equal(expected, actual.Value, 1e-12 * Math.Max(1, Math.Abs(expected)));
    }
}
