using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Models;
using Hydro.Torch;

namespace Hydro.Core.Analysis.Runs;

/// <summary>The states of a model over every day of a period: one row per (basin, day), in basin then date order.</summary>
/// <param name="Basins">The basin of each row.</param>
/// <param name="Dates">The day of each row.</param>
/// <param name="Cell">c[t] [N, H], float32 on the CPU.</param>
/// <param name="Hidden">h[t] [N, H], float32 on the CPU.</param>
internal sealed record RecordedStates(IReadOnlyList<string> Basins, IReadOnlyList<DateTime> Dates, Tensor Cell, Tensor Hidden);

/// <summary>
/// Records c[t] and h[t] of an <see cref="IRecurrentBackbone"/> over a period: windows tile it as in evaluation
/// (<see cref="PeriodPredictor.Windows"/>), so each day's state comes from the one window that scores it, after at least
/// <c>sequence_length − predict_last_n</c> days of spin-up; days before the period are dropped.
/// </summary>
internal static class StateRecorder
{
    public static RecordedStates Record(HydroModel model, IRecurrentBackbone backbone, BasinStore store, Batcher batcher, int batchSize,
        Action<int> windowsDone, CancellationToken ct)
    {
        var windows = new PeriodPredictor(store, batcher, batchSize).Windows();
        var l = batcher.SequenceLength;
        var firstScored = WindowSampler.FirstScoredPosition(l, batcher.PredictLastN, batcher.Warmup);
        var basins = new List<string>();
        var dates = new List<DateTime>();
        var cells = new List<Tensor>();
        var hidden = new List<Tensor>();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var chunk in windows.Chunk(batchSize))
        {
            ct.ThrowIfCancellationRequested();
            using var inner = torch.NewDisposeScope();
            var batch = batcher.Build(chunk);
            using var states = AnalysisSetup.States(model, backbone, batch);
            var rows = new List<long>();
            for (var i = 0; i < chunk.Length; i++)
            {
                var basin = store.Basins[chunk[i].Basin];
                for (var p = firstScored; p < l; p++)
                {
                    var row = chunk[i].End - l + 1 + p;
                    if (row >= basin.PeriodStartIndex)
                    {
                        rows.Add(((long)i * l) + p);
                        basins.Add(basin.Basin);
                        dates.Add(basin.TimeAt(row));
                    }
                }
            }

            var index = torch.tensor(rows.ToArray(), device: states.Cell.device);
            var h = states.Hidden.size(2);
            cells.Add(states.Cell.reshape(-1, h).index_select(0, index).to(Device.CPU, ScalarType.Float32).MoveToOuterDisposeScope());
            hidden.Add(states.Hidden.reshape(-1, h).index_select(0, index).to(Device.CPU, ScalarType.Float32).MoveToOuterDisposeScope());
            windowsDone(chunk.Length);
        }

        var size = backbone.HiddenSize;
        var c = cells.Count == 0 ? torch.zeros([0, size]) : torch.cat([.. cells], 0);
        var hh = hidden.Count == 0 ? torch.zeros([0, size]) : torch.cat([.. hidden], 0);
        return new RecordedStates(basins, dates, c.MoveToOuterDisposeScope(), hh.MoveToOuterDisposeScope());
    }
}
