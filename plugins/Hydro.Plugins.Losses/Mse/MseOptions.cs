using System.ComponentModel;

namespace Hydro.Plugins.Losses.Mse;

/// <summary>Options of the <c>mse</c> loss: only the shared <see cref="LossOptions.TargetWeights"/>.</summary>
[Description("Mean squared error over the observed entries of the batch.")]
public sealed class MseOptions : LossOptions;
