using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Experiments;
using Hydro.Torch;

namespace Hydro.Core.Tests.Training;

public sealed class TwoLayerBackboneOptions
{
    public int Hidden { get; init; } = 4;
}

/// <summary>Two linear maps in a row (<c>first</c>, then <c>head</c>), so that one can be frozen and the other trained.</summary>
[Component("two_layer", typeof(TwoLayerBackboneOptions))]
public sealed class TwoLayerBackbone : Backbone<TwoLayerBackboneOptions>
{
    private readonly nn.Linear first;
    private readonly nn.Linear head;

    public TwoLayerBackbone(TwoLayerBackboneOptions options, ComponentContext context)
        : base(options, context)
    {
        first = new nn.Linear(context.DynamicInputs.Count + context.StaticInputs.Count, options.Hidden, generator: context.Generator);
        head = new nn.Linear(options.Hidden, context.Targets.Count, generator: context.Generator);
        register_module("first", first);
        register_module("head", head);
    }

    protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters)
    {
        var x = batch.Dynamic;
        if (batch.Static is { } s)
        {
            x = torch.cat([x, s.unsqueeze(1).expand([batch.Size, batch.Steps, s.size(1)])], 2);
        }

        return new BackboneOutputs(head.forward(torch.tanh(first.forward(x))));
    }
}

internal static class StartingPointCatalog
{
    public static ComponentCatalog Create()
    {
        var catalog = TrainingCatalog.Create();
        catalog.Add(new ComponentDescriptor(ComponentKind.Backbone, "two_layer", typeof(TwoLayerBackbone), typeof(TwoLayerBackboneOptions), "Hydro.Tests"));
        return catalog;
    }

    /// <summary>Loads like <c>hydro validate</c> / <c>hydro train</c> do (starting-point files checked), as if the text were <paramref name="file"/>.</summary>
    public static ExperimentLoadResult Validate(string yaml, string file) =>
        new ExperimentLoader(Create(), new ExperimentLoaderOptions { CheckStartingPoints = true }).LoadText(yaml, file);

    public static Experiment Load(string yaml, string? file = null)
    {
        var result = new ExperimentLoader(Create()).LoadText(yaml, file ?? "experiment.yaml");
        Assert.True(result.Succeeded, result.ToString());
        return result.Experiment!;
    }
}
