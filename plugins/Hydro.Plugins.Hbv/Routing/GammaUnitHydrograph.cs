using Hydro.Torch;

namespace Hydro.Plugins.Hbv.Routing;

/// <summary>
/// Routing of runoff through a gamma unit hydrograph: per basin, a causal convolution of Q with 15 daily weights
/// whose shape a and scale θ are learned (Feng et al. 2022, after Mizukami et al. 2017).
/// </summary>
/// <remarks>
/// <c>UH(s) = s^(a−1) e^(−s/θ) / (Γ(a) θ^a)</c> at the day midpoints s = 0.5, 1.5, …, 14.5, normalised to sum to 1
/// (models.md §2); evaluated in log space. <c>routed[t] = Σ_k UH[k] · Q[t − k]</c> with Q = 0 before the window,
/// computed as one grouped 1-D convolution (one group per basin).
/// </remarks>
internal static class GammaUnitHydrograph
{
    /// <summary>Days the unit hydrograph spans.</summary>
    public const int Length = 15;

    /// <summary>Added to relu(ROUTE_A) so that the shape is strictly positive.</summary>
    public const double ShapeOffset = 0.1;

    /// <summary>Added to relu(ROUTE_THETA) so that the scale is strictly positive (days).</summary>
    public const double ScaleOffset = 0.5;

    /// <summary>The routing parameters as the unit hydrograph uses them: <c>a = relu(ROUTE_A) + 0.1</c>, <c>θ = relu(ROUTE_THETA) + 0.5</c>.</summary>
    public static (Tensor Shape, Tensor Scale) Positive(Tensor routeA, Tensor routeTheta)
    {
        ArgumentNullException.ThrowIfNull(routeA);
        ArgumentNullException.ThrowIfNull(routeTheta);
        return (routeA.relu() + ShapeOffset, routeTheta.relu() + ScaleOffset);
    }

    /// <summary>Unit-hydrograph weights [B, <paramref name="length"/>] from shape a [B] and scale θ [B] (both &gt; 0); each row sums to 1.</summary>
    public static Tensor Weights(Tensor shape, Tensor scale, int length = Length)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(scale);
        using var scope = torch.NewDisposeScope();
        var s = torch.arange(0.5, length, 1.0, shape.dtype, shape.device).unsqueeze(0);
        var a = shape.unsqueeze(1);
        var theta = scale.unsqueeze(1);
        var log = ((a - 1) * s.log()) - (s / theta) - a.lgamma() - (a * theta.log());
        var w = log.exp();
        return (w / w.sum(1, keepdim: true)).MoveToOuterDisposeScope();
    }

    /// <summary>Routes runoff [B, T] with per-basin weights [B, L]: <c>out[b, t] = Σ_k w[b, k] · q[b, t − k]</c>.</summary>
    public static Tensor Route(Tensor runoff, Tensor weights)
    {
        ArgumentNullException.ThrowIfNull(runoff);
        ArgumentNullException.ThrowIfNull(weights);
        using var scope = torch.NewDisposeScope();
        var (b, t) = (runoff.size(0), runoff.size(1));
        var l = weights.size(1);
        // conv1d correlates, so the kernel is flipped; L − 1 zeros in front make the convolution causal.
        var padded = torch.cat([torch.zeros([1, b, l - 1], runoff.dtype, runoff.device), runoff.unsqueeze(0)], 2);
        var kernel = weights.flip(1).unsqueeze(1);
        var routed = nn.functional.conv1d(padded, kernel, groups: b);
        return routed.squeeze(0).narrow(1, 0, t).MoveToOuterDisposeScope();
    }
}
