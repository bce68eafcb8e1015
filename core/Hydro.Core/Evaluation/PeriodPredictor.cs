using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;
using Hydro.Core.Models;
using Hydro.Torch;

namespace Hydro.Core.Evaluation;

/// <summary>
/// Predicts every day of a period for the basins of a store: windows tile the period
/// (<see cref="WindowSampler.TilingEndIndices"/>, each day scored by exactly one window), run batch by batch without
/// gradients through each model; an ensemble's prediction is the mean of its models' (Kratzert et al. 2019).
/// Predictions are de-normalised to the targets' units; extra backbone outputs and learned parameters are kept too.
/// </summary>
public sealed class PeriodPredictor
{
    private readonly BasinStore store;
    private readonly Batcher batcher;
    private readonly int batchSize;
    private readonly Func<BasinData, bool>? include;

    /// <summary>Creates the predictor.</summary>
    /// <param name="store">The period's basins (with their history rows).</param>
    /// <param name="batcher">Builds batches of <paramref name="store"/> with the run's normaliser and window settings.</param>
    /// <param name="batchSize">Windows per forward pass.</param>
    /// <param name="include">Which basins to predict; all when null.</param>
    public PeriodPredictor(BasinStore store, Batcher batcher, int batchSize, Func<BasinData, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(batcher);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.store = store;
        this.batcher = batcher;
        this.batchSize = batchSize;
        this.include = include;
    }

    /// <summary>The windows that tile the period, over the included basins.</summary>
    public IReadOnlyList<WindowRef> Windows()
    {
        var windows = new List<WindowRef>();
        for (var i = 0; i < store.Basins.Count; i++)
        {
            if (include?.Invoke(store.Basins[i]) ?? true)
            {
                windows.AddRange(WindowSampler.TilingEndIndices(store.Basins[i], batcher.SequenceLength, batcher.PredictLastN, batcher.Warmup)
                    .Select(e => new WindowRef(i, e)));
            }
        }

        return windows;
    }

    /// <summary>Runs <paramref name="models"/> over the period.</summary>
    /// <param name="models">One model, or the members of an ensemble (their mean is the prediction).</param>
    /// <param name="onBatch">Called with each batch and its (mean) prediction in model units [B, T, K], e.g. for a validation loss.</param>
    /// <param name="progress">Windows done and total.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <returns>One prediction per included basin, in store order.</returns>
    public IReadOnlyList<BasinPrediction> Predict(IReadOnlyList<HydroModel> models, Action<Batch, Tensor>? onBatch = null,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("no model to predict with", nameof(models));
        }

