using Hydro.Torch;

namespace Hydro.Plugins.Attention.HydroTrace;

/// <summary>
/// One ConvLSTM per input channel, all run together through grouped convolutions (groups = C), so that channels never
/// mix and every step costs one convolution call.
/// </summary>
/// <remarks>
/// For channel c (Shi et al. 2015, ConvLSTM, without peepholes; the depthwise form of the HydroTrace paper,
/// arXiv:2501.04733), with <c>*</c> a 2-D convolution with zero 'same' padding and ⊙ the element-wise product:
/// <code>
/// [i, f, g, o]_c[t] = W_x,c * x_c[t] + W_h,c * h_c[t−1] + b_c
/// c_c[t] = (σ(f) ⊙ c_c[t−1] + σ(i) ⊙ tanh(g)) ⊙ m
/// h_c[t] = σ(o) ⊙ tanh(c_c[t])
/// </code>
/// from h[−1] = c[−1] = 0, where m [B, 1, H, W] is the basin mask: states outside the basin stay 0, so a basin's cells
/// see the rest of the grid as zero padding and the inputs there never matter.
/// <para>Layout (what a PyTorch twin must reproduce): <c>input_conv = Conv2d(C, 4·C·Hc, k, padding k/2, groups C)</c>
/// with bias, weight [4·C·Hc, 1, k, k]; <c>hidden_conv = Conv2d(C·Hc, 4·C·Hc, k, padding k/2, groups C, bias=False)</c>,
/// weight [4·C·Hc, Hc, k, k]. The states h, c are [B, C·Hc, H, W], channel c·Hc + j being unit j of input channel c.
/// The gate channels are [B, C, 4, Hc, H, W] viewed flat: group c owns output channels [4·Hc·c, 4·Hc·(c + 1)), in the
/// gate order i, f, g, o of Hc channels each.</para>
/// </remarks>
internal sealed class DepthwiseConvLstm : nn.Module
{
    private readonly nn.Conv2d inputConv;
    private readonly nn.Conv2d hiddenConv;

    /// <summary>Creates the two grouped convolutions, drawn from <paramref name="generator"/> like PyTorch's Conv2d.</summary>
    /// <param name="channels">Input channels C.</param>
    /// <param name="hidden">State channels per input channel, Hc.</param>
    /// <param name="kernel">Odd kernel side k.</param>
    /// <param name="initialForgetBias">Value of the forget-gate block of every group's bias.</param>
    /// <param name="generator">Seeded generator for the weights.</param>
    public DepthwiseConvLstm(long channels, long hidden, long kernel, double initialForgetBias, Generator? generator)
        : base(nameof(DepthwiseConvLstm))
    {
        Channels = channels;
        Hidden = hidden;
        inputConv = new nn.Conv2d(channels, 4 * channels * hidden, kernel, padding: kernel / 2, groups: channels, generator: generator);
        hiddenConv = new nn.Conv2d(channels * hidden, 4 * channels * hidden, kernel, padding: kernel / 2, groups: channels, bias: false, generator: generator);
        register_module("input_conv", inputConv);
        register_module("hidden_conv", hiddenConv);
        using var noGrad = torch.no_grad();
        nn.init.constant_(inputConv.bias!.view(channels, 4, hidden).select(1, 1), initialForgetBias);
    }

    /// <summary>Input channels C.</summary>
    public long Channels { get; }

    /// <summary>State channels per input channel, Hc.</summary>
    public long Hidden { get; }

    /// <summary>Runs the recurrence over every step.</summary>
    /// <param name="x">Inputs [B, S, C, H, W].</param>
    /// <param name="mask">Basin mask [B, 1, H, W] as 0/1 in the dtype of <paramref name="x"/>.</param>
    /// <returns>h[t] after each step, [B, S, C·Hc, H, W].</returns>
    public Tensor Run(Tensor x, Tensor mask)
    {
        using var scope = torch.NewDisposeScope();
        long b = x.size(0), steps = x.size(1), h = x.size(3), w = x.size(4);

        // The input-to-gate convolution of all steps in one call; the steps are then taken with unbind, whose backward is
        // one stack (select(1, t) would allocate a full-size gradient per step).
        var gates = inputConv.forward(x.reshape(b * steps, Channels, h, w)).view(b, steps, 4 * Channels * Hidden, h, w).unbind(1);
        var hs = new Tensor[steps];
        Tensor? hPrev = null, cPrev = null;
        for (var t = 0; t < steps; t++)
        {
            (hPrev, cPrev) = Step(gates[t], hPrev, cPrev, mask);
            hs[t] = hPrev;
        }

        return torch.stack(hs, 1).MoveToOuterDisposeScope();
    }

    /// <summary>One step of the plain cell (no mask), the unit the golden test checks against PyTorch.</summary>
    /// <param name="x">Inputs [B, C, H, W].</param>
    /// <param name="h">Hidden state [B, C·Hc, H, W].</param>
    /// <param name="c">Cell state [B, C·Hc, H, W].</param>
    /// <returns>The next h and c, [B, C·Hc, H, W] each.</returns>
    public (Tensor h, Tensor c) Cell(Tensor x, Tensor h, Tensor c)
    {
        using var scope = torch.NewDisposeScope();
        var (hNext, cNext) = Step(inputConv.forward(x), h, c, null);
        return (hNext.MoveToOuterDisposeScope(), cNext.MoveToOuterDisposeScope());
    }

    /// <summary>Gate activations and the state update; <paramref name="h"/> and <paramref name="c"/> null mean zero states.</summary>
    private (Tensor h, Tensor c) Step(Tensor inputGates, Tensor? h, Tensor? c, Tensor? mask)
    {
        long b = inputGates.size(0), rows = inputGates.size(2), cols = inputGates.size(3);
        var z = (h is null ? inputGates : inputGates + hiddenConv.forward(h)).view(b, Channels, 4, Hidden, rows, cols);

        // One sigmoid over all four blocks costs less than three calls on i, f and o; the g block is discarded.
        var s = z.sigmoid();
        var written = s.select(2, 0) * z.select(2, 2).tanh();
        var cNext = c is null ? written : (s.select(2, 1) * c.view(b, Channels, Hidden, rows, cols)) + written;
        if (mask is not null)
        {
            cNext = cNext * mask.unsqueeze(1);
        }

        // With c masked, h = σ(o) ⊙ tanh(c) is 0 outside the basin too.
        var hNext = s.select(2, 3) * cNext.tanh();
        return (hNext.view(b, Channels * Hidden, rows, cols), cNext.view(b, Channels * Hidden, rows, cols));
    }
}
