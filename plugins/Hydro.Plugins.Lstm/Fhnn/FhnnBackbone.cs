using System.Globalization;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Lstm.Fhnn;

/// <summary>
/// The factorised hierarchical neural network of Ghosh et al. (2024), a forecast backbone: an inverse model infers
/// latent states at several time scales (fast, medium, slow) from the history up to the issue time, and a forward
/// model predicts the targets over the horizon from the future forcings and those states.
/// </summary>
/// <remarks>
/// <para>
/// Window (<see cref="ComponentContext.Horizon"/> H, T = L + H steps): steps 0..L−1 are the history, L−1 the issue
/// time, L..L+H−1 the horizon. Channels: the forcings, then the observed-target channels
/// (<see cref="ComponentContext.ObservedInputs"/>, 0 after the issue time).
/// </para>
/// <para>
/// Inverse model (Ghosh et al. 2024, §3.1; models.md §3), with statics s [B, S] and scales s_1 &lt; … &lt; s_n:
/// <c>x̄_k = pool(x[:, 0:L], s_k)</c> [B, ⌊L/s_k⌋, F] (<see cref="HistoryPooling"/>, blocks end at the issue time);
/// from the coarsest level down, <c>u_k = BiLSTM_k([x̄_k ‖ s ‖ u_{k+1} ‖ … ‖ u_n])</c> [B, 2·hidden], the coarser
/// summaries broadcast over the level's steps (the hierarchy's skip connections), where a summary is
/// <c>[h_fwd after the newest step ‖ h_bwd after the oldest step]</c>; then
/// <c>[z_1 ‖ … ‖ z_n] = W_2 tanh(W_1 [u_1 ‖ … ‖ u_n] + b_1) + b_2</c>, each z_k [B, Z].
/// </para>
/// <para>
/// Forward model: <c>h_0 = tanh(W_h z + b_h)</c>, <c>c_0 = W_c z + b_c</c> (z = [z_1 ‖ … ‖ z_n]; the tanh keeps h_0 in
/// the range an LSTM's hidden state takes), an LSTM over <c>[x_forcings[:, L+j] ‖ s ‖ z]</c>, j = 0..H−1, dropout and a
/// linear head → forecast [B, H, K]. The prediction is <c>[0 (history, L steps) ‖ forecast]</c> [B, T, K]: the history
/// steps are zeros because the model makes no hindcast and the loss scores the horizon only.
/// </para>
/// <para>
/// Data assimilation without an ensemble Kalman filter (Ghosh et al. 2024, abstract): every window re-runs the inverse
/// model on its own history, observed channels included, so the latest observations update z at every issue time.
/// The forward model reads only the forcings over the horizon; the observed channels after the issue time are never
/// read, and neither is <see cref="Batch.Target"/>.
/// </para>
/// <para>
/// Submodules: <c>scale{s}</c> per level (<c>forward</c>, <c>backward</c> LSTMs), <c>latent_mlp</c> (0: Linear, 1: Tanh,
/// 2: Linear), <c>initial_h</c>, <c>initial_c</c>, <c>forecaster</c> (LSTM), <c>dropout</c>, <c>head</c>. Weights come from
/// <see cref="ComponentContext.Generator"/>; every LSTM's forget-gate slice of <c>bias_hh_l0</c> is set to
/// <see cref="FhnnOptions.InitialForgetBias"/>.
/// </para>
/// </remarks>
[Component("fhnn", typeof(FhnnOptions), Summary = "Forecast backbone (Ghosh et al. 2024): bidirectional LSTMs infer fast/medium/slow latent states from the pooled history up to the issue time; an LSTM initialised from them forecasts the horizon from future forcings.")]
public sealed class FhnnBackbone : Backbone<FhnnOptions>
{
    private readonly int[] scales;
    private readonly BidirectionalLstm[] levels;
    private readonly nn.Sequential latentMlp;
    private readonly nn.Linear initialH;
    private readonly nn.Linear initialC;
    private readonly nn.LSTM forecaster;
    private readonly nn.Dropout dropout;
    private readonly nn.Linear head;
    private readonly int forcings;

