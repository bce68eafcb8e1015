using System.ComponentModel;

namespace Hydro.Plugins.Losses.Mse;

/// <summary>Options of the <c>mse</c> loss: it has none.</summary>
[Description("Mean squared error over the observed entries of the batch; no options.")]
public sealed class MseOptions;
