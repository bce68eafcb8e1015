using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Lstm.Learners;

/// <summary>
/// A parameter learner on the static attributes alone (dPL with an MLP g_A(A), Feng et al. 2022): one parameter set per
/// basin, constant over the window; static parameters only.
/// </summary>
/// <remarks>
/// <c>static [B, S] → (Linear → ReLU → dropout) × layers → Linear(H, P·nmul) → sigmoid</c> → [B, 1, P, nmul], scaled and
/// repeated over T. Submodule <c>net</c> (a Sequential); weights from the context's seeded generator.
/// </remarks>
[Component("mlp", typeof(MlpLearnerOptions), Summary = "MLP on the static attributes → one static parameter set per basin, scaled into each parameter's range.")]
public sealed class MlpLearner : ParameterLearnerBase<MlpLearnerOptions>
{
    private readonly nn.Sequential net;

    /// <summary>Creates the layers on the context's device.</summary>
    /// <exception cref="ArgumentException">Options out of range, no static inputs, or dynamic parameters requested.</exception>
    public MlpLearner(MlpLearnerOptions options, ComponentContext context)
        : base("mlp learner", options, context)
    {
        var problems = new List<string>();
        if (options.HiddenSize is < 1 or > 4096)
        {
            problems.Add($"hidden_size must be in 1..4096, got {options.HiddenSize}");
        }

        if (options.NumLayers is < 1 or > 8)
        {
            problems.Add($"num_layers must be in 1..8, got {options.NumLayers}");
        }

        if (options.Dropout is < 0 or > 0.95 || double.IsNaN(options.Dropout))
        {
            problems.Add($"dropout must be in 0..0.95, got {options.Dropout}");
        }

        if (context.StaticInputs.Count == 0)
        {
            problems.Add("it reads static attributes only, and the experiment has none: list them under 'inputs.static'");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"mlp learner: {string.Join("; ", problems)}", nameof(options));
        }

        RequireStatic("the mlp learner sees only static attributes");
        net = new nn.Sequential();
        var width = context.StaticInputs.Count;
        for (var i = 0; i < options.NumLayers; i++)
        {
            net.append(new nn.Linear(width, options.HiddenSize, generator: context.Generator)).append(new nn.ReLU()).append(new nn.Dropout(options.Dropout));
            width = options.HiddenSize;
        }

        net.append(new nn.Linear(width, Outputs, generator: context.Generator));
        register_module(nameof(net), net);
        to(context.Device);
    }

    /// <inheritdoc/>
    protected override Tensor ForwardCore(Batch batch)
    {
        var s = batch.Static ?? throw new ArgumentException(
            $"mlp learner was built with static inputs ({string.Join(", ", Context.StaticInputs)}) but the batch has none");
        using var scope = torch.NewDisposeScope();
        var unit = net.forward(s).sigmoid();
        return unit.reshape(batch.Size, 1, Request.Parameters.Count, Request.Components).MoveToOuterDisposeScope();
    }
}
