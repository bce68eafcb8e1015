using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Attention.HydroTrace;

/// <summary>
/// HydroTrace: a depthwise ConvLSTM2D over gridded inputs, time-distributed spatial attention, feature attention over
/// the input channels and a dense head, predicting the targets at every step from the gridded inputs up to
/// <see cref="HydroTraceOptions.InputLag"/> steps earlier.
/// </summary>
/// <remarks>
/// After the HydroTrace paper (arXiv:2501.04733). With gridded inputs x [B, T, C, H, W] and basin mask m [B, H, W], lag L:
/// <list type="number">
/// <item>States: h[t] = DepthwiseConvLSTM(x[0..t]·m) [B, C·Hc, H, W] (<see cref="DepthwiseConvLstm"/>; one ConvLSTM per
/// channel, states 0 outside the mask).</item>
/// <item>Spatial attention: A[t] = σ(w_a · h[t] + b_a + P↑) · m [H, W] per row, P↑ a learnt coarse map of logits resized
/// to the grid (<see cref="SpatialAttention"/>).</item>
/// <item>Pooling: p_c,j[t] = Σ_yx A[t] h_c,j[t] / Σ_yx A[t] [B, C, Hc].</item>
/// <item>Feature attention: α[t] = softmax_c(w_c · p_c[t] + b_c) [B, C] (<see cref="FeatureAttention"/>).</item>
/// <item>Head: ŷ[t + L] = W_2 ReLU(W_1 dropout(flatten(α_c[t] p_c[t])) + b_1) + b_2 [B, K] (one linear layer when
/// head_hidden is 0).</item>
/// </list>
/// The first L steps of the prediction (and of both maps) are 0: nothing is known there; losses must not score them.
/// Lumped inputs (<c>inputs.dynamic</c>, <c>inputs.static</c>) are not read. Submodules: <c>convlstm</c>
/// (<c>input_conv</c>, <c>hidden_conv</c>), <c>spatial</c> (<c>score</c>, <c>position</c>), <c>feature</c> (<c>weight</c>, <c>bias</c>),
/// <c>hidden</c>, <c>head</c>, so that the state dict matches the PyTorch twin in the tests' golden script.
/// </remarks>
[Component("hydrotrace", typeof(HydroTraceOptions), Summary = "Depthwise ConvLSTM2D over gridded inputs with time-distributed spatial attention, feature attention and a dense head (HydroTrace, arXiv:2501.04733).")]
public sealed class HydroTraceBackbone : Backbone<HydroTraceOptions>
{
    private readonly DepthwiseConvLstm convlstm;
    private readonly SpatialAttention spatial;
    private readonly FeatureAttention feature;
    private readonly nn.Dropout dropout;
    private readonly nn.Linear? hidden;
    private readonly nn.Linear head;

    /// <summary>Creates the layers on the context's device, drawing the weights from the context's generator.</summary>
    /// <exception cref="ArgumentException">Options out of range, no gridded inputs or no targets.</exception>
    public HydroTraceBackbone(HydroTraceOptions options, ComponentContext context)
        : base(options, context)
    {
        HydroTraceValidation.Validate(options, context);
        long channels = context.GriddedInputs.Count, hc = options.HiddenChannels;
        var g = context.Generator;
        convlstm = new DepthwiseConvLstm(channels, hc, options.KernelSize, options.InitialForgetBias, g);
        spatial = new SpatialAttention(channels * hc, options.SpatialAttention, options.PositionResolution, g);
        feature = new FeatureAttention(channels, hc, options.FeatureAttention, g);
        dropout = new nn.Dropout(options.Dropout);
        register_module(nameof(convlstm), convlstm);
        register_module(nameof(spatial), spatial);
        register_module(nameof(feature), feature);
        register_module(nameof(dropout), dropout);
        var width = channels * hc;
        if (options.HeadHidden > 0)
        {
            hidden = new nn.Linear(width, options.HeadHidden, generator: g);
            register_module(nameof(hidden), hidden);
            width = options.HeadHidden;
        }

        head = new nn.Linear(width, context.Targets.Count, generator: g);
        register_module(nameof(head), head);
        to(context.Device);
    }

    /// <summary>
    /// The spatial and feature attention of a batch, without gradients, for analyses (e.g. aggregated per season). Runs
    /// in the module's current mode: call <c>eval()</c> first for deterministic maps when dropout is on.
    /// </summary>
    /// <param name="batch">A batch with <see cref="Batch.Gridded"/> and <see cref="Batch.GriddedMask"/>.</param>
    /// <returns>Maps aligned with the prediction's steps; the caller owns them.</returns>
    public HydroTraceAttention Attention(Batch batch)
    {
        CheckInputs(batch, null);
        using var noGrad = torch.no_grad();
        var (prediction, a, alpha) = Run(batch);
        prediction.Dispose();
        return new HydroTraceAttention(a, alpha);
    }

    /// <inheritdoc/>
    protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters)
    {
        var (prediction, a, alpha) = Run(batch);
        return new BackboneOutputs(prediction).Add("spatial_attention", a, "1").Add("feature_attention", alpha, "1");
    }

    /// <summary>Prediction [B, T, K], spatial attention [B, T, H, W] and feature attention [B, T, C].</summary>
    private (Tensor Prediction, Tensor Spatial, Tensor Feature) Run(Batch batch)
    {
        var (x, m) = HydroTraceValidation.Gridded(batch, Options.InputLag);
        using var scope = torch.NewDisposeScope();
        long b = x.size(0), steps = x.size(1) - Options.InputLag, channels = x.size(2);

        // Inputs outside the basin are zeroed here rather than trusted to be 0, so that they can never leak in.
        var mask = m.unsqueeze(1).to(head.weight.dtype);
        var xs = x.narrow(1, 0, steps).to(mask.dtype) * mask.unsqueeze(1);
        var states = convlstm.Run(xs, mask);
        var a = spatial.Map(states, mask);
        var pooled = SpatialAttention.Pool(states, a).view(b, steps, channels, convlstm.Hidden);
        var alpha = feature.Weights(pooled);
        var z = dropout.forward((pooled * alpha.unsqueeze(-1)).reshape(b, steps, channels * convlstm.Hidden));
        if (hidden is not null)
        {
            z = nn.functional.relu(hidden.forward(z));
        }

        var prediction = Lagged(head.forward(z));
        return (prediction.MoveToOuterDisposeScope(), Lagged(a).MoveToOuterDisposeScope(), Lagged(alpha).MoveToOuterDisposeScope());
    }

    /// <summary>Puts the value computed from inputs up to step s at step s + L: L zero steps in front, along axis 1.</summary>
    private Tensor Lagged(Tensor value)
    {
        if (Options.InputLag == 0)
        {
            return value;
        }

        long[] shape = [.. value.shape];
        shape[1] = Options.InputLag;
        return torch.cat([torch.zeros(shape, value.dtype, value.device), value], 1);
    }
}
