using System.Text.Json.Nodes;
using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Runs;
using Hydro.Core.Tests.Forecast;
using Hydro.Core.Training;
using Hydro.Torch;
using Microsoft.Extensions.Logging;

namespace Hydro.Core.Tests.Training;

/// <summary>
/// <c>training.observation_fraction</c> through the training setup and service on the toy dataset: 274 training days
/// (2000-01-01..2000-09-30, y complete), so f = 0.3 keeps ⌈82.2⌉ = 83 days per basin, from 2000-07-10.
/// </summary>
public sealed class ObservationFractionTrainingTests : IDisposable
{
    private static readonly DateTime FirstKept = new(2000, 7, 10);
    private readonly string root = Path.Combine(Path.GetTempPath(), $"hydro-obsfrac-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string WithFraction(string yaml, double f)
    {
        Assert.Contains("training:\n", yaml, StringComparison.Ordinal);
        return yaml.Replace("training:\n", $"training:\n  observation_fraction: {f.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n", StringComparison.Ordinal);
    }

    private static TrainingSetup Setup(string yaml) => TrainingSetup.Create(StartingPointCatalog.Load(yaml), null, CancellationToken.None);

    private static int Row(BasinData b, DateTime day) => day.DayNumber - b.Start.DayNumber;

    [Fact]
    public void TheTrainingStoreKeepsTheLastDaysWhileValidationAndStatisticsFollow()
    {
        using var all = Setup(TrainingCatalog.BaseYaml);
        using var part = Setup(WithFraction(TrainingCatalog.BaseYaml, 0.3));
        Assert.Null(all.KeptObservations);

        var kept = part.KeptObservations!;
        Assert.Equal((274L * 3, 83L * 3, 3), (kept.Observed, kept.Kept, kept.Basins));
        Assert.All(kept.Counts, c => Assert.Equal(FirstKept, c.FirstKept));
        var targets = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var (a, p) = (all.TrainStore.Basins[i], part.TrainStore.Basins[i]);
            var cut = Row(p, FirstKept);
            Assert.All(p.Targets[..cut], v => Assert.True(float.IsNaN(v)));
            Assert.Equal(a.Targets[cut..], p.Targets[cut..]);
            Assert.All(p.Targets[cut..], v => Assert.True(float.IsFinite(v)));
            targets.AddRange(a.Targets[cut..].Select(v => (double)v));

            // Every sampled window scores a kept day: predict_last_n = 2, so the earliest end is the first kept day.
            Assert.Equal(cut, part.Sampler.ValidEnds[i].Min());
            Assert.True(all.Sampler.ValidEnds[i].Min() < cut);
            Assert.Equal(a.Targets[cut..].Average(v => (double)v), part.Normalizer.ForBasin(a.Basin)!.TargetMean[0], 4);
        }

        // The target statistics are those of the kept days (computed here from the unmasked store); the inputs' are not changed.
        Assert.Equal(targets.Average(), part.Normalizer.Targets[0].Mean, 4);
        Assert.NotEqual(all.Normalizer.Targets[0].Mean, part.Normalizer.Targets[0].Mean, 3);
        Assert.Equal(all.Normalizer.Dynamic, part.Normalizer.Dynamic);

        // Validation is untouched, its history rows from the training period included.
        var (va, vp) = (all.ValidationStore!, part.ValidationStore!);
        Assert.Equal(va.Basins.Select(b => b.Targets), vp.Basins.Select(b => b.Targets));
        Assert.All(vp.Basins, b => Assert.All(b.Targets, v => Assert.True(float.IsFinite(v))));
    }

