using System.ComponentModel;

namespace Hydro.Plugins.Lstm.Learners;

/// <summary>Options of the <c>fixed</c> parameter learner: parameters given, not learned.</summary>
public sealed class FixedLearnerOptions
{
    /// <summary>A value in physical units for each parameter the backbone asks for, e.g. <c>{FC: 250, BETA: 2}</c>.</summary>
    [Description("A value in physical units for every parameter the backbone asks for (e.g. {FC: 250, BETA: 2.5, ...}); each must lie in the parameter's range. Basins in basin_file take their own values instead.")]
    public IReadOnlyDictionary<string, double> Values { get; init; } = new Dictionary<string, double>();

    /// <summary>CSV file <c>basin,NAME,…</c> with per-basin values, e.g. the <c>parameters.csv</c> an evaluation writes.</summary>
    [Description("CSV file with a header basin,NAME1,NAME2,... and one row of values per basin (for example the parameters.csv that hydro evaluate writes for a calibrated run); listed basins use their row, the others the values above. Relative to the working folder.")]
    public string? BasinFile { get; init; }
}
