using Hydro.Torch;

namespace Hydro.Plugins.Attention.HydroTrace;

/// <summary>
/// The time-distributed spatial attention: a map in [0, 1] over the grid at every step, from the states of all
/// channels at each cell, and the attention-weighted mean of the states over the basin's cells.
/// </summary>
/// <remarks>
/// <c>A[b, t, y, x] = σ(Σ_k w_k h_k[b, t, y, x] + b_a) · m[b, y, x]</c> (a 1×1 convolution over the C·Hc state maps,
/// <c>weight</c> [1, C·Hc, 1, 1], <c>bias</c> [1]); without learnt attention <c>A = m</c>. The pooled state of
/// unit k is <c>p_k[b, t] = Σ_yx A h_k / Σ_yx A</c>: a weighted spatial mean over the basin, weights A / ΣA. A row whose
/// mask has no cell pools to 0 instead of dividing by zero.
/// </remarks>
internal sealed class SpatialAttention : nn.Module
{
    private readonly nn.Conv2d? score;

    /// <summary>Creates the 1×1 scoring convolution, or nothing when <paramref name="learnt"/> is false.</summary>
    public SpatialAttention(long stateChannels, bool learnt, Generator? generator)
        : base(nameof(SpatialAttention))
    {
        if (learnt)
        {
            score = new nn.Conv2d(stateChannels, 1, 1, generator: generator);
            register_module(nameof(score), score);
        }
    }

    /// <summary>The attention map.</summary>
    /// <param name="states">Hidden states [B, S, C·Hc, H, W] (0 outside the mask).</param>
    /// <param name="mask">Basin mask [B, 1, H, W] as 0/1 in the states' dtype.</param>
    /// <returns>A [B, S, H, W] in [0, 1], 0 outside the mask.</returns>
    public Tensor Map(Tensor states, Tensor mask)
    {
        long b = states.size(0), steps = states.size(1), h = states.size(3), w = states.size(4);
        if (score is null)
        {
            return mask.expand(b, steps, h, w).contiguous();
        }

        using var scope = torch.NewDisposeScope();
        var a = score.forward(states.reshape(b * steps, states.size(2), h, w)).view(b, steps, h, w).sigmoid();
        return (a * mask).MoveToOuterDisposeScope();
    }

    /// <summary>Attention-weighted spatial mean of every state channel.</summary>
    /// <param name="states">Hidden states [B, S, C·Hc, H, W].</param>
    /// <param name="map">A [B, S, H, W] from <see cref="Map"/>.</param>
    /// <returns>Pooled states [B, S, C·Hc].</returns>
    public static Tensor Pool(Tensor states, Tensor map)
    {
        using var scope = torch.NewDisposeScope();
        long b = states.size(0), steps = states.size(1), k = states.size(2), cells = states.size(3) * states.size(4);

        // One batched matrix product [k, cells] × [cells, 1] per (b, t) instead of a broadcast product and a sum.
        var weighted = states.reshape(b, steps, k, cells).matmul(map.reshape(b, steps, cells, 1)).squeeze(-1);
        var total = map.sum([2L, 3L]).clamp_min(1e-30).unsqueeze(-1);
        return (weighted / total).MoveToOuterDisposeScope();
    }
}
