using System.Globalization;
using System.Text.RegularExpressions;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Models;
using Hydro.Core.Runs;
using Hydro.Torch;

namespace Hydro.Core.Analysis.Runs;

/// <summary>
/// <c>hydro attention</c>: a trained attention model's spatial map <c>spatial_attention</c> [B, T, H, W] and feature
/// weights <c>feature_attention</c> [B, T, C] (e.g. hydrotrace), averaged per basin and meteorological season over the
/// scored steps of a period.
/// </summary>
/// <remarks>
/// <para>Windows tile the period as in evaluation (<see cref="PeriodPredictor.Windows"/>), run without gradients; each
/// scored step of a window is assigned to the season of its time stamp (DJF, MAM, JJA, SON). An ensemble contributes
/// the mean of its members' maps at each step; <c>--seed</c> picks one member. Maps are cropped from the batch's
/// padded grid back to each basin's own grid, NaN outside its mask.</para>
/// <para>When the dataset plants a truth (synthetic_grid's <c>truth_region</c>, <c>truth_channels</c> grid attributes),
/// the summary compares the period's attention with it: the share of the spatial mass inside the region over the
/// region's share of the basin's cells (1 for a uniform map), and whether the planted channels rank first.</para>
/// </remarks>
public static partial class AttentionAnalysis
{
    /// <summary>The <c>format</c> of its <c>summary.json</c>.</summary>
    public const string Format = "hydro.attention/1";

    /// <summary>The backbone output holding the spatial map [B, T, H, W].</summary>
    public const string SpatialOutput = "spatial_attention";

    /// <summary>The backbone output holding the feature weights [B, T, C].</summary>
    public const string FeatureOutput = "feature_attention";

    /// <summary>One row per basin, season and channel.</summary>
    public const string ContributionsCsv = "feature_contributions.csv";

    /// <summary>Computes the seasonal means and writes <c>attention_&lt;basin&gt;.nc</c>, <see cref="ContributionsCsv"/>, <c>summary.json</c> (and what <see cref="AttentionRequest.Draw"/> draws).</summary>
    /// <exception cref="RunException">No gridded inputs, a backbone without attention outputs, unknown period, no window to score.</exception>
    /// <exception cref="DataException">The data cannot be read.</exception>
    public static AttentionReport Run(TrainedRun run, AttentionRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        request ??= new AttentionRequest();
        var o = run.Experiment.Options;
        var channels = o.Inputs.Gridded;
        if (channels.Count == 0)
        {
            throw new RunException($"attention needs a model over gridded inputs, but the run's experiment has no inputs.gridded ({run.Directory}); "
                + $"train an attention backbone (e.g. hydrotrace) that outputs '{SpatialOutput}' and '{FeatureOutput}'");
        }

        var periodName = request.Period ?? o.Evaluation.Period;
        var (start, end) = run.PeriodOf(periodName);
        var batchSize = request.BatchSize ?? o.Training.BatchSize;
        if (batchSize < 1)
        {
            throw new RunException($"batch size must be at least 1, got {batchSize}");
        }

        var device = AnalysisSetup.Device(run, request.Device);
        using var data = run.OpenData(device);
        var store = data.Load(periodName, start, end, observations: false, cancellationToken: request.CancellationToken);
        var warnings = store.Warnings.ToList();
        var batcher = run.Batcher(store, device);
        var windows = new PeriodPredictor(store, batcher, batchSize).Windows();
        var sums = new SeasonalAttention(channels.Count);
        var models = run.LoadModels(device);
        try
        {
            Accumulate(run, sums, models, store, batcher, windows, batchSize, channels.Count, request);
        }
        finally
        {
            foreach (var m in models)
            {
                m.Dispose();
            }
        }

        var means = sums.Means();
        if (means.Count == 0)
        {
            throw new RunException($"no window of {o.Training.SequenceLength} steps with complete inputs ends in the {periodName} period {start:yyyy-MM-dd}..{end:yyyy-MM-dd}; no attention to aggregate");
        }

        var grids = store.Basins.Where(b => b.Grid is not null).ToDictionary(b => b.Basin, b => b.Grid!.Description, StringComparer.Ordinal);
        var basins = means.Select(m =>
        {
            var grid = grids[m.Basin];
            var basin = new BasinAttention(m.Basin, grid, m.Spatial, m.Feature, m.Steps, null);
            return basin with { Truth = Truth(basin, channels) };
        }).ToList();
        var seen = basins.Select(b => b.Basin).ToHashSet(StringComparer.Ordinal);
        warnings.AddRange(store.Basins.Where(b => !seen.Contains(b.Basin))
            .Select(b => $"basin {b.Basin}: no window with complete inputs in the {periodName} period; left out"));
        var output = request.OutputDirectory ?? AnalysisFiles.DefaultFolder(run, $"attention_{periodName}");
        var report = new AttentionReport(Path.GetFullPath(output), periodName, start, end, [.. run.Members.Select(m => m.Seed)], [.. channels], basins, warnings);
        AtomicDirectory.Create(output, dir =>
        {
            Write(dir, run, report);
            request.Draw?.Invoke(dir, report);
        }, replace: true);
        return report;
    }

