namespace Hydro.Core.Experiments;

/// <summary>Collects the errors of one stage of one file.</summary>
internal sealed class ErrorSink(string file, ExperimentLoadStage stage)
{
    /// <summary>Errors shown per stage; a file with thousands of mistakes is the wrong file, and a summary says so.</summary>
    public const int MaxShown = 100;

    private readonly List<ExperimentError> errors = [];

    public string File { get; } = file;

    public ExperimentLoadStage Stage { get; set; } = stage;

    public int Count => errors.Count;

    public IReadOnlyList<ExperimentError> Errors => errors;

    public void Add(int line, int column, string path, string rule, string? value, string message, string? suggestion = null) =>
        errors.Add(new ExperimentError(File, Math.Max(line, 1), Math.Max(column, 1), path, rule, value, message, suggestion) { Stage = Stage });

    /// <summary>The errors sorted by position, then by path (stable for errors at the same place).</summary>
    public IReadOnlyList<ExperimentError> Sorted()
    {
        var sorted = errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
        if (sorted.Count <= MaxShown)
        {
            return sorted;
        }

        var last = sorted[MaxShown - 1];
        var hidden = sorted.Count - MaxShown;
        return [.. sorted.Take(MaxShown), new ExperimentError(File, last.Line, last.Column, "", $"at most {MaxShown} errors shown", $"{hidden} more",
            $"{hidden} more errors are not shown; fix the ones above first") { Stage = Stage }];
    }
}
