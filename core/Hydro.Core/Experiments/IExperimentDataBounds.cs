using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Experiments;

/// <summary>
/// Tells the loader which days a dataset has data for, so that periods outside the data are caught at load time
/// rather than after an epoch. Optional: without it the loader checks only what the file itself says.
/// </summary>
public interface IExperimentDataBounds
{
    /// <summary>The first and last day with data for the bound dataset block, or null when unknown.</summary>
    (DateOnly First, DateOnly Last)? Range(ComponentBlock dataset);
}
