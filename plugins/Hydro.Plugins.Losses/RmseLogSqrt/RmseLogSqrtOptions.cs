using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Hydro.Plugins.Losses.RmseLogSqrt;

/// <summary>Options of the <c>rmse_logsqrt</c> loss.</summary>
[Description("(1 − alpha)·RMSE(Q) + alpha·RMSE(log10(sqrt(Q) + 0.1)) over the observed entries (Feng et al. 2022), for predictions and targets in physical units (≥ 0).")]
public sealed class RmseLogSqrtOptions : LossOptions
{
    /// <summary>Weight α of the transformed-flow RMSE, in [0, 1] (Feng et al. 2022: 0.25).</summary>
    [Description("Weight of the RMSE of log10(sqrt(Q) + 0.1), which stresses low flows; 1 − alpha weighs the plain RMSE. In [0, 1]; Feng et al. (2022): 0.25.")]
    [Range(0.0, 1.0)]
    public double Alpha { get; init; } = 0.25;
}
