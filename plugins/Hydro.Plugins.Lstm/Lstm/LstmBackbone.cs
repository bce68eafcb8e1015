using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Lstm.Lstm;

/// <summary>
/// The LSTM with static attributes of Kratzert et al. (2019): the static attributes are repeated at every step and
/// concatenated to the dynamic inputs, an LSTM reads the sequence, and dropout then a linear layer map its output to
/// the targets at every step (sequence-to-sequence; the trainer picks the steps the loss sees).
/// </summary>
/// <remarks>
/// Mirrors neuralhydrology's <c>CudaLSTM</c>: <c>x = [dynamic [B, T, F] ‖ static [B, S] repeated over T]</c> →
/// <c>nn.LSTM(F + S, H, batch_first)</c> → dropout → <c>nn.Linear(H, K)</c> → prediction [B, T, K]. Weights are drawn
/// from <see cref="ComponentContext.Generator"/>, then the forget-gate slice [H, 2H) of <c>bias_hh_l0</c> is set to
/// <see cref="LstmOptions.InitialForgetBias"/>. Submodules are named <c>lstm</c> and <c>head</c> so that state dicts
/// match a PyTorch model built the same way. As an <see cref="IRecurrentBackbone"/> it returns the last layer's h[t] and
/// c[t] (<see cref="nn.LSTM.forward_with_states"/>) and has no per-basin embedding.
/// </remarks>
[Component("lstm", typeof(LstmOptions), Summary = "LSTM over dynamic inputs with static attributes repeated at every step, dropout and a linear head (Kratzert et al. 2019).")]
public sealed class LstmBackbone : Backbone<LstmOptions>, IRecurrentBackbone
{
    private readonly nn.LSTM lstm;
    private readonly nn.Dropout dropout;
    private readonly nn.Linear head;

    /// <summary>Creates the layers on the context's device.</summary>
    /// <exception cref="ArgumentException">Options out of range, no inputs or no targets.</exception>
    public LstmBackbone(LstmOptions options, ComponentContext context)
        : base(options, context)
    {
        Validate(options, context);
        var inputs = context.DynamicInputs.Count + context.StaticInputs.Count;
        lstm = new nn.LSTM(inputs, options.HiddenSize, options.NumLayers, batch_first: true, generator: context.Generator);
        // The mask comes from the global generator: an explicit Generator is CPU-only and the model may run on CUDA.
        dropout = new nn.Dropout(options.Dropout);
        head = new nn.Linear(options.HiddenSize, context.Targets.Count, generator: context.Generator);
        register_module(nameof(lstm), lstm);
        register_module(nameof(dropout), dropout);
        register_module(nameof(head), head);

        var hidden = options.HiddenSize;
        nn.init.constant_(lstm.get_parameter("bias_hh_l0")!.narrow(0, hidden, hidden), options.InitialForgetBias);
        to(context.Device);
    }

    /// <inheritdoc/>
    public long HiddenSize => Options.HiddenSize;

    /// <inheritdoc/>
    protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters)
    {
        using var scope = torch.NewDisposeScope();
        var (output, _) = lstm.forward(Inputs(batch));
        var prediction = head.forward(dropout.forward(output));
        return new BackboneOutputs(prediction.MoveToOuterDisposeScope());
    }

    /// <inheritdoc/>
    /// <remarks>The lower layers run fused, the last one step by step: slower than <see cref="Backbone{TOptions}.Forward"/>, meant for analyses.</remarks>
    public RecurrentStates ForwardStates(Batch batch, Tensor? parameters)
    {
        CheckInputs(batch, parameters);
        using var scope = torch.NewDisposeScope();
        var states = lstm.forward_with_states(Inputs(batch));
        var prediction = head.forward(dropout.forward(states.h));
        CheckPrediction(prediction, batch);
        return new RecurrentStates(states.h.MoveToOuterDisposeScope(), states.c.MoveToOuterDisposeScope(), prediction.MoveToOuterDisposeScope());
    }

    /// <inheritdoc/>
    /// <returns>Always null: the attributes enter every step, there is no separate per-basin vector.</returns>
    public Tensor? Embedding(Batch batch) => null;

    /// <summary>[dynamic [B, T, F] ‖ static [B, S] repeated over T] → [B, T, F + S].</summary>
    private Tensor Inputs(Batch batch)
    {
        var x = batch.Dynamic;
        var statics = Context.StaticInputs.Count;
        if (statics > 0)
        {
            var s = batch.Static ?? throw new ArgumentException(
                $"lstm was built with {statics} static inputs ({string.Join(", ", Context.StaticInputs)}) but the batch has none");
            x = torch.cat([x, s.unsqueeze(1).expand(batch.Size, batch.Steps, statics)], 2);
        }

        return x;
    }

    private static void Validate(LstmOptions options, ComponentContext context)
    {
        if (options.HiddenSize is < 1 or > 4096)
        {
            throw new ArgumentException($"lstm: hidden_size must be in 1..4096, got {options.HiddenSize}", nameof(options));
        }

        if (options.NumLayers is < 1 or > 8)
        {
            throw new ArgumentException($"lstm: num_layers must be in 1..8, got {options.NumLayers}", nameof(options));
        }

        if (options.Dropout is < 0 or > 0.95 || double.IsNaN(options.Dropout))
        {
            throw new ArgumentException($"lstm: dropout must be in 0..0.95, got {options.Dropout}", nameof(options));
        }

        if (!double.IsFinite(options.InitialForgetBias))
        {
            throw new ArgumentException($"lstm: initial_forget_bias must be a finite number, got {options.InitialForgetBias}", nameof(options));
        }

        if (context.DynamicInputs.Count + context.StaticInputs.Count == 0)
        {
            throw new ArgumentException("lstm needs at least one input: list variables under 'inputs.dynamic' (and optionally 'inputs.static') in the experiment", nameof(context));
        }

        if (context.Targets.Count == 0)
        {
            throw new ArgumentException("lstm needs at least one target: list it under 'targets' in the experiment", nameof(context));
        }
    }
}
