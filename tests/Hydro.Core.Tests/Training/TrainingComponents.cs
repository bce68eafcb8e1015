using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Experiments;
using Hydro.Torch;

namespace Hydro.Core.Tests.Training;

/// <summary>Options of the toy dataset: y = 2·x1 − x2 + 0.3·a + 1 per basin, with a = basin index.</summary>
public sealed class ToyDatasetOptions
{
    [Range(1, 100)]
    public int Basins { get; init; } = 3;

    public DateOnly Start { get; init; } = new(2000, 1, 1);

    [Range(1, 100_000)]
    public int Days { get; init; } = 400;

    /// <summary>A basin whose targets are all missing (reported and skipped).</summary>
    public string? EmptyBasin { get; init; }

    /// <summary>Fail in the constructor (setup-failure tests).</summary>
    public bool Fail { get; init; }
}

/// <summary>A deterministic dataset generating a known linear function of its inputs.</summary>
[Component("toy", typeof(ToyDatasetOptions))]
public sealed class ToyDataset : IDataset
{
    private readonly ToyDatasetOptions options;

    public ToyDataset(ToyDatasetOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.Fail)
        {
            throw new InvalidOperationException("the toy dataset was told to fail");
        }

        this.options = options;
    }

    public static double Truth(double x1, double x2, double a) => (2 * x1) - x2 + (0.3 * a) + 1;

    public static (double X1, double X2) Inputs(int basin, int day) =>
        (Math.Sin((0.1 * day) + basin), Math.Cos((0.07 * day * (basin + 1)) + 0.5));

    public DatasetDescription Describe() => new(
        Enumerable.Range(0, options.Basins).Select(b => $"b{b}").ToArray(),
        [new("x1", "-", false), new("x2", "-", false), new("a", "-", true), new("y", "mm/day", false)],
        options.Start.ToDateTime(TimeOnly.MinValue),
        options.Start.AddDays(options.Days - 1).ToDateTime(TimeOnly.MinValue));

    public BasinSeries Load(string basin, DataRequest request)
    {
        var b = int.Parse(basin.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        var rows = request.End.DayNumber - request.Start.DayNumber + 1;
        var dyn = new float[rows, request.Dynamic.Count];
        var tgt = new float[rows, request.Targets.Count];
        for (var r = 0; r < rows; r++)
        {
            var day = request.Start.DayNumber - options.Start.DayNumber + r;
            var (x1, x2) = Inputs(b, day);
            for (var j = 0; j < request.Dynamic.Count; j++)
            {
                dyn[r, j] = (float)(request.Dynamic[j] == "x1" ? x1 : x2);
            }

            for (var j = 0; j < request.Targets.Count; j++)
            {
                tgt[r, j] = basin == options.EmptyBasin ? float.NaN : (float)Truth(x1, x2, b);
            }
        }

        return new BasinSeries(basin, request.Start, dyn, request.Static.Select(_ => (float)b).ToArray(), tgt);
    }

    public void Dispose()
    {
    }
}

public sealed class LinearBackboneOptions
{
    [Range(0.0, 0.9)]
    public double Dropout { get; init; }

    /// <summary>Multiply the prediction by NaN (non-finite loss tests).</summary>
    public bool EmitNan { get; init; }
}

/// <summary>A linear map from [dynamic, static] inputs to the targets at every step, with optional input dropout.</summary>
[Component("linear", typeof(LinearBackboneOptions))]
public sealed class LinearBackbone : Backbone<LinearBackboneOptions>
{
    private readonly nn.Linear linear;

    public LinearBackbone(LinearBackboneOptions options, ComponentContext context)
        : base(options, context)
    {
        linear = new nn.Linear(context.DynamicInputs.Count + context.StaticInputs.Count, context.Targets.Count, generator: context.Generator);
        register_module("linear", linear);
    }

    public nn.Linear Linear => linear;

    protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters)
    {
        var x = batch.Dynamic;
        if (batch.Static is { } s)
        {
            x = torch.cat([x, s.unsqueeze(1).expand([batch.Size, batch.Steps, s.size(1)])], 2);
        }

        x = nn.functional.dropout(x, Options.Dropout, training, Context.Generator);
        var y = linear.forward(x);
        return new BackboneOutputs(Options.EmitNan ? y * double.NaN : y);
    }
}

public sealed class MaskedMseOptions
{
    [Range(0.0, 10.0)]
    public double Weight { get; init; } = 1;
}

/// <summary>Mean squared error over the masked entries; built from options only.</summary>
[Component("masked_mse", typeof(MaskedMseOptions))]
public sealed class MaskedMse : Loss<MaskedMseOptions>
{
    public MaskedMse(MaskedMseOptions options)
        : base(options)
    {
    }

    protected override Tensor ComputeCore(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics)
    {
        var m = mask.to(ScalarType.Float32);
        return ((prediction - observation).square() * m).sum() / m.sum() * Options.Weight;
    }
}

internal static class TrainingCatalog
{
    public static ComponentCatalog Create()
    {
        var catalog = new ComponentCatalog();
        catalog.Add(new ComponentDescriptor(ComponentKind.Dataset, "toy", typeof(ToyDataset), typeof(ToyDatasetOptions), "Hydro.Tests"));
        catalog.Add(new ComponentDescriptor(ComponentKind.Backbone, "linear", typeof(LinearBackbone), typeof(LinearBackboneOptions), "Hydro.Tests"));
        catalog.Add(new ComponentDescriptor(ComponentKind.Loss, "masked_mse", typeof(MaskedMse), typeof(MaskedMseOptions), "Hydro.Tests"));
        return catalog;
    }

    public const string BaseYaml = """
        experiment_name: toy
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
        model:
          backbone:
            type: linear
        loss:
          type: masked_mse
        optimizer:
          type: adam
          lr: 0.05
        training:
          epochs: 4
          batch_size: 16
          sequence_length: 5
          predict_last_n: 2
        evaluation:
          period: validation
        """;

    public static Experiment Load(string yaml)
    {
        var result = new ExperimentLoader(Create()).LoadText(yaml);
        Assert.True(result.Succeeded, result.ToString());
        return result.Experiment!;
    }
}
