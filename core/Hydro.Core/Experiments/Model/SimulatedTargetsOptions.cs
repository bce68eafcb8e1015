using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Core.Experiments.Model;

/// <summary>
/// Targets read from the predictions of a run (<c>hydro evaluate</c> / <c>predict</c>) or a simulation
/// (<c>hydro simulate</c>) instead of the dataset's observations; the dataset still supplies the inputs.
/// </summary>
public sealed class SimulatedTargetsOptions
{
    /// <summary>The results or simulation folder (holding <c>predictions/&lt;basin&gt;.csv</c>), relative to the experiment file's folder.</summary>
    [Required]
    [Description("A results or simulation folder holding predictions/<basin>.csv (RUN/results/<period>, RUN/predictions/<start>_<end>, <output_dir>/simulations/<name>), relative to the experiment file's folder.")]
    public string From { get; init; } = "";

    /// <summary>Target name → column of the predictions files, e.g. <c>{streamflow: streamflow_sim}</c> or <c>{QObs_mm_d: Q}</c>.</summary>
    [Required]
    [MinLength(1)]
    [Description("Which column of predictions/<basin>.csv replaces each named target, e.g. {streamflow: streamflow_sim} or {QObs_mm_d: Q}; targets not named keep their observations.")]
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();
}