        var windows = Windows();
        var results = new BasinPrediction?[store.Basins.Count];
        var parameterSums = new Dictionary<string, (double Sum, long Count)>?[store.Basins.Count];
        InferenceBatches.Run(models, batcher, windows, batchSize, (slice, batch) =>
        {
            var (prediction, extras, parameters) = Mean(models, batch);
            onBatch?.Invoke(batch, prediction);
            Scatter(slice, prediction, extras, parameters, results, parameterSums);
        }, progress, cancellationToken);

        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is { } r && parameterSums[i] is { } sums)
            {
                foreach (var (name, (sum, count)) in sums)
                {
                    r.Parameters[name] = sum / count;
                }
            }
        }

        return [.. results.Where(r => r is not null).Select(r => r!)];
    }

    /// <summary>
    /// Whether an extra output is written as per-step series: [B, T] (one column) or [B, T, C] (C columns). Anything
    /// else is skipped: fewer than 2 dimensions, other leading sizes, and every output with more than 3 dimensions
    /// (e.g. spatial attention [B, T, H, W]), which is a map per step rather than a few series.
    /// </summary>
    internal static bool IsPerStepSeries(Tensor value, Batch batch) =>
        value.dim() is 2 or 3 && value.size(0) == batch.Size && value.size(1) == batch.Steps;

    /// <summary>The mean over models of the prediction [B, T, K], of each extra output [B, T, C] and of the parameters [B, T, P] (averaged over components).</summary>
    private static (Tensor Prediction, List<(string Name, string Unit, Tensor Value)> Extras, (ParameterRequest Request, Tensor Value)? Parameters) Mean(
        IReadOnlyList<HydroModel> models, Batch batch)
    {
        Tensor? prediction = null;
        Tensor? parameters = null;
        var extras = new List<(string Name, string Unit, Tensor Value)>();
        foreach (var model in models)
        {
            var (outputs, p) = model.Forward(batch);
            prediction = prediction is null ? outputs.Prediction : prediction + outputs.Prediction;
            if (p is not null)
            {
                var perStep = p.mean(3);
                parameters = parameters is null ? perStep : parameters + perStep;
            }

            var index = 0;
            foreach (var extra in outputs.Extras.Values)
            {
                var value = extra.Value;
                if (!IsPerStepSeries(value, batch))
                {
                    continue; // not a per-step series (an embedding, a map): analyses read those, evaluation does not
                }

                value = value.dim() == 2 ? value.unsqueeze(2) : value;
                if (extras.Count <= index)
                {
                    extras.Add((extra.Name, extra.Unit, value));
                }
                else
                {
                    extras[index] = (extra.Name, extra.Unit, extras[index].Value + value);
                }

                index++;
            }
        }

        var n = models.Count;
        var request = models[0].Learner is null ? null : models[0].Backbone.Parameters;
        return (n == 1 ? prediction! : prediction! / n,
            [.. extras.Select(e => (e.Name, e.Unit, n == 1 ? e.Value : e.Value / n))],
            parameters is null || request is null ? null : (request, n == 1 ? parameters : parameters / n));
    }

    private void Scatter(WindowRef[] slice, Tensor prediction, List<(string Name, string Unit, Tensor Value)> extras,
        (ParameterRequest Request, Tensor Value)? parameters, BasinPrediction?[] results, Dictionary<string, (double Sum, long Count)>?[] parameterSums)
    {
        var norm = batcher.Normalizer;
        var k = store.Variables.Targets.Count;
        var l = batcher.SequenceLength;
        var firstScored = WindowSampler.FirstScoredPosition(l, batcher.PredictLastN, batcher.Warmup);
        var values = Host(prediction);
        var extraValues = extras.Select(e => (e.Name, e.Unit, Columns: (int)e.Value.size(2), Values: Host(e.Value))).ToList();
        var parameterValues = parameters is { } pv ? Host(pv.Value) : null;
        var specs = parameters?.Request.Parameters ?? [];
        for (var i = 0; i < slice.Length; i++)
        {
            var bi = slice[i].Basin;
            var basin = store.Basins[bi];
            var result = results[bi] ??= NewResult(basin);
            for (var p = firstScored; p < l; p++)
            {
                var day = slice[i].End - l + 1 + p - basin.PeriodStartIndex;
                if (day < 0)
                {
                    continue;
                }

                for (var j = 0; j < k; j++)
                {
                    var y = (double)values[(((i * l) + p) * k) + j];
                    result.Simulated[(day * k) + j] = (float)(norm.NormalizeTargets ? norm.Targets[j].Denormalize(y) : y);
                }

                foreach (var (name, unit, columns, extra) in extraValues)
                {
                    for (var c = 0; c < columns; c++)
                    {
                        Series(result, columns == 1 ? name : $"{name}_{c}", unit)[day] = extra[(((i * l) + p) * columns) + c];
                    }
                }

                if (parameterValues is not null)
                {
                    var sums = parameterSums[bi] ??= new(StringComparer.Ordinal);
                    for (var q = 0; q < specs.Count; q++)
                    {
                        var v = parameterValues[(((i * l) + p) * specs.Count) + q];
                        var (sum, count) = sums.GetValueOrDefault(specs[q].Name);
                        sums[specs[q].Name] = (sum + v, count + 1);
                        if (specs[q].Dynamic)
                        {
                            Series(result, $"param_{specs[q].Name}", specs[q].Unit)[day] = v;
                        }
                    }
                }
            }
        }
    }

    private BasinPrediction NewResult(BasinData basin)
    {
        var k = store.Variables.Targets.Count;
        var days = basin.Steps - basin.PeriodStartIndex;
        var observed = basin.Targets.AsSpan(basin.PeriodStartIndex * k, days * k).ToArray();
        return new BasinPrediction(basin.Basin, basin.TimeAt(basin.PeriodStartIndex), days, store.Variables.Targets, observed, basin.Step);
    }

    private static float[] Series(BasinPrediction result, string name, string unit)
    {
        if (!result.Extras.TryGetValue(name, out var series))
        {
            var values = new float[result.Days];
            Array.Fill(values, float.NaN);
            series = new OutputSeries(unit, values);
            result.Extras[name] = series;
        }

        return series.Values;
    }

    private static float[] Host(Tensor t) => t.to(Device.CPU, ScalarType.Float32).contiguous().data<float>();
}
