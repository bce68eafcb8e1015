using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace Hydro.Plugins.Losses.NseStar;

/// <summary>Options of the <c>nse_star</c> loss.</summary>
public sealed class NseStarOptions : LossOptions
{
    /// <summary>ε added to each basin's standard deviation, in target units; in (0, 1000] (Kratzert et al. 2019: 0.1).</summary>
    [Description("Added to each basin's target standard deviation before squaring, so that basins with almost constant flow do not dominate; in target units (normalised units when targets are normalised). Kratzert et al. (2019) use 0.1.")]
    [Range(0.0, 1000.0, MinimumIsExclusive = true)]
    [Unit("target unit")]
    public double Eps { get; init; } = 0.1;
}
