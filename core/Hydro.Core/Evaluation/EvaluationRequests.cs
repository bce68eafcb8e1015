using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Evaluation;

/// <summary>What <see cref="Evaluator.Evaluate"/> computes.</summary>
public sealed class EvaluateRequest
{
    /// <summary>train, validation or test; the experiment's <c>evaluation.period</c> when null.</summary>
    public string? Period { get; init; }

    /// <summary>The checkpoint epoch of every model; the best (else last) when null.</summary>
    public int? Epoch { get; init; }

    /// <summary>Evaluate only this member of an ensemble (its seed); the ensemble mean when null.</summary>
    public int? Seed { get; init; }

    /// <summary>Metric names; the experiment's <c>evaluation.metrics</c> when null.</summary>
    public IReadOnlyList<string>? Metrics { get; init; }

    /// <summary>The results folder; <c>RUN/results/&lt;period&gt;</c> (with <c>_seed_N</c>, <c>_epoch_NNN</c> when chosen) when null. Replaced if it exists.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The device; the experiment's when null.</summary>
    public string? Device { get; init; }

    /// <summary>Windows predicted so far and in total.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }

    /// <summary>Stops between batches (nothing is written).</summary>
    public CancellationToken CancellationToken { get; init; }
}

/// <summary>What <see cref="Evaluator.Predict"/> computes: a trained model run on basins without observations.</summary>
public sealed class PredictRequest
{
    /// <summary>The basins (ids as the dataset names them); they need inputs, not observations. The dataset's own basins when null.</summary>
    public IReadOnlyList<string>? Basins { get; init; }

    /// <summary>First step (a date: its midnight); the start of <see cref="Period"/> when null.</summary>
    public PeriodDate? Start { get; init; }

    /// <summary>Last step (a date: the day's last step); the end of <see cref="Period"/> when null.</summary>
    public PeriodDate? End { get; init; }

    /// <summary>The period whose dates are used when <see cref="Start"/>/<see cref="End"/> are not given; the experiment's <c>evaluation.period</c> when null.</summary>
    public string? Period { get; init; }

    /// <summary>The checkpoint epoch; the best (else last) when null.</summary>
    public int? Epoch { get; init; }

    /// <summary>The output folder; <c>RUN/predictions/&lt;start&gt;_&lt;end&gt;</c> when null. Replaced if it exists.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The device; the experiment's when null.</summary>
    public string? Device { get; init; }

    /// <summary>Windows predicted so far and in total.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }

    /// <summary>Stops between batches (nothing is written).</summary>
    public CancellationToken CancellationToken { get; init; }
}

/// <summary>What an evaluation or prediction wrote.</summary>
/// <param name="OutputDirectory">The results folder.</param>
/// <param name="Period">The period's name (or <c>custom</c>).</param>
/// <param name="Start">First step.</param>
/// <param name="End">Last step (included).</param>
/// <param name="Basins">Basins predicted.</param>
/// <param name="Summaries">Per metric over basins (empty for a prediction), in request order; for several targets one per target and metric (<c>target_metric</c>); for a forecast, lead time 1.</param>
/// <param name="Warnings">Basins left out and why.</param>
public sealed record EvaluationResult(
    string OutputDirectory,
    string Period,
    DateTime Start,
    DateTime End,
    int Basins,
    IReadOnlyList<Metrics.MetricSummary> Summaries,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The dataset's time step; stamps are written as dates for daily data and as dates and times otherwise.</summary>
    public TimeSpan Step { get; init; } = Data.TimeSteps.Day;

    /// <summary>A forecast's metrics per lead time 1..H, for the model and for persistence; empty for a hindcast (then <see cref="Summaries"/> are lead 1's).</summary>
    public IReadOnlyList<LeadTimeSummary> LeadTimes { get; init; } = [];
}
