using System.ComponentModel;

namespace Hydro.Plugins.Losses.Rmse;

/// <summary>Options of the <c>rmse</c> loss: only the shared <see cref="LossOptions.TargetWeights"/>.</summary>
[Description("Root mean squared error over the observed entries of the batch.")]
public sealed class RmseOptions : LossOptions;
