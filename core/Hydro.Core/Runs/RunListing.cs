using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hydro.Core.Training;
using YamlDotNet.RepresentationModel;

namespace Hydro.Core.Runs;

/// <summary>What <c>hydro runs</c> says of a run directory.</summary>
public enum RunStatus
{
    /// <summary>A live process holds the run's <see cref="RunLock"/> (training, resuming or evaluating into it).</summary>
    Running,

    /// <summary>Every model trained all the planned epochs.</summary>
    Finished,

    /// <summary>Fewer epochs than planned and nobody writes into it (Ctrl+C, a crash, <c>--stop-after-epoch</c>): <c>hydro resume</c> continues it.</summary>
    Stopped,

    /// <summary>The folder or one of its files cannot be read; <see cref="RunListingRow.Reason"/> says why.</summary>
    Unreadable,
}

/// <summary>One run directory as <c>hydro runs</c> lists it.</summary>
/// <param name="Directory">The run directory (full path).</param>
/// <param name="Experiment">The experiment name (<c>experiment_name</c>; the folder name when the config cannot be read).</param>
/// <param name="Date">When the run started: the folder's <c>_yyyyMMdd_HHmmss</c> stamp, else <c>config.yaml</c>'s modification time (local time).</param>
/// <param name="Status">Running, finished, stopped or unreadable.</param>
/// <param name="EpochsDone">Epochs in <c>training_log.csv</c> (the fewest over an ensemble's members); null when unknown.</param>
/// <param name="EpochsPlanned"><c>training.epochs</c>; null when unknown.</param>
/// <param name="Backbone">The backbone's <c>type</c>; null when the model has none or the config cannot be read.</param>
/// <param name="ValidationNse">The last validated epoch's <c>val_median_nse</c> (the median over an ensemble's members); null when never validated.</param>
/// <param name="TestNse">The median NSE of <c>results/test/summary.json</c>; null when the run was not evaluated on the test period.</param>
/// <param name="Reason">Why the run is <see cref="RunStatus.Unreadable"/> (one line); null otherwise.</param>
public sealed record RunListingRow(
    string Directory,
    string Experiment,
    DateTime? Date,
    RunStatus Status,
    int? EpochsDone,
    int? EpochsPlanned,
    string? Backbone,
    double? ValidationNse,
    double? TestNse,
    string? Reason);

/// <summary>
/// The runs in a folder (<c>hydro runs [DIR]</c>), so that a user finds yesterday's run: one row per run directory,
/// oldest first. Reading changes nothing in the folders (the lock is probed with <see cref="RunLock.IsHeld"/>).
/// </summary>
/// <remarks>
/// A run directory is a folder with <c>config.yaml</c> and, in the folder itself or in an ensemble's <c>seed_N/</c>,
/// <c>training_log.csv</c> or <c>checkpoints/</c> (<see cref="RunLayout"/>). Hidden folders (a run being created under a
/// temporary name, see <see cref="AtomicDirectory"/>) and other folders are skipped. The planned epochs and backbone
/// come from <c>config.json</c> (defaults applied) or, when a run lacks it, from <c>config.yaml</c>.
/// </remarks>
public static class RunListing
{
    /// <summary>The folder of a run's test-period results summary, relative to the run.</summary>
    private static readonly string TestSummary = Path.Combine("results", "test", "summary.json");

    /// <summary>Lists the run directories directly inside <paramref name="directory"/>, oldest first.</summary>
    /// <exception cref="RunException"><paramref name="directory"/> does not exist or cannot be listed.</exception>
    public static IReadOnlyList<RunListingRow> Read(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new RunException(File.Exists(full)
                ? $"{directory} is a file, not a folder of runs"
                : $"{directory}: no such folder (runs are written to the experiment's output_dir, by default runs/)");
        }

        string[] children;
        try
        {
            children = System.IO.Directory.GetDirectories(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunException($"{directory}: cannot be listed: {e.Message}", e);
        }

        var rows = new List<RunListingRow>();
        foreach (var child in children.Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(child).StartsWith('.'))
            {
                continue;
            }

            try
            {
                if (IsRun(child))
                {
                    rows.Add(ReadRun(child));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or JsonException
                or FormatException or OverflowException or YamlDotNet.Core.YamlException or InvalidOperationException)
            {
                rows.Add(new RunListingRow(child, Path.GetFileName(child), StampDate(child), RunStatus.Unreadable, null, null, null, null, null,
                    e.Message.ReplaceLineEndings(" ")));
            }
        }

        // Undated runs (no stamp and no readable config.yaml) go first; equal dates keep the name order.
        return [.. rows.OrderBy(r => r.Date ?? DateTime.MinValue)];
    }

