using System.Text;

namespace Hydro.Core.Experiments;

/// <summary>One problem in an experiment file: where it is, which rule it breaks, and the value seen.</summary>
/// <param name="File">The file name as given to the loader.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Path">YAML path, e.g. <c>model.backbone.hidden_size</c> or <c>targets[0]</c>; empty for the whole file.</param>
/// <param name="Rule">The rule broken, e.g. <c>maximum 4096</c>, <c>unknown key</c>, <c>duplicate key</c>.</param>
/// <param name="Value">The value seen, when there is one.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
/// <param name="Suggestion">The closest valid name, for unknown names.</param>
public sealed record ExperimentError(
    string File,
    int Line,
    int Column,
    string Path,
    string Rule,
    string? Value,
    string Message,
    string? Suggestion = null)
{
    /// <summary>The stage that found it.</summary>
    public ExperimentLoadStage Stage { get; init; }

    /// <summary><c>file:line:column: path: message (rule; seen 'value') — did you mean 'x'?</c></summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(File).Append(':').Append(Line).Append(':').Append(Column).Append(": ");
        if (Path.Length > 0)
        {
            text.Append(Path).Append(": ");
        }

        text.Append(Message).Append(" (").Append(Rule);
        if (Value is not null)
        {
            text.Append("; seen '").Append(Shorten(Value)).Append('\'');
        }

        text.Append(')');
        if (Suggestion is not null)
        {
            text.Append(" — did you mean '").Append(Suggestion).Append("'?");
        }

        return text.ToString();
    }

    internal static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
