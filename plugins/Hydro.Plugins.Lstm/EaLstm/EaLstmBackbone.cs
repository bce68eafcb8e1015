using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Lstm.EaLstm;

/// <summary>
/// The Entity-Aware LSTM of Kratzert et al. (2019): the static attributes alone set the input gate, once per basin and
/// constant in time; the dynamic inputs and h[t−1] drive the forget, cell and output gates. Dropout and a linear
/// layer map h[t] to the targets at every step, as in <c>lstm</c>.
/// </summary>
/// <remarks>
/// Kratzert et al. (2019, eq. 7–12): <c>i = σ(W_i x_s + b_i)</c> [B, H], then the recurrence of
/// <see cref="DynamicGates"/> over x_d [B, T, F] → h [B, T, H] → dropout → <c>nn.Linear(H, K)</c> → prediction
/// [B, T, K]. The input-gate vector i is the learned catchment embedding (<see cref="Embedding"/>): which parts of the
/// cell state a basin writes to. Submodules: <c>input_gate</c> (weight [H, S] orthogonal, bias 0), <c>dynamic_gates</c>,
/// <c>head</c>; weights are drawn from <see cref="ComponentContext.Generator"/>.
/// </remarks>
[Component("ealstm", typeof(EaLstmOptions), Summary = "Entity-Aware LSTM (Kratzert et al. 2019): static attributes set a per-basin input gate (the catchment embedding), dynamic inputs drive the other gates.")]
public sealed class EaLstmBackbone : Backbone<EaLstmOptions>, IRecurrentBackbone
{
    private readonly nn.Linear inputGate;
    private readonly DynamicGates dynamicGates;
    private readonly nn.Dropout dropout;
    private readonly nn.Linear head;

    /// <summary>Creates the layers on the context's device.</summary>
    /// <exception cref="ArgumentException">Options out of range, no static or dynamic inputs, or no targets.</exception>
    public EaLstmBackbone(EaLstmOptions options, ComponentContext context)
        : base(options, context)
    {
        Validate(options, context);
        var hidden = options.HiddenSize;
        inputGate = new nn.Linear(context.StaticInputs.Count, hidden, generator: context.Generator);
        nn.init.orthogonal_(inputGate.weight, generator: context.Generator);
        nn.init.zeros_(inputGate.bias!);
        dynamicGates = new DynamicGates(context.DynamicInputs.Count, hidden, options.InitialForgetBias, context.Generator);
        // The mask comes from the global generator: an explicit Generator is CPU-only and the model may run on CUDA.
        dropout = new nn.Dropout(options.Dropout);
        head = new nn.Linear(hidden, context.Targets.Count, generator: context.Generator);
        register_module("input_gate", inputGate);
        register_module("dynamic_gates", dynamicGates);
        register_module(nameof(dropout), dropout);
        register_module(nameof(head), head);
        to(context.Device);
    }

    /// <inheritdoc/>
    public long HiddenSize => Options.HiddenSize;

    /// <inheritdoc/>
    protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters)
    {
        using var scope = torch.NewDisposeScope();
        var (h, _) = dynamicGates.Run(batch.Dynamic, InputGate(batch));
        return new BackboneOutputs(head.forward(dropout.forward(h)).MoveToOuterDisposeScope());
    }

    /// <inheritdoc/>
    public RecurrentStates ForwardStates(Batch batch, Tensor? parameters)
    {
        CheckInputs(batch, parameters);
        using var scope = torch.NewDisposeScope();
        var (h, c) = dynamicGates.Run(batch.Dynamic, InputGate(batch));
        var prediction = head.forward(dropout.forward(h));
        return new RecurrentStates(h.MoveToOuterDisposeScope(), c.MoveToOuterDisposeScope(), prediction.MoveToOuterDisposeScope());
    }

    /// <inheritdoc/>
    /// <returns>The input gate <c>i = σ(W_i x_s + b_i)</c> [B, H], in (0, 1).</returns>
    public Tensor Embedding(Batch batch)
    {
        CheckInputs(batch, null);
        return InputGate(batch);
    }

    /// <summary>σ(input_gate(x_s)) [B, H].</summary>
    private Tensor InputGate(Batch batch)
    {
        var s = batch.Static ?? throw new ArgumentException(
            $"ealstm was built with {Context.StaticInputs.Count} static inputs ({string.Join(", ", Context.StaticInputs)}) but the batch has none");
        return inputGate.forward(s).sigmoid();
    }

    private static void Validate(EaLstmOptions options, ComponentContext context)
    {
        if (options.HiddenSize is < 1 or > 4096)
        {
            throw new ArgumentException($"ealstm: hidden_size must be in 1..4096, got {options.HiddenSize}", nameof(options));
        }

        if (options.Dropout is < 0 or > 0.95 || double.IsNaN(options.Dropout))
        {
            throw new ArgumentException($"ealstm: dropout must be in 0..0.95, got {options.Dropout}", nameof(options));
        }

        if (!double.IsFinite(options.InitialForgetBias))
        {
            throw new ArgumentException($"ealstm: initial_forget_bias must be a finite number, got {options.InitialForgetBias}", nameof(options));
        }

        if (context.StaticInputs.Count == 0)
        {
            throw new ArgumentException("ealstm needs static inputs: its input gate is computed from the catchment attributes alone. "
                + "List them under 'inputs.static' in the experiment, or use backbone type 'lstm', which works without", nameof(context));
        }

        if (context.DynamicInputs.Count == 0)
        {
            throw new ArgumentException("ealstm needs at least one dynamic input: list forcings under 'inputs.dynamic' in the experiment", nameof(context));
        }

        if (context.Targets.Count == 0)
        {
            throw new ArgumentException("ealstm needs at least one target: list it under 'targets' in the experiment", nameof(context));
        }
    }
}
