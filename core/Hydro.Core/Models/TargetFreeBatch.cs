using Hydro.Abstractions.Contracts;

namespace Hydro.Core.Models;

/// <summary>
/// The view of a batch that a model (backbone, learner) gets: the same input tensors, without <see cref="Batch.Target"/>
/// and <see cref="Batch.TargetMask"/>, so that no component can read an observation (DESIGN "Forecasts": no
/// observation after the issue time ever reaches the model). The loss still gets the original batch.
/// </summary>
public static class TargetFreeBatch
{
    /// <summary>
    /// A shallow copy of <paramref name="batch"/> sharing its tensors, without targets. Never dispose the view: the
    /// original owns the tensors (disposing the original frees them; the view holds no tensor of its own).
    /// </summary>
    public static Batch Of(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Target is null && batch.TargetMask is null)
        {
            return batch;
        }

        return new Batch
        {
            Dynamic = batch.Dynamic,
            DynamicPhysical = batch.DynamicPhysical,
            Static = batch.Static,
            Gridded = batch.Gridded,
            GriddedMask = batch.GriddedMask,
            Horizon = batch.Horizon,
            Basins = batch.Basins,
            Statistics = batch.Statistics,
            DynamicNames = batch.DynamicNames,
            StaticNames = batch.StaticNames,
            TargetNames = batch.TargetNames,
        };
    }
}
