using System.ComponentModel;

namespace Hydro.Plugins.Losses.Rmse;

/// <summary>Options of the <c>rmse</c> loss: it has none.</summary>
[Description("Root mean squared error over the observed entries of the batch; no options.")]
public sealed class RmseOptions;
