namespace Hydro.Core.Experiments;

/// <summary>Either a loaded <see cref="Experiment"/> or the errors of the first stage that found any.</summary>
public sealed class ExperimentLoadResult
{
    private ExperimentLoadResult(Experiment? experiment, IReadOnlyList<ExperimentError> errors)
    {
        Experiment = experiment;
        Errors = errors;
    }

    /// <summary>The experiment; null when there are errors.</summary>
    public Experiment? Experiment { get; }

    /// <summary>All errors of the failing stage, sorted by line and column; empty on success.</summary>
    public IReadOnlyList<ExperimentError> Errors { get; }

    /// <summary>True when the experiment loaded.</summary>
    public bool Succeeded => Experiment is not null;

    /// <summary>The stage that failed, when one did.</summary>
    public ExperimentLoadStage? FailedStage => Errors.Count == 0 ? null : Errors[0].Stage;

    /// <summary>One error per line, as <see cref="ExperimentError.ToString"/> formats them.</summary>
    public override string ToString() =>
        Succeeded ? $"{Experiment!.File}: ok" : string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));

    internal static ExperimentLoadResult Success(Experiment experiment) => new(experiment, []);

    internal static ExperimentLoadResult Failure(IReadOnlyList<ExperimentError> errors) => new(null, errors);
}
