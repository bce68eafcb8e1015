using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hydro.Core.Runs;

namespace Hydro.Core.Analysis.Runs;

/// <summary>
/// What the analysis folders share: CSV in the invariant culture with <c>NaN</c> for missing values (as
/// <c>Evaluation/ResultFiles</c>), a <c>summary.json</c> that names the run and its checkpoints, and folder names with
/// <c>_seed_N</c> / <c>_epoch_NNN</c> when a member or an epoch was chosen.
/// </summary>
internal static class AnalysisFiles
{
    /// <summary>Every analysis folder's summary file.</summary>
    public const string SummaryJson = "summary.json";

    /// <summary>The folder under a run that holds the analyses.</summary>
    public const string Folder = "analysis";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary><c>RUN/analysis/&lt;name&gt;[_seed_N][_epoch_NNN]</c>.</summary>
    public static string DefaultFolder(TrainedRun run, string name) =>
        Path.Combine(run.Directory, Folder, name + (run.Seed is { } s ? $"_seed_{Invariant(s)}" : "")
            + (run.Epoch is { } e ? $"_epoch_{e.ToString("000", CultureInfo.InvariantCulture)}" : ""));

    /// <summary>Writes a CSV file: a header line, then one line per row.</summary>
    public static void WriteCsv(string path, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var text = new StringBuilder(string.Join(",", header)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), Utf8);
    }

    /// <summary>The fields every summary starts with: format, run, experiment, models used.</summary>
    public static JsonObject Summary(string format, TrainedRun run, IEnumerable<RunMember> members) => new()
    {
        ["format"] = format,
        ["run"] = run.Directory,
        ["experiment"] = run.Experiment.Options.ExperimentName,
        ["backbone"] = run.Experiment.Backbone.Type,
        ["checkpoints"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject
        {
            ["seed"] = m.Seed,
            ["file"] = Path.GetRelativePath(run.Directory, m.Checkpoint),
        })]),
    };

    /// <summary>Writes <paramref name="root"/> indented.</summary>
    public static void WriteJson(string path, JsonObject root) =>
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", Utf8);

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    /// <summary>A number for JSON: null when not finite.</summary>
    public static JsonValue? Json(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;

    /// <summary>A number for CSV: round-trip format, <c>NaN</c> when missing.</summary>
    public static string Number(double v) => double.IsNaN(v) ? "NaN" : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer in the invariant culture.</summary>
    public static string Invariant(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as YYYY-MM-DD.</summary>
    public static string Date(DateTime d) => Data.TimeSteps.Format(d, Data.TimeSteps.Day);

    /// <summary>A name made safe for a folder or file name (characters not allowed in file names, and separators, become <c>_</c>).</summary>
    public static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(name.Select(c => invalid.Contains(c) || c is '/' or '\\' or ' ' ? '_' : c));
    }
}
