using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Experiments;
using Hydro.Core.Tests.Training;
using Hydro.Torch;

namespace Hydro.Core.Tests.Forecast;

public sealed class MixingBackboneOptions
{
}

/// <summary>
/// A backbone in which every output step depends on every input step (a per-step linear map plus a linear map of the
/// window's mean input): any observation that reached an input anywhere in the window would move every forecast.
/// It refuses a batch that carries targets, so any run with it proves that the model never gets them.
/// </summary>
[Component("mixing", typeof(MixingBackboneOptions))]
public sealed class MixingBackbone : Backbone<MixingBackboneOptions>
{
    private readonly nn.Linear local;
    private readonly nn.Linear global;

    public MixingBackbone(MixingBackboneOptions options, ComponentContext context)
        : base(options, context)
    {
        var inputs = context.DynamicInputs.Count + context.StaticInputs.Count;
        local = new nn.Linear(inputs, context.Targets.Count, generator: context.Generator);
        global = new nn.Linear(inputs, context.Targets.Count, generator: context.Generator);
        register_module("local", local);
        register_module("global", global);
    }

    protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters)
    {
        if (batch.Target is not null || batch.TargetMask is not null)
        {
            throw new InvalidOperationException("the backbone was given the observed targets");
        }

        var x = batch.Dynamic;
        if (batch.Static is { } s)
        {
            x = torch.cat([x, s.unsqueeze(1).expand([batch.Size, batch.Steps, s.size(1)])], 2);
        }

        return new BackboneOutputs(local.forward(x) + global.forward(x.mean(1, keepdim: true)));
    }
}

internal static class ForecastCatalog
{
    public static ComponentCatalog Create()
    {
        var catalog = TrainingCatalog.Create();
        catalog.Add(new ComponentDescriptor(ComponentKind.Backbone, "mixing", typeof(MixingBackbone), typeof(MixingBackboneOptions), "Hydro.Tests"));
        return catalog;
    }

    /// <summary>The toy experiment as a forecast: 4 steps of history, 3 lead times, the mixing backbone.</summary>
    public const string Yaml = """
        experiment_name: toy_forecast
        seed: 7
        dataset:
          type: toy
          basins: 3
          days: 400
        periods:
          train: {start: 2000-01-01, end: 2000-09-30}
          validation: {start: 2000-10-01, end: 2001-02-03}
        inputs:
          dynamic: [x1, x2]
          static: [a]
        targets: [y]
        forecast:
          horizon: 3
        model:
          backbone:
            type: mixing
        loss:
          type: masked_mse
        optimizer:
          type: adam
          lr: 0.05
        training:
          epochs: 3
          batch_size: 16
          sequence_length: 4
        evaluation:
          period: validation
          metrics: [nse, rmse]
        """;

    public static Experiment Load(string yaml)
    {
        var result = new ExperimentLoader(Create()).LoadText(yaml);
        Assert.True(result.Succeeded, result.ToString());
        return result.Experiment!;
    }
}
