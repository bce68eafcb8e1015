using Hydro.Torch;

namespace Hydro.Plugins.Attention.HydroTrace;

/// <summary>The feature attention: a weight per input channel at every step, in [0, 1] and summing to 1 over channels.</summary>
/// <remarks>
/// From channel c's pooled states p_c [B, S, Hc]: <c>s_c = w_c · p_c + b_c</c> (own weights per channel, <c>weight</c>
/// [C, Hc], <c>bias</c> [C], so that the score knows which variable it weighs), <c>α = softmax_c(s)</c>. Without learnt
/// attention <c>α_c = 1/C</c>. The weights rank the channels at each step: the paper's feature contributions.
/// </remarks>
internal sealed class FeatureAttention : nn.Module
{
    private readonly nn.Parameter? weight;
    private readonly nn.Parameter? bias;

    /// <summary>Creates the scoring weights (uniform in ±1/√Hc, like a linear layer's), or none when not learnt.</summary>
    public FeatureAttention(long channels, long hidden, bool learnt, Generator? generator)
        : base(nameof(FeatureAttention))
    {
        Channels = channels;
        if (!learnt)
        {
            return;
        }

        var bound = 1 / Math.Sqrt(hidden);
        using (var scope = torch.NewDisposeScope())
        {
            weight = new nn.Parameter(nn.init.uniform_(torch.empty([channels, hidden]), -bound, bound, generator));
            bias = new nn.Parameter(nn.init.uniform_(torch.empty([channels]), -bound, bound, generator));
        }

        register_parameter(nameof(weight), weight);
        register_parameter(nameof(bias), bias);
    }

    /// <summary>Input channels C.</summary>
    public long Channels { get; }

    /// <summary>The channel weights.</summary>
    /// <param name="pooled">Pooled states [B, S, C, Hc].</param>
    /// <returns>α [B, S, C], each row in [0, 1] summing to 1.</returns>
    public Tensor Weights(Tensor pooled)
    {
        if (weight is null || bias is null)
        {
            return torch.full([pooled.size(0), pooled.size(1), Channels], 1.0 / Channels, pooled.dtype, pooled.device);
        }

        using var scope = torch.NewDisposeScope();
        return nn.functional.softmax((pooled * weight).sum(-1) + bias, -1).MoveToOuterDisposeScope();
    }
}
