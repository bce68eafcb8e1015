namespace Hydro.Plugins.Data.Synthetic;

/// <summary>
/// The truth model's parameters served as static variables <c>true_&lt;NAME&gt;</c>, so that a parameter-recovery check
/// can compare what a learner found with what generated the data. They are answers, not attributes: an experiment
/// that lists them under <c>inputs.static</c> hands its model the solution.
/// </summary>
internal static class TrueParameters
{
    /// <summary>Prefix of the variable names.</summary>
    public const string Prefix = "true_";

    /// <summary>Variable name, unit and value of each parameter (names as in models.md §2).</summary>
    public static IReadOnlyList<(string Name, string Unit, Func<HbvParameters, double> Value)> All { get; } =
    [
        (Prefix + "TT", "°C", p => p.TT),
        (Prefix + "CFMAX", "mm/°C/day", p => p.CFMAX),
        (Prefix + "CFR", "-", p => p.CFR),
        (Prefix + "CWH", "-", p => p.CWH),
        (Prefix + "FC", "mm", p => p.FC),
        (Prefix + "BETA", "-", p => p.BETA),
        (Prefix + "LP", "-", p => p.LP),
        (Prefix + "PERC", "mm/day", p => p.PERC),
        (Prefix + "UZL", "mm", p => p.UZL),
        (Prefix + "K0", "1/day", p => p.K0),
        (Prefix + "K1", "1/day", p => p.K1),
        (Prefix + "K2", "1/day", p => p.K2),
    ];
}