    /// <summary>Whether <paramref name="folder"/> is a run directory (throws when it cannot be read).</summary>
    private static bool IsRun(string folder)
    {
        if (!File.Exists(Path.Combine(folder, RunLayout.ConfigYaml)))
        {
            return false;
        }

        return Members(folder).Any(HasModel);
    }

    private static bool HasModel(string member) =>
        File.Exists(Path.Combine(member, RunLayout.TrainingLog)) || System.IO.Directory.Exists(Path.Combine(member, RunLayout.Checkpoints));

    /// <summary>The model folders: an ensemble's <c>seed_N/</c>, else the run directory itself.</summary>
    private static List<string> Members(string run)
    {
        var seeds = System.IO.Directory.GetDirectories(run, "seed_*")
            .Where(d => int.TryParse(Path.GetFileName(d)["seed_".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Order(StringComparer.Ordinal)
            .ToList();
        return seeds.Count > 0 ? seeds : [run];
    }

    private static RunListingRow ReadRun(string run)
    {
        var (experiment, epochsPlanned, backbone) = ReadConfig(run);
        var date = StampDate(run) ?? File.GetLastWriteTime(Path.Combine(run, RunLayout.ConfigYaml));

        var done = new List<int>();
        var validation = new List<double>();
        foreach (var member in Members(run))
        {
            var log = Path.Combine(member, RunLayout.TrainingLog);
            var rows = File.Exists(log) ? TrainingLog.Read(log) : [];
            done.Add(rows.Count == 0 ? 0 : rows.Max(r => r.Epoch));
            var validated = rows.LastOrDefault(r => !double.IsNaN(r.ValidationMedianNse));
            if (validated is not null)
            {
                validation.Add(validated.ValidationMedianNse);
            }
        }

        var epochsDone = done.Min();
        var status = RunLock.IsHeld(run) ? RunStatus.Running
            : epochsPlanned is { } planned && epochsDone >= planned ? RunStatus.Finished
            : RunStatus.Stopped;
        return new RunListingRow(run, experiment ?? Path.GetFileName(run), date, status, epochsDone, epochsPlanned, backbone,
            validation.Count == 0 ? null : Median(validation), TestNse(run), null);
    }

    /// <summary>Experiment name, planned epochs and backbone type from <c>config.json</c>, else <c>config.yaml</c>.</summary>
    private static (string? Experiment, int? Epochs, string? Backbone) ReadConfig(string run)
    {
        var json = Path.Combine(run, RunLayout.ConfigJson);
        if (File.Exists(json))
        {
            var node = JsonNode.Parse(File.ReadAllText(json)) ?? throw new InvalidDataException($"{json}: empty");
            return ((string?)node["experiment_name"], (int?)node["training"]?["epochs"], (string?)node["model"]?["backbone"]?["type"]);
        }

        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(run, RunLayout.ConfigYaml)))
        {
            yaml.Load(reader);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"{Path.Combine(run, RunLayout.ConfigYaml)}: not a YAML mapping");
        }

        var epochs = Scalar(Child(root, "training"), "epochs");
        return (Scalar(root, "experiment_name"),
            epochs is null ? null : int.Parse(epochs, NumberStyles.Integer, CultureInfo.InvariantCulture),
            Scalar(Child(Child(root, "model"), "backbone"), "type"));
    }

    private static YamlMappingNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    private static double? TestNse(string run)
    {
        var path = Path.Combine(run, TestSummary);
        if (!File.Exists(path))
        {
            return null;
        }

        var node = JsonNode.Parse(File.ReadAllText(path));
        return node?["metrics"]?["nse"]?["median"] is JsonValue v && v.TryGetValue<double>(out var median) ? median : null;
    }

    /// <summary>The <c>_yyyyMMdd_HHmmss</c> stamp of a folder name (with an optional <c>_N</c> suffix of runs started in the same second).</summary>
    internal static DateTime? StampDate(string folder)
    {
        var parts = Path.GetFileName(folder).Split('_');
        for (var i = parts.Length - 2; i >= Math.Max(0, parts.Length - 3); i--)
        {
            if (i >= 0 && DateTime.TryParseExact($"{parts[i]}_{parts[i + 1]}", "yyyyMMdd_HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        return null;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }
}
