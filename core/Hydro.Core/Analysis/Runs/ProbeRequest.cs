namespace Hydro.Core.Analysis.Runs;

/// <summary>Which recurrent states a probe regresses on.</summary>
public enum ProbeStates
{
    /// <summary>The cell state c[t], the LSTM's memory (Lees et al. 2022).</summary>
    Cell,

    /// <summary>The hidden state h[t].</summary>
    Hidden,

    /// <summary>c[t] and h[t] side by side (2H features).</summary>
    Both,
}

/// <summary>What <see cref="ProbeAnalysis.Run"/> computes (the member and epoch come with the opened run).</summary>
public sealed record ProbeRequest
{
    /// <summary>The variable to recover.</summary>
    public required ProbeTarget Target { get; init; }

    /// <summary>The period the probe is fitted on (its penalty chosen by cross-validation on it).</summary>
    public string FitPeriod { get; init; } = "train";

    /// <summary>The period the R² is reported on.</summary>
    public string TestPeriod { get; init; } = "test";

    /// <summary>The states regressed on.</summary>
    public ProbeStates States { get; init; } = ProbeStates.Cell;

    /// <summary>Basins must satisfy all of these (e.g. <c>frac_snow &gt; 0.2</c>).</summary>
    public IReadOnlyList<BasinCondition> Where { get; init; } = [];

    /// <summary>Basins to probe (any the dataset can load); the dataset's when null.</summary>
    public IReadOnlyList<string>? Basins { get; init; }

    /// <summary>Label of <see cref="Basins"/> in the folder name (e.g. the basin file's name).</summary>
    public string? BasinsLabel { get; init; }

    /// <summary>Penalty grid and cross-validation folds.</summary>
    public RidgeProbeOptions Ridge { get; init; } = new();

    /// <summary>Cells reported per state as most correlated with the target.</summary>
    public int TopCells { get; init; } = 10;

    /// <summary>Steps recorded per window (windows tile each period this many days apart); the run's <c>predict_last_n</c> when null.</summary>
    public int? ScoredSteps { get; init; }

    /// <summary>The results folder; <c>RUN/analysis/probe_&lt;target&gt;[_&lt;where&gt;]</c> (with <c>_seed_N</c>, <c>_epoch_NNN</c>) when null. Replaced if it exists.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The device; the experiment's when null.</summary>
    public string? Device { get; init; }

    /// <summary>Windows done and in total, over both periods.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }

    /// <summary>Stops between batches (nothing is written).</summary>
    public CancellationToken CancellationToken { get; init; }
}