    /// <summary>Creates the layers on the context's device.</summary>
    /// <exception cref="ArgumentException">Options out of range, no forecast horizon, no inputs or no targets.</exception>
    public FhnnBackbone(FhnnOptions options, ComponentContext context)
        : base(options, context)
    {
        Validate(options, context);
        scales = [.. options.Scales];
        forcings = context.DynamicInputs.Count - context.ObservedInputs.Count;
        var statics = context.StaticInputs.Count;
        var channels = context.DynamicInputs.Count + statics;
        var summary = 2L * options.HiddenSize;
        var latents = (long)options.LatentSize * scales.Length;

        levels = new BidirectionalLstm[scales.Length];
        for (var k = scales.Length - 1; k >= 0; k--)
        {
            var coarser = scales.Length - 1 - k;
            levels[k] = new BidirectionalLstm(channels + (coarser * summary), options.HiddenSize, options.InitialForgetBias, context.Generator);
            register_module("scale" + scales[k].ToString(CultureInfo.InvariantCulture), levels[k]);
        }

        latentMlp = new nn.Sequential(
            new nn.Linear(scales.Length * summary, options.HiddenSize, generator: context.Generator),
            new nn.Tanh(),
            new nn.Linear(options.HiddenSize, latents, generator: context.Generator));
        initialH = new nn.Linear(latents, options.ForwardHiddenSize, generator: context.Generator);
        initialC = new nn.Linear(latents, options.ForwardHiddenSize, generator: context.Generator);
        forecaster = new nn.LSTM(forcings + statics + latents, options.ForwardHiddenSize, batch_first: true, generator: context.Generator);
        SetForgetBias(forecaster, options.InitialForgetBias);
        // The mask comes from the global generator: an explicit Generator is CPU-only and the model may run on CUDA.
        dropout = new nn.Dropout(options.Dropout);
        head = new nn.Linear(options.ForwardHiddenSize, context.Targets.Count, generator: context.Generator);
        register_module("latent_mlp", latentMlp);
        register_module("initial_h", initialH);
        register_module("initial_c", initialC);
        register_module(nameof(forecaster), forecaster);
        register_module(nameof(dropout), dropout);
        register_module(nameof(head), head);
        to(context.Device);
    }

    /// <summary>The forecast horizon H this model was built for.</summary>
    public int Horizon => Context.Horizon;

    /// <summary>
    /// The latent states the inverse model infers from each window's history, one per scale in the order of
    /// <see cref="FhnnOptions.Scales"/> (z_fast, z_medium, z_slow for the default scales), each [B, Z]. For analyses,
    /// e.g. correlating the slow state with a process model's storages (Ghosh et al. 2024, §5).
    /// </summary>
    /// <exception cref="ArgumentException">The batch does not fit the model or the forecast window.</exception>
    public IReadOnlyList<Tensor> Latents(Batch batch)
    {
        CheckInputs(batch, null);
        var history = HistoryLength(batch);
        using var scope = torch.NewDisposeScope();
        var z = Infer(batch, history).split(Options.LatentSize, 1);
        return [.. z.Select(t => t.MoveToOuterDisposeScope())];
    }

