using Hydro.Torch;

namespace Hydro.Plugins.Attention.HydroTrace;

/// <summary>The two attention maps of <c>hydrotrace</c> for one batch, aligned with the prediction's steps.</summary>
/// <param name="Spatial">Spatial attention A [B, T, H, W] in [0, 1], 0 outside each basin's mask and in the first input_lag steps.</param>
/// <param name="Feature">Feature attention α [B, T, C] in [0, 1], summing to 1 over C at every scored step, 0 in the first input_lag steps.</param>
public sealed record HydroTraceAttention(Tensor Spatial, Tensor Feature) : IDisposable
{
    /// <inheritdoc/>
    public void Dispose()
    {
        Spatial.Dispose();
        Feature.Dispose();
    }
}
