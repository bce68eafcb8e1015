namespace Hydro.Core.Experiments;

/// <summary>Collects the errors of one stage of one file.</summary>
internal sealed class ErrorSink(string file, ExperimentLoadStage stage)
{
    private readonly List<ExperimentError> errors = [];

    public string File { get; } = file;

    public ExperimentLoadStage Stage { get; set; } = stage;

    public int Count => errors.Count;

    public IReadOnlyList<ExperimentError> Errors => errors;

    public void Add(int line, int column, string path, string rule, string? value, string message, string? suggestion = null) =>
        errors.Add(new ExperimentError(File, Math.Max(line, 1), Math.Max(column, 1), path, rule, value, message, suggestion) { Stage = Stage });

    /// <summary>The errors sorted by position, then by path (stable for errors at the same place).</summary>
    public IReadOnlyList<ExperimentError> Sorted() =>
        [.. errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column).ThenBy(e => e.Path, StringComparer.Ordinal)];
}
