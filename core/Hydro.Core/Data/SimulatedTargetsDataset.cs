using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Evaluation;
using Hydro.Core.Experiments;
using Hydro.Core.Runs;
using Hydro.Core.Training;

namespace Hydro.Core.Data;

/// <summary>
/// A dataset whose named targets are replaced by columns of <c>predictions/&lt;basin&gt;.csv</c> of a results or
/// simulation folder (<c>simulated_targets</c>): pre-training on a process model's or another run's output where
/// observations are scarce. The wrapped dataset still supplies the inputs and the other targets.
/// </summary>
/// <remarks>
/// Days or basins the folder does not cover are missing (NaN, hence masked out of losses and metrics), never filled;
/// each is reported in <see cref="Warnings"/>. A missing folder, file column or unreadable number is a
/// <see cref="DataException"/> naming the file (and line).
/// </remarks>
internal sealed class SimulatedTargetsDataset : IDataset
{
    /// <summary>The record's file name in a run directory.</summary>
    public const string FileName = "simulated_targets.json";

    private readonly IDataset inner;
    private readonly IReadOnlyDictionary<string, string> columns;
    private readonly Dictionary<string, int> order;
    private readonly ConcurrentDictionary<string, Dictionary<DateTime, float[]>?> files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> warnings = new();

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The dataset (inputs, other targets).</param>
    /// <param name="folder">The results or simulation folder (full path).</param>
    /// <param name="columns">Target → column.</param>
    /// <exception cref="DataException">No such folder, or it has no <c>predictions/</c>.</exception>
    public SimulatedTargetsDataset(IDataset inner, string folder, IReadOnlyDictionary<string, string> columns)
    {
        this.inner = inner;
        this.columns = columns;
        order = columns.Keys.Order(StringComparer.Ordinal).Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        Folder = folder;
        CheckFolder(folder);
    }

    /// <summary>The results or simulation folder.</summary>
    public string Folder { get; }

    /// <summary>Basins and days left without a simulated target, one line each, in the order found.</summary>
    public IReadOnlyList<string> Warnings => [.. warnings];

    /// <summary>
    /// The experiment's dataset wrapped when it has <c>simulated_targets</c>: the folder recorded in
    /// <paramref name="runDirectory"/>'s <c>simulated_targets.json</c> when there is one (a reopened run), else the
    /// path resolved against the experiment file's folder.
    /// </summary>
    public static IDataset Wrap(IDataset dataset, Experiment experiment, string? runDirectory)
    {
        if (experiment.Options.SimulatedTargets is not { } s)
        {
            return dataset;
        }

        var folder = (runDirectory is null ? null : RecordedFolder(runDirectory)) ?? ResolveFolder(experiment);
        try
        {
            return new SimulatedTargetsDataset(dataset, folder, s.Columns);
        }
        catch
        {
            dataset.Dispose();
            throw;
        }
    }

    /// <summary>The folder <c>simulated_targets.from</c> names, resolved against the experiment file's folder.</summary>
    public static string ResolveFolder(Experiment experiment) =>
        StartingPointPaths.Resolve(StartingPointPaths.BaseFolder(experiment), experiment.Options.SimulatedTargets!.From, Directory.Exists)
        ?? throw new DataException($"simulated_targets.from: no folder matches '{experiment.Options.SimulatedTargets!.From}' (relative to {StartingPointPaths.BaseFolder(experiment)})");

    /// <summary>Throws when <paramref name="folder"/> has no <c>predictions/</c> folder of CSV files.</summary>
    public static void CheckFolder(string folder)
    {
        var predictions = Path.Combine(folder, ResultFiles.PredictionsFolder);
        if (!Directory.Exists(folder))
        {
            throw new DataException($"simulated_targets.from: {folder} does not exist; run hydro evaluate, predict or simulate first, or correct the path (relative to the experiment file's folder)");
        }

        if (!Directory.Exists(predictions) || Directory.GetFiles(predictions, "*.csv").Length == 0)
        {
            throw new DataException($"simulated_targets.from: {predictions} holds no <basin>.csv; give a results folder of hydro evaluate/predict/simulate (the one with {ResultFiles.PredictionsFolder}/ and {ResultFiles.SummaryJson})");
        }
    }

    /// <summary>The columns of <paramref name="folder"/>'s prediction files that lack one of <paramref name="wanted"/>: (file, missing column, header).</summary>
    public static IReadOnlyList<(string File, string Column, string Header)> MissingColumns(string folder, IEnumerable<string> wanted)
    {
        var result = new List<(string, string, string)>();
        foreach (var file in Directory.GetFiles(Path.Combine(folder, ResultFiles.PredictionsFolder), "*.csv").Order(StringComparer.Ordinal))
        {
            var header = File.ReadLines(file).FirstOrDefault() ?? "";
            var names = header.Split(',');
            result.AddRange(wanted.Where(c => !names.Contains(c, StringComparer.Ordinal)).Select(c => (file, c, header)));
        }

        return result;
    }

