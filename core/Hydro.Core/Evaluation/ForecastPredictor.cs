using Hydro.Core.Data;
using Hydro.Core.Models;
using Hydro.Torch;

namespace Hydro.Core.Evaluation;

/// <summary>
/// Forecasts from every issue time of a period (<see cref="ForecastWindows.IssueEnds"/>): one window of L + H steps
/// per issue time, run batch by batch without gradients; an ensemble's forecast is the mean of its models'. The H
/// horizon steps of each window are de-normalised to the targets' units and stored with the persistence forecast.
/// </summary>
public sealed class ForecastPredictor
{
    private readonly BasinStore store;
    private readonly Batcher batcher;
    private readonly ForecastWindows windows;
    private readonly int batchSize;

    /// <summary>Creates the predictor.</summary>
    /// <param name="store">The period's basins (with their history rows).</param>
    /// <param name="batcher">Builds forecast batches of <paramref name="store"/> (<see cref="ForecastWindows.Batcher"/>).</param>
    /// <param name="batchSize">Windows per forward pass.</param>
    public ForecastPredictor(BasinStore store, Batcher batcher, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(batcher);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.store = store;
        this.batcher = batcher;
        this.batchSize = batchSize;
        windows = batcher.Forecast ?? throw new ArgumentException("the batcher does not build forecast windows", nameof(batcher));
    }

    /// <summary>The window of every issue time, over all basins.</summary>
    public IReadOnlyList<WindowRef> Windows() =>
        [.. store.Basins.SelectMany((b, i) => windows.IssueEnds(b).Select(e => new WindowRef(i, e)))];

    /// <summary>Forecasts with <paramref name="models"/> (one, or an ensemble whose mean is the forecast).</summary>
    /// <returns>One forecast per basin with at least one issue time forecast, in store order.</returns>
    public IReadOnlyList<BasinForecast> Predict(IReadOnlyList<HydroModel> models, IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("no model to forecast with", nameof(models));
        }

        var all = Windows();
        var results = new BasinForecast?[store.Basins.Count];
        var norm = batcher.Normalizer;
        int k = store.Variables.Targets.Count, h = windows.Horizon, l = windows.History;
        InferenceBatches.Run(models, batcher, all, batchSize, (slice, batch) =>
        {
            Tensor? sum = null;
            foreach (var model in models)
            {
                var y = model.Forward(batch).Outputs.Prediction.narrow(1, l, h);
                sum = sum is null ? y : sum + y;
            }

            var values = (models.Count == 1 ? sum! : sum! / models.Count).to(Device.CPU, ScalarType.Float32).contiguous().data<float>();
            var forecast = new float[h * k];
            for (var i = 0; i < slice.Length; i++)
            {
                for (var q = 0; q < h * k; q++)
                {
                    var y = (double)values[(i * h * k) + q];
                    forecast[q] = (float)(norm.NormalizeTargets ? norm.Targets[q % k].Denormalize(y) : y);
                }

                var basin = store.Basins[slice[i].Basin];
                var result = results[slice[i].Basin] ??= new BasinForecast(basin, h, store.Variables.Targets);
                result.Set(slice[i].End - h, forecast);
            }
        }, progress, cancellationToken);

        return [.. results.Where(r => r is not null).Select(r => r!)];
    }
}
