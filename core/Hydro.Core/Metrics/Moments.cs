namespace Hydro.Core.Metrics;

/// <summary>Means, population (ddof = 0) standard deviations and the correlation of the valid pairs.</summary>
internal readonly record struct Moments(double MeanSim, double MeanObs, double StdSim, double StdObs, double Covariance)
{
    public double Correlation => Covariance / (StdSim * StdObs);

    public static Moments Of(ValidPairs pairs)
    {
        var n = pairs.Count;
        double meanSim = 0, meanObs = 0;
        for (var i = 0; i < n; i++)
        {
            meanSim += pairs.Simulated[i];
            meanObs += pairs.Observed[i];
        }

        meanSim /= n;
        meanObs /= n;
        double varSim = 0, varObs = 0, cov = 0;
        for (var i = 0; i < n; i++)
        {
            var ds = pairs.Simulated[i] - meanSim;
            var dobs = pairs.Observed[i] - meanObs;
            varSim += ds * ds;
            varObs += dobs * dobs;
            cov += ds * dobs;
        }

        return new Moments(meanSim, meanObs, Math.Sqrt(varSim / n), Math.Sqrt(varObs / n), cov / n);
    }
}
