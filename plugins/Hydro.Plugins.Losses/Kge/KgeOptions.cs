using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace Hydro.Plugins.Losses.Kge;

/// <summary>Options of the <c>kge</c> loss.</summary>
[Description("1 − KGE (Gupta et al. 2009) over the observed entries, per batch row (a basin's window) or over the whole batch, for targets in physical units.")]
public sealed class KgeOptions : LossOptions
{
    /// <summary>Whether each batch row gets its own KGE (<c>sample</c>, the default) or the batch one pooled KGE (<c>batch</c>).</summary>
    [Description("'sample': one KGE per batch row (a basin's window; needs at least 2 observed steps per row, so training.predict_last_n ≥ 2), then the mean of 1 − KGE over rows; 'batch': one KGE over all observed entries of the batch.")]
    public KgeGrouping Over { get; init; } = KgeGrouping.Sample;

    /// <summary>Guard ε in target units², in (0, 1]: added to the simulated variance under its root, and the bound below which an observed variance or |mean| leaves a row out.</summary>
    [Description("Small guard: added to the simulated variance before its square root (finite gradient for a constant simulation); rows whose observed variance or absolute observed mean is at most eps are left out (their KGE is undefined).")]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    [Unit("target unit²")]
    public double Eps { get; init; } = 1e-6;
}
