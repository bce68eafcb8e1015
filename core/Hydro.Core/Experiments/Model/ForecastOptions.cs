using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace Hydro.Core.Experiments.Model;

/// <summary>
/// Turns the experiment into a forecast (top-level <c>forecast:</c>): each window is <c>sequence_length</c> steps of
/// history ending at the issue time, followed by <see cref="Horizon"/> steps (lead times 1..H) that the loss scores.
/// </summary>
public sealed class ForecastOptions
{
    /// <summary>Lead times forecast from each issue time, 1 to 10 000 steps.</summary>
    [Range(1, 10_000)]
    [Unit("steps")]
    [Description("Lead times forecast from each issue time (the horizon H), 1 to 10000 time steps. A window is sequence_length steps of history plus H steps; the H steps after the issue time are scored. Forcings over the horizon are the observed ones (perfect-forecast assumption).")]
    public int Horizon { get; init; } = 1;

    /// <summary>Whether the targets observed up to the issue time are inputs (<c>&lt;target&gt;_obs</c>, <c>&lt;target&gt;_obs_flag</c>).</summary>
    [Description("Give the model the targets observed up to the issue time as extra dynamic inputs: <target>_obs (normalised with the training statistics, 0 where missing and after the issue time) and <target>_obs_flag (1 where observed at or before the issue time, else 0).")]
    public bool ObservedInputs { get; init; } = true;
}
