using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Tests.Training;
using Hydro.Torch;

namespace Hydro.Core.Tests.Analysis.Runs;

/// <summary>Options of <see cref="AnalysisDataset"/>.</summary>
public sealed class AnalysisDatasetOptions
{
    [Range(1, 100)]
    public int Basins { get; init; } = 6;

    public DateOnly Start { get; init; } = new(2000, 1, 1);

    [Range(1, 100_000)]
    public int Days { get; init; } = 700;
}

/// <summary>
/// Six basins with inputs x1, x2, a hidden store (an exponential moving average of x1 the model is not given), seeded
/// noise, attributes a, b, frac and a signature sig = 2a + 1; target y = 2·x1 − x2 + 0.3·a + 0.2·b + 1.
/// </summary>
[Component("analysis_toy", typeof(AnalysisDatasetOptions))]
public sealed class AnalysisDataset(AnalysisDatasetOptions options, ComponentContext context) : IDataset
{
    private readonly ComponentContext context = context;

    public static (double X1, double X2) Inputs(int basin, int day) => ToyDataset.Inputs(basin, day);

    public static double[] Attributes(int basin, int basins) => [basin, (basin * 7) % 5, basin / (double)Math.Max(1, basins - 1), (2.0 * basin) + 1];

    public DatasetDescription Describe() => new(
        context.Basins ?? [.. Enumerable.Range(0, options.Basins).Select(b => $"b{b}")],
        [new("x1", "-", false), new("x2", "-", false), new("store", "mm", false), new("noise", "-", false), new("y", "mm/day", false),
            new("a", "-", true), new("b", "-", true), new("frac", "-", true), new("sig", "-", true)],
        options.Start.ToDateTime(TimeOnly.MinValue),
        options.Start.AddDays(options.Days - 1).ToDateTime(TimeOnly.MinValue));

    public BasinSeries Load(string basin, DataRequest request)
    {
        var b = int.Parse(basin.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        var attributes = Attributes(b, options.Basins);
        var rows = request.End.DayNumber - request.Start.DayNumber + 1;
        var dyn = new float[rows, request.Dynamic.Count];
        var tgt = new float[rows, request.Targets.Count];
        var store = 0.0;
        var first = request.Start.DayNumber - options.Start.DayNumber;
        for (var day = 0; day < first; day++)
        {
            store = (0.9 * store) + Inputs(b, day).X1;
        }

        for (var r = 0; r < rows; r++)
        {
            var day = first + r;
            var (x1, x2) = Inputs(b, day);
            store = (0.9 * store) + x1;
            for (var j = 0; j < request.Dynamic.Count; j++)
            {
                dyn[r, j] = request.Dynamic[j] switch
                {
                    "x1" => (float)x1,
                    "x2" => (float)x2,
                    "store" => (float)store,
                    "noise" => (float)new Random(HashCode.Combine(b, day)).NextDouble(),
                    "y" => (float)Truth(x1, x2, attributes),
                    var other => throw new DataException($"analysis_toy: no variable {other}"),
                };
            }

            for (var j = 0; j < request.Targets.Count; j++)
            {
                tgt[r, j] = (float)Truth(x1, x2, attributes);
            }
        }

        var names = new[] { "a", "b", "frac", "sig" };
        return new BasinSeries(basin, request.Start, dyn, [.. request.Static.Select(n => (float)attributes[Array.IndexOf(names, n)])], tgt);
    }

    public void Dispose()
    {
    }

    private static double Truth(double x1, double x2, double[] attributes) => (2 * x1) - x2 + (0.3 * attributes[0]) + (0.2 * attributes[1]) + 1;
}

public sealed class ToyRecurrentOptions
{
    [Range(1, 64)]
    public int HiddenSize { get; init; } = 6;

    /// <summary>α of c[t] = α·c[t−1] + z[t]; 0 makes each day's state a function of that day's inputs alone.</summary>
    [Range(0.0, 0.99)]
    public double Memory { get; init; } = 0.5;

