using Hydro.Torch;

namespace Hydro.Plugins.Tests.Losses;

/// <summary>Small batches with hand-computable losses.</summary>
internal static class LossData
{
    /// <summary>Float32 [B, T, K] from values.</summary>
    public static Tensor F(long[] shape, params float[] values) => torch.tensor(values, shape);

    /// <summary>Bool mask [B, T, K].</summary>
    public static Tensor M(long[] shape, params bool[] values) => torch.tensor(values, shape);
}