    /// <summary>Writes <c>simulated_targets.json</c> (the folder and the columns) into a run directory.</summary>
    public void Write(string runDirectory)
    {
        var map = new JsonObject();
        foreach (var (target, column) in columns)
        {
            map[target] = column;
        }

        var root = new JsonObject { ["from"] = Folder, ["columns"] = map };
        AtomicFile.WriteAllText(Path.Combine(runDirectory, FileName), root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static string? RecordedFolder(string runDirectory)
    {
        var file = Path.Combine(runDirectory, FileName);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            return (string?)JsonNode.Parse(File.ReadAllText(file))?["from"] ?? throw new DataException($"{file}: no 'from'");
        }
        catch (JsonException e)
        {
            throw new DataException($"{file}: not a valid {FileName} ({e.Message})", e);
        }
    }

    /// <inheritdoc/>
    public DatasetDescription Describe() => inner.Describe();

    /// <inheritdoc/>
    public BasinSeries Load(string basin, DataRequest request)
    {
        var series = inner.Load(basin, request);
        var replaced = request.Targets.Select((t, j) => (Target: t, Index: j)).Where(x => columns.ContainsKey(x.Target)).ToList();
        if (replaced.Count == 0)
        {
            return series;
        }

        var rows = files.GetOrAdd(basin, Read);
        var targets = (float[,])series.Targets.Clone();
        var days = targets.GetLength(0);
        var step = inner.Describe().Step;
        var missing = 0;
        for (var r = 0; r < days; r++)
        {
            var date = series.Start + (r * step);
            float[]? values = null;
            var found = rows is not null && rows.TryGetValue(date, out values);
            foreach (var (target, j) in replaced)
            {
                targets[r, j] = found ? values![Order(target)] : float.NaN;
            }

            missing += found ? 0 : 1;
        }

        if (rows is null)
        {
            warnings.Enqueue($"basin {basin}: no {ResultFiles.PredictionsFolder}/{ResultFiles.FileName(basin)}.csv in {Folder}; its simulated targets are missing");
        }
        else if (missing > 0)
        {
            warnings.Enqueue(string.Create(CultureInfo.InvariantCulture,
                $"basin {basin}: {missing} of {days} steps of {TimeSteps.Format(series.Start, step)}..{TimeSteps.Format(series.Start + ((days - 1) * step), step)} are not in {Path.Combine(Folder, ResultFiles.PredictionsFolder, ResultFiles.FileName(basin) + ".csv")}; their simulated targets are missing"));
        }

        return series with { Targets = targets };
    }

    private int Order(string target) => order[target];

    /// <summary>Reads the mapped columns of a basin's file, by date (values in the ordinal order of the target names); null when there is no file.</summary>
    private Dictionary<DateTime, float[]>? Read(string basin)
    {
        var file = Path.Combine(Folder, ResultFiles.PredictionsFolder, ResultFiles.FileName(basin) + ".csv");
        if (!File.Exists(file))
        {
            return null;
        }

        var wanted = columns.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        using var reader = new StreamReader(file);
        var header = (reader.ReadLine() ?? "").Split(',');
        var indices = new int[wanted.Count];
        for (var i = 0; i < wanted.Count; i++)
        {
            indices[i] = Array.IndexOf(header, wanted[i].Value);
            if (indices[i] < 0)
            {
                throw new DataException($"{file}:1: simulated_targets.columns.{wanted[i].Key}: no column '{wanted[i].Value}' (columns: {string.Join(", ", header)}); basin {basin}");
            }
        }

        if (header.Length == 0 || header[0] != "date")
        {
            throw new DataException($"{file}:1: the first column must be 'date' (the layout of hydro evaluate/predict/simulate); basin {basin}");
        }

        var rows = new Dictionary<DateTime, float[]>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var cells = text.Split(',');
            if (cells.Length != header.Length || !DateTime.TryParseExact(cells[0], ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new DataException($"{file}:{line}: expected {header.Length} cells starting with a date yyyy-MM-dd or a date and time yyyy-MM-ddTHH:mm, got '{text}'; basin {basin}");
            }

            var values = new float[indices.Length];
            for (var i = 0; i < indices.Length; i++)
            {
                if (!float.TryParse(cells[indices[i]], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                {
                    throw new DataException($"{file}:{line}: '{cells[indices[i]]}' in column {header[indices[i]]} is not a number; basin {basin}, date {cells[0]}");
                }
            }

            rows[date] = values;
        }

        return rows;
    }

    /// <inheritdoc/>
    public void Dispose() => inner.Dispose();
}
