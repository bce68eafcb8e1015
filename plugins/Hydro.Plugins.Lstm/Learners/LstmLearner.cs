using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Lstm.Learners;

/// <summary>
/// The LSTM parameter learner of differentiable parameter learning (dPL, Tsai et al. 2021; Feng et al. 2022): reads the
/// forcings and attributes of the window and gives the backbone's parameters at every step.
/// </summary>
/// <remarks>
/// <c>x = [dynamic [B, T, F] ‖ static [B, S] repeated over T]</c> (normalised inputs) → <c>nn.LSTM(F + S, H)</c> →
/// dropout → <c>nn.Linear(H, P·nmul)</c> → sigmoid → [B, T, P, nmul] → scaled into each parameter's range. Static
/// parameters take the value of the last step (see <see cref="ParameterLearnerBase{TOptions}"/>). Submodules
/// <c>lstm</c> and <c>head</c>; weights from the context's seeded generator.
/// </remarks>
[Component("lstm", typeof(LstmLearnerOptions), Summary = "LSTM over forcings and repeated attributes → sigmoid → each parameter's range; static parameters from the window's last step (dPL, Feng et al. 2022).")]
public sealed class LstmLearner : ParameterLearnerBase<LstmLearnerOptions>
{
    private readonly nn.LSTM lstm;
    private readonly nn.Dropout dropout;
    private readonly nn.Linear head;

    /// <summary>Creates the layers on the context's device.</summary>
    /// <exception cref="ArgumentException">Options out of range, no inputs, or no parameter request.</exception>
    public LstmLearner(LstmLearnerOptions options, ComponentContext context)
        : base("lstm learner", options, context)
    {
        if (options.HiddenSize is < 1 or > 4096)
        {
            throw new ArgumentException($"lstm learner: hidden_size must be in 1..4096, got {options.HiddenSize}", nameof(options));
        }

        if (options.Dropout is < 0 or > 0.95 || double.IsNaN(options.Dropout))
        {
            throw new ArgumentException($"lstm learner: dropout must be in 0..0.95, got {options.Dropout}", nameof(options));
        }

        var inputs = context.DynamicInputs.Count + context.StaticInputs.Count;
        if (inputs == 0)
        {
            throw new ArgumentException("lstm learner needs inputs: list variables under 'inputs.dynamic' (and 'inputs.static')", nameof(context));
        }

        lstm = new nn.LSTM(inputs, options.HiddenSize, batch_first: true, generator: context.Generator);
        dropout = new nn.Dropout(options.Dropout);
        head = new nn.Linear(options.HiddenSize, Outputs, generator: context.Generator);
        register_module(nameof(lstm), lstm);
        register_module(nameof(dropout), dropout);
        register_module(nameof(head), head);
        to(context.Device);
    }

    /// <inheritdoc/>
    protected override Tensor ForwardCore(Batch batch)
    {
        using var scope = torch.NewDisposeScope();
        var x = batch.Dynamic;
        var statics = Context.StaticInputs.Count;
        if (statics > 0)
        {
            var s = batch.Static ?? throw new ArgumentException(
                $"lstm learner was built with {statics} static inputs ({string.Join(", ", Context.StaticInputs)}) but the batch has none");
            x = torch.cat([x, s.unsqueeze(1).expand(batch.Size, batch.Steps, statics)], 2);
        }

        var (output, _) = lstm.forward(x);
        var unit = head.forward(dropout.forward(output)).sigmoid();
        return unit.reshape(batch.Size, batch.Steps, Request.Parameters.Count, Request.Components).MoveToOuterDisposeScope();
    }
}