    /// <inheritdoc/>
    protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters)
    {
        var history = HistoryLength(batch);
        var horizon = Context.Horizon;
        using var scope = torch.NewDisposeScope();
        var z = Infer(batch, history);

        // Only the forcings of the horizon steps: the observed channels there are 0 by construction, and reading them
        // would let a pipeline bug leak observations after the issue time into the forecast.
        var parts = new List<Tensor>(3);
        if (forcings > 0)
        {
            parts.Add(batch.Dynamic.narrow(1, history, horizon).narrow(2, 0, forcings));
        }

        if (Statics(batch) is { } s)
        {
            parts.Add(Broadcast(s, horizon));
        }

        parts.Add(Broadcast(z, horizon));
        var h0 = initialH.forward(z).tanh().unsqueeze(0);
        var c0 = initialC.forward(z).unsqueeze(0);
        var (output, _) = forecaster.forward(torch.cat(parts, 2), (h0, c0));
        var forecast = head.forward(dropout.forward(output));
        var hindcast = torch.zeros([batch.Size, history, Context.Targets.Count], forecast.dtype, forecast.device);
        return new BackboneOutputs(torch.cat([hindcast, forecast], 1).MoveToOuterDisposeScope());
    }

    /// <summary>Sets the forget-gate slice [H, 2H) of <c>bias_hh_l0</c> (gates i, f, g, o), as <c>lstm</c> does.</summary>
    internal static void SetForgetBias(nn.LSTM lstm, double value)
    {
        var hidden = lstm.hidden_size;
        nn.init.constant_(lstm.get_parameter("bias_hh_l0")!.narrow(0, hidden, hidden), value);
    }

    /// <summary>The inverse model: [z_1 ‖ … ‖ z_n] [B, n·Z] from the first <paramref name="history"/> steps.</summary>
    private Tensor Infer(Batch batch, long history)
    {
        using var scope = torch.NewDisposeScope();
        var past = batch.Dynamic.narrow(1, 0, history);
        var statics = Statics(batch);
        var summaries = new Tensor[scales.Length];
        for (var k = scales.Length - 1; k >= 0; k--)
        {
            var pooled = HistoryPooling.Pool(past, scales[k]);
            var steps = pooled.size(1);
            var parts = new List<Tensor> { pooled };
            if (statics is not null)
            {
                parts.Add(Broadcast(statics, steps));
            }

            for (var coarser = k + 1; coarser < scales.Length; coarser++)
            {
                parts.Add(Broadcast(summaries[coarser], steps));
            }

            summaries[k] = levels[k].Summary(torch.cat(parts, 2));
        }

        return latentMlp.forward(torch.cat(summaries, 1)).MoveToOuterDisposeScope();
    }

    /// <summary>[B, D] → [B, steps, D], the same vector at every step.</summary>
    private static Tensor Broadcast(Tensor vector, long steps) => vector.unsqueeze(1).expand(vector.size(0), steps, vector.size(1));

    private Tensor? Statics(Batch batch)
    {
        var count = Context.StaticInputs.Count;
        if (count == 0)
        {
            return null;
        }

        return batch.Static ?? throw new ArgumentException(
            $"fhnn was built with {count} static inputs ({string.Join(", ", Context.StaticInputs)}) but the batch has none");
    }

    /// <summary>L = T − H, checked against the batch's horizon and the coarsest scale.</summary>
    private long HistoryLength(Batch batch)
    {
        var horizon = Context.Horizon;
        if (batch.Horizon != horizon)
        {
            throw new ArgumentException($"fhnn was built for a forecast horizon of {horizon} steps but the batch has Horizon = {batch.Horizon}");
        }

        var history = batch.Steps - horizon;
        var longest = scales[^1];
        if (history < longest)
        {
            throw new ArgumentException(
                $"fhnn needs a history of at least {longest} steps (the largest of scales [{string.Join(", ", scales)}]) before the issue time, "
                + $"but the window has {batch.Steps} steps of which {horizon} are the horizon: lengthen the window (training.sequence_length) or use smaller scales");
        }

        return history;
    }

    private static void Validate(FhnnOptions options, ComponentContext context)
    {
        var problems = options.Problems().Select(p => "fhnn: " + p.ErrorMessage).ToList();
        if (context.Horizon <= 0)
        {
            problems.Add("fhnn is a forecast model: set forecast.horizon in the experiment");
        }

        if (context.DynamicInputs.Count == 0)
        {
            problems.Add("fhnn needs at least one dynamic input: list forcings under 'inputs.dynamic' in the experiment");
        }

        if (context.Targets.Count == 0)
        {
            problems.Add("fhnn needs at least one target: list it under 'targets' in the experiment");
        }

        var observed = context.ObservedInputs;
        var tail = context.DynamicInputs.Skip(context.DynamicInputs.Count - observed.Count);
        if (observed.Count > context.DynamicInputs.Count || !tail.SequenceEqual(observed, StringComparer.Ordinal))
        {
            problems.Add($"fhnn expects the observed-target channels ({string.Join(", ", observed)}) last among the dynamic inputs ({string.Join(", ", context.DynamicInputs)})");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }
    }
}