    /// <summary>The NetCDF file of <paramref name="basin"/>'s seasonal attention.</summary>
    public static string NetCdfName(string basin) => $"attention_{AnalysisFiles.Safe(basin)}.nc";

    private static void Accumulate(TrainedRun run, SeasonalAttention sums, IReadOnlyList<HydroModel> models, BasinStore store, Batcher batcher,
        IReadOnlyList<WindowRef> windows, int batchSize, int channels, AttentionRequest request)
    {
        var l = batcher.SequenceLength;
        var firstScored = WindowSampler.FirstScoredPosition(l, batcher.PredictLastN, batcher.Warmup);
        InferenceBatches.Run(models, batcher, windows, batchSize, (chunk, batch) =>
        {
            Tensor? spatial = null, feature = null;
            foreach (var model in models)
            {
                var (outputs, _) = model.Forward(batch);
                var s = Output(run, outputs, SpatialOutput, 4);
                var f = Output(run, outputs, FeatureOutput, 3);
                spatial = spatial is null ? s : spatial + s;
                feature = feature is null ? f : feature + f;
            }

            if (models.Count > 1)
            {
                spatial = spatial! / models.Count;
                feature = feature! / models.Count;
            }

            int hp = (int)spatial!.size(2), wp = (int)spatial.size(3);
            if (feature!.size(2) != channels)
            {
                throw new RunException($"the backbone's '{FeatureOutput}' has {feature.size(2)} channels, but the run has {channels} gridded inputs ({run.Directory})");
            }

            var sv = spatial.to(Device.CPU, ScalarType.Float32).contiguous().data<float>();
            var fv = feature.to(Device.CPU, ScalarType.Float32).contiguous().data<float>();
            for (var i = 0; i < chunk.Length; i++)
            {
                var basin = store.Basins[chunk[i].Basin];
                var mask = basin.Grid?.Description.Mask ?? throw new RunException($"basin {basin.Basin} has no grid");
                for (var p = firstScored; p < l; p++)
                {
                    var index = chunk[i].End - l + 1 + p;
                    if (index < basin.PeriodStartIndex)
                    {
                        continue; // history before the period: never scored
                    }

                    var step = (i * l) + p;
                    sums.Add(basin.Basin, mask, basin.TimeAt(index), sv, step * hp * wp, wp, fv, step * channels);
                }
            }
        }, request.Progress, request.CancellationToken);
    }

    private static Tensor Output(TrainedRun run, BackboneOutputs outputs, string name, int dims) =>
        outputs.Extras.TryGetValue(name, out var o) && o.Value.dim() == dims ? o.Value
            : throw new RunException($"backbone '{run.Experiment.Backbone.Type}' does not output '{name}' ({(dims == 4 ? "[B, T, H, W]" : "[B, T, C]")}), "
                + $"so there is no attention to aggregate ({run.Directory}); hydrotrace outputs '{SpatialOutput}' and '{FeatureOutput}' "
                + "(with spatial_attention/feature_attention off they are uniform, but still written)");

    /// <summary>The planted-truth check, when the grid's attributes name a <c>truth_region</c> ("rows R0..R1, columns C0..C1 …", inclusive).</summary>
    internal static PlantedTruthCheck? Truth(BasinAttention basin, IReadOnlyList<string> channels)
    {
        if (!basin.Grid.Attributes.TryGetValue("truth_region", out var text) || RegionPattern().Match(text) is not { Success: true } m)
        {
            return null;
        }

        int r0 = Int(m, 1), r1 = Int(m, 2), c0 = Int(m, 3), c1 = Int(m, 4);
        var map = basin.PeriodSpatial();
        double inside = 0, total = 0;
        int cellsInside = 0, cells = 0;
        for (var i = 0; i < map.GetLength(0); i++)
        {
            for (var j = 0; j < map.GetLength(1); j++)
            {
                if (!basin.Grid.Mask[i, j])
                {
                    continue;
                }

                var inRegion = i >= r0 && i <= r1 && j >= c0 && j <= c1;
                cells++;
                total += map[i, j];
                if (inRegion)
                {
                    cellsInside++;
                    inside += map[i, j];
                }
            }
        }

        var planted = basin.Grid.Attributes.TryGetValue("truth_channels", out var names)
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(channels.Contains).ToList()
            : [];
        var weights = basin.PeriodFeature();
        // Strictly above every other channel: uniform weights (feature_attention off) rank nothing first.
        var plantedMin = planted.Select(n => weights[channels.ToList().IndexOf(n)]).DefaultIfEmpty(double.NaN).Min();
        var othersMax = Enumerable.Range(0, channels.Count).Where(c => !planted.Contains(channels[c])).Select(c => weights[c]).DefaultIfEmpty(double.NegativeInfinity).Max();
        var first = planted.Count > 0 && plantedMin > othersMax;
        return new PlantedTruthCheck(total > 0 ? inside / total : double.NaN, cells > 0 ? (double)cellsInside / cells : double.NaN, planted, first);
    }

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"rows\s+(\d+)\.\.(\d+),\s*columns\s+(\d+)\.\.(\d+)")]
    private static partial Regex RegionPattern();
}