    [Fact]
    public void TrainsRecordsTheCountsAndLogsThemOnce()
    {
        var yaml = WithFraction(TrainingCatalog.BaseYaml, 0.3);
        var log = new ListLogger();
        var run = new TrainingService(StartingPointCatalog.Create()).Train(StartingPointCatalog.Load(yaml),
            new TrainOptions { RunDirectory = Path.Combine(root, "run"), ExperimentText = yaml, Logger = log });

        Assert.Equal(TrainingStatus.Completed, run.Status);
        Assert.All(TrainingLog.Read(Path.Combine(run.RunDirectory, RunLayout.TrainingLog)), r => Assert.True(double.IsFinite(r.TrainLoss)));
        Assert.Single(log.Lines, l => l == "observation_fraction 0.3: kept 249 of 822 training observations (y) over 3 basins");

        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(run.RunDirectory, ObservationFraction.FileName)))!;
        Assert.Equal(0.3, (double)record["fraction"]!);
        Assert.Equal((822L, 249L, 3), ((long)record["observed"]!, (long)record["kept"]!, (int)record["basins"]!));
        Assert.Equal(249L, (long)record["targets"]!["y"]!["kept"]!);
        var b1 = record["per_basin"]!.AsArray().Single(e => (string?)e!["basin"] == "b1")!;
        Assert.Equal((274, 83, "2000-07-10"), ((int)b1["observed"]!, (int)b1["kept"]!, (string?)b1["first_kept"]));
        Assert.Contains("\"observation_fraction\": 0.3", File.ReadAllText(Path.Combine(run.RunDirectory, RunLayout.ConfigJson)), StringComparison.Ordinal);

        // Without the option there is no record; evaluation of the run works as for any other.
        Assert.False(File.Exists(Path.Combine(new TrainingService(StartingPointCatalog.Create()).Train(StartingPointCatalog.Load(TrainingCatalog.BaseYaml),
            new TrainOptions { RunDirectory = Path.Combine(root, "all"), ExperimentText = TrainingCatalog.BaseYaml, StopAfterEpoch = 1 }).RunDirectory, ObservationFraction.FileName)));
        Assert.Equal(3, new Evaluator(StartingPointCatalog.Create()).Evaluate(run.RunDirectory).Basins);
    }

    [Fact]
    public void ForecastObservedInputsAreZeroWithFlagZeroOnMaskedDays()
    {
        using var all = TrainingSetup.Create(ForecastCatalog.Load(ForecastCatalog.Yaml), null, CancellationToken.None);
        using var part = TrainingSetup.Create(ForecastCatalog.Load(WithFraction(ForecastCatalog.Yaml, 0.3)), null, CancellationToken.None);
        var basin = part.TrainStore.Basins[0];
        var cut = Row(basin, FirstKept);

        // L = 4, H = 3: the window ending at cut + 4 has history rows cut − 2 .. cut + 1 (issued on cut + 1).
        using var scope = torch.NewDisposeScope();
        using var batch = part.TrainBatcher.Build([new WindowRef(0, cut + 4)]);
        Assert.Equal(["x1", "x2", "y_obs", "y_obs_flag"], batch.DynamicNames);
        var x = batch.Dynamic.data<float>();
        float At(int t, int channel) => x[(t * 4) + channel];
        Assert.Equal((0f, 0f, 0f, 0f), (At(0, 2), At(0, 3), At(1, 2), At(1, 3)));
        var norm = part.Normalizer.Targets[0];
        var raw = all.TrainStore.Basins[0].Targets;
        Assert.Equal((norm.Normalize(raw[cut]), 1f, norm.Normalize(raw[cut + 1]), 1f), (At(2, 2), At(2, 3), At(3, 2), At(3, 3)));

        // Without the mask the same window's first two days are observed.
        using var full = all.TrainBatcher.Build([new WindowRef(0, cut + 4)]);
        Assert.Equal(1f, full.Dynamic.data<float>()[(0 * 4) + 3]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    public void AFractionOutsideZeroToOneIsReportedAtItsLineAndColumn(string value)
    {
        var yaml = TrainingCatalog.BaseYaml.Replace("  epochs: 4", $"  epochs: 4\n  observation_fraction: {value}", StringComparison.Ordinal);
        var line = Array.FindIndex(yaml.Split('\n'), l => l.Contains("observation_fraction", StringComparison.Ordinal)) + 1;
        var errors = StartingPointCatalog.Validate(yaml, Path.Combine(root, "experiment.yaml")).Errors;

        var e = Assert.Single(errors);
        Assert.Equal(("training.observation_fraction", line, 25), (e.Path, e.Line, e.Column));
        Assert.Contains(value == "0" ? "exclusiveMinimum 0" : "maximum 1", e.ToString(), StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
