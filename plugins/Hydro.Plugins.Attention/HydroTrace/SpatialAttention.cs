using Hydro.Torch;

namespace Hydro.Plugins.Attention.HydroTrace;

/// <summary>
/// The time-distributed spatial attention: a map in [0, 1] over the grid at every step, from the states of all
/// channels at each cell and a learnt map of where in the grid matters, and the attention-weighted mean of the states
/// over the basin's cells.
/// </summary>
/// <remarks>
/// <c>A[b, t, y, x] = σ(Σ_k w_k h_k[b, t, y, x] + b_a + P↑[y, x]) · m[b, y, x]</c> (a 1×1 convolution over the C·Hc
/// state maps, <c>weight</c> [1, C·Hc, 1, 1], <c>bias</c> [1]); without learnt attention <c>A = m</c>. P (<c>position</c>
/// [K, K], zeros at first) is a coarse map of logits; P↑ = R_H P R_Wᵀ is P resized to the batch's H × W by bilinear
/// interpolation (cell centres, edges clamped: PyTorch's <c>interpolate(mode="bilinear", align_corners=False)</c>), so the
/// same weights serve any grid size. The states alone cannot say where a cell is: cells whose inputs are alike in
/// distribution (the same storms pass over all of them) get alike scores, wherever the flow actually comes from; P can.
/// Without P (K = 0) this is the paper's state-only map. The pooled state of
/// unit k is <c>p_k[b, t] = Σ_yx A h_k / Σ_yx A</c>: a weighted spatial mean over the basin, weights A / ΣA. A row whose
/// mask has no cell pools to 0 instead of dividing by zero.
/// </remarks>
internal sealed class SpatialAttention : nn.Module
{
    private readonly nn.Conv2d? score;
    private readonly nn.Parameter? position;

    /// <summary>
    /// Creates the 1×1 scoring convolution and the K × K position map (none when <paramref name="resolution"/> is 0), or
    /// nothing when <paramref name="learnt"/> is false.
    /// </summary>
    public SpatialAttention(long stateChannels, bool learnt, int resolution, Generator? generator)
        : base(nameof(SpatialAttention))
    {
        if (!learnt)
        {
            return;
        }

        score = new nn.Conv2d(stateChannels, 1, 1, generator: generator);
        register_module(nameof(score), score);
        if (resolution > 0)
        {
            position = new nn.Parameter(torch.zeros([resolution, resolution]));
            register_parameter(nameof(position), position);
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
        var s = score.forward(states.reshape(b * steps, states.size(2), h, w)).view(b, steps, h, w);
        if (position is not null)
        {
            var k = position.size(0);
            var rows = Resize(h, k, position.dtype, position.device);
            var columns = Resize(w, k, position.dtype, position.device);
            s = s + rows.matmul(position).matmul(columns.t());
        }

        return (s.sigmoid() * mask).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The bilinear resize matrix R [n, k] from k coarse values to n cells: cell i's centre sits at u = (i + ½)·k/n − ½
    /// on the coarse axis (clamped to [0, k − 1]) and takes (1 − λ) of value ⌊u⌋ and λ = u − ⌊u⌋ of the next one.
    /// </summary>
    internal static Tensor Resize(long n, long k, ScalarType dtype, Device device)
    {
        var r = new double[n * k];
        for (long i = 0; i < n; i++)
        {
            var u = Math.Clamp(((i + 0.5) * k / n) - 0.5, 0, k - 1);
            var i0 = (long)Math.Floor(u);
            var i1 = Math.Min(i0 + 1, k - 1);
            var lambda = u - i0;
            r[(i * k) + i0] += 1 - lambda;
            r[(i * k) + i1] += lambda;
        }

        return torch.tensor(r, [n, k]).to(device, dtype);
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
