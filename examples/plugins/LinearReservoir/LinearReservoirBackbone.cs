using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace LinearReservoir;

/// <summary>
/// A single linear reservoir with a trained outflow coefficient: Q_t = k·S_t, S_{t+1} = S_t + P_t − Q_t, with
/// k = sigmoid(raw_k) ∈ (0, 1) per day. Predicts the one target [B, T, 1]; the extra output <c>storage</c> [B, T, 1]
/// is S_{t+1}, the storage at the end of day t (mm).
/// </summary>
/// <remarks>Explicit Euler step of dS/dt = P − kS (e.g. Beven, Rainfall-Runoff Modelling, 2012, ch. 4).</remarks>
[Component("linear_reservoir", typeof(LinearReservoirOptions), Summary = "Single linear reservoir Q = k·S with a trained k.")]
public sealed class LinearReservoirBackbone : Backbone<LinearReservoirOptions>
{
    private readonly int precipitation;
    private readonly nn.Parameter rawK;

    /// <summary>Creates the backbone.</summary>
    /// <exception cref="ArgumentException">The precipitation input is not a dynamic input, or there is not exactly one target.</exception>
    public LinearReservoirBackbone(LinearReservoirOptions options, ComponentContext context)
        : base(options, context)
    {
        precipitation = context.DynamicInputs.ToList().IndexOf(options.Precipitation);
        if (precipitation < 0)
        {
            throw new ArgumentException($"linear_reservoir: precipitation input '{options.Precipitation}' is not among the "
                + $"dynamic inputs ({string.Join(", ", context.DynamicInputs)}); add it to inputs.dynamic or set "
                + "model.backbone.precipitation to one of them", nameof(options));
        }

        if (context.Targets.Count != 1)
        {
            throw new ArgumentException($"linear_reservoir predicts one target, the experiment has {context.Targets.Count} "
                + $"({string.Join(", ", context.Targets)}); list exactly one under targets", nameof(context));
        }

        using var raw = torch.tensor(new[] { (float)Math.Log(options.InitialK / (1 - options.InitialK)) }, [1]);
        rawK = new nn.Parameter(raw);
        register_parameter("raw_k", rawK);
        to(context.Device);
    }

    /// <summary>The trained parameter [1]; k = sigmoid(raw_k).</summary>
    public Tensor RawK => rawK;

    /// <inheritdoc/>
    protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters)
    {
        using var scope = torch.NewDisposeScope();
        var k = RawK.sigmoid();
        var rain = batch.Dynamic.select(2, precipitation); // [B, T]
        var storage = torch.full([batch.Size], Options.InitialStorage, batch.Dynamic.dtype, batch.Dynamic.device);
        var flows = new Tensor[batch.Steps];
        var storages = new Tensor[batch.Steps];
        for (var t = 0; t < batch.Steps; t++)
        {
            flows[t] = k * storage;
            storage = storage + rain.select(1, t) - flows[t];
            storages[t] = storage;
        }

        var prediction = torch.stack(flows, 1).unsqueeze(2).MoveToOuterDisposeScope();
        var states = torch.stack(storages, 1).unsqueeze(2).MoveToOuterDisposeScope();
        return new BackboneOutputs(prediction).Add("storage", states, "mm");
    }
}
