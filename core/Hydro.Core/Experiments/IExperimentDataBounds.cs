using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Experiments;

/// <summary>
/// Tells the loader which steps a dataset has data for, so that periods outside the data are caught at load time
/// rather than after an epoch. Optional: without it the loader checks only what the file itself says.
/// </summary>
public interface IExperimentDataBounds
{
    /// <summary>The stamps of the first and last step with data and the time step for the bound dataset block, or null when unknown.</summary>
    (DateTime First, DateTime Last, TimeSpan Step)? Range(ComponentBlock dataset);
}
