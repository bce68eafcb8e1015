using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Plugins.Lstm.Learners;

/// <summary>Options of the <c>free</c> parameter learner (one free parameter set per basin).</summary>
public sealed class FreeLearnerOptions
{
    /// <summary>Half-width of the uniform draw of the raw (pre-sigmoid) values, 0–10; 0 starts every parameter mid-range.</summary>
    [Description("Raw values start uniform in [-initial_spread, initial_spread] before the sigmoid (0: every parameter at the middle of its range, and all components identical).")]
    [Range(0.0, 10.0)]
    public double InitialSpread { get; init; } = 1.0;
}