    /// <summary>Gate h[t] by a per-basin embedding σ(E·s) (as the EA-LSTM's input gate is one).</summary>
    public bool Embedding { get; init; } = true;
}

/// <summary>
/// A lab's own recurrent backbone in a few lines: z[t] = tanh(W [x[t] ‖ s] + b), c[t] = α c[t−1] + z[t], h[t] = tanh(c[t]),
/// prediction = head(h[t] ⊙ σ(E s)) — probe-able because it implements <see cref="IRecurrentBackbone"/>.
/// </summary>
[Component("toy_rnn", typeof(ToyRecurrentOptions))]
public sealed class ToyRecurrentBackbone : Backbone<ToyRecurrentOptions>, IRecurrentBackbone
{
    private readonly nn.Linear input;
    private readonly nn.Linear? embedding;
    private readonly nn.Linear head;

    public ToyRecurrentBackbone(ToyRecurrentOptions options, ComponentContext context)
        : base(options, context)
    {
        input = new nn.Linear(context.DynamicInputs.Count + context.StaticInputs.Count, options.HiddenSize, generator: context.Generator);
        head = new nn.Linear(options.HiddenSize, context.Targets.Count, generator: context.Generator);
        register_module("input", input);
        register_module("head", head);
        if (options.Embedding && context.StaticInputs.Count > 0)
        {
            embedding = new nn.Linear(context.StaticInputs.Count, options.HiddenSize, generator: context.Generator);
            register_module("embedding", embedding);
        }
    }

    public long HiddenSize => Options.HiddenSize;

    public RecurrentStates ForwardStates(Batch batch, Tensor? parameters)
    {
        CheckInputs(batch, parameters);
        using var scope = torch.NewDisposeScope();
        var x = batch.Static is { } s ? torch.cat([batch.Dynamic, s.unsqueeze(1).expand([batch.Size, batch.Steps, s.size(1)])], 2) : batch.Dynamic;
        var z = input.forward(x).tanh();
        var c = new List<Tensor>();
        Tensor? previous = null;
        for (var t = 0; t < batch.Steps; t++)
        {
            previous = previous is null ? z.select(1, t) : (previous * Options.Memory) + z.select(1, t);
            c.Add(previous);
        }

        var cell = torch.stack(c, 1);
        var h = cell.tanh();
        var gate = Embedding(batch);
        var prediction = head.forward(gate is null ? h : h * gate.unsqueeze(1));
        return new RecurrentStates(h.MoveToOuterDisposeScope(), cell.MoveToOuterDisposeScope(), prediction.MoveToOuterDisposeScope());
    }

    public Tensor? Embedding(Batch batch) => embedding is null || batch.Static is null ? null : embedding.forward(batch.Static).sigmoid();

    protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters)
    {
        using var scope = torch.NewDisposeScope();
        return new BackboneOutputs(ForwardStates(batch, parameters).Prediction.MoveToOuterDisposeScope());
    }
}

internal static class AnalysisCatalog
{
    public static ComponentCatalog Create()
    {
        var catalog = TrainingCatalog.Create();
        catalog.Add(new ComponentDescriptor(ComponentKind.Dataset, "analysis_toy", typeof(AnalysisDataset), typeof(AnalysisDatasetOptions), "Hydro.Tests"));
        catalog.Add(new ComponentDescriptor(ComponentKind.Backbone, "toy_rnn", typeof(ToyRecurrentBackbone), typeof(ToyRecurrentOptions), "Hydro.Tests"));
        return catalog;
    }

    /// <summary>An experiment on <see cref="AnalysisDataset"/>: train 2000-01..2000-12, validation and test after it.</summary>
    public static string Yaml(string backbone = "type: toy_rnn", string statics = "[a, b]", string training = "") => $"""
        experiment_name: analysis
        seed: 3
        dataset:
          type: analysis_toy
        periods:
          train: {"{"}start: 2000-01-01, end: 2000-12-31{"}"}
          validation: {"{"}start: 2001-01-01, end: 2001-04-30{"}"}
          test: {"{"}start: 2001-05-01, end: 2001-11-30{"}"}
        inputs:
          dynamic: [x1, x2]
          static: {statics}
        targets: [y]
        model:
          backbone:
            {backbone}
        loss:
          type: masked_mse
        optimizer:
          type: adam
          lr: 0.05
        training:
          epochs: 2
          batch_size: 32
          sequence_length: 10
          predict_last_n: 4
        {training}
        evaluation:
          period: validation
        """;
}
