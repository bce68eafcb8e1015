using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hydro.Core.Metrics;
using Hydro.Core.Runs;

namespace Hydro.Core.Evaluation;

/// <summary>
/// The files of a results folder: <c>metrics.csv</c> (one row per basin), <c>predictions/&lt;basin&gt;.csv</c> (one
/// row per day: observed and simulated targets, then every extra output), <c>parameters.csv</c> (learned parameters
/// per basin, for models with a learner) and <c>summary.json</c>. Numbers use the invariant culture; missing values
/// are written as <c>NaN</c>.
/// </summary>
public static class ResultFiles
{
    /// <summary>Per-basin metrics.</summary>
    public const string MetricsCsv = "metrics.csv";

    /// <summary>Folder of per-basin prediction files.</summary>
    public const string PredictionsFolder = "predictions";

    /// <summary>Learned parameters per basin.</summary>
    public const string ParametersCsv = "parameters.csv";

    /// <summary>The summary.</summary>
    public const string SummaryJson = "summary.json";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    internal static void WriteMetrics(string path, IReadOnlyList<string> columns, IEnumerable<(string Basin, MetricResult[] Values)> rows)
    {
        var text = new StringBuilder("basin," + string.Join(",", columns) + "\n");
        foreach (var (basin, values) in rows)
        {
            text.Append(basin);
            foreach (var v in values)
            {
                text.Append(',').Append(Number(v.Value));
            }

            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString(), Utf8);
    }

    internal static void WritePredictions(string folder, IReadOnlyList<BasinPrediction> predictions, bool observed = true)
    {
        Directory.CreateDirectory(folder);
        foreach (var p in predictions)
        {
            var k = p.Targets.Count;
            var extras = p.Extras.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            var header = new List<string> { "date" };
            foreach (var t in p.Targets)
            {
                if (observed)
                {
                    header.Add($"{t}_obs");
                }

                header.Add($"{t}_sim");
            }

            header.AddRange(extras.Select(e => e.Key));
            var text = new StringBuilder(string.Join(",", header)).Append('\n');
            for (var d = 0; d < p.Days; d++)
            {
                text.Append(Data.TimeSteps.Format(p.TimeAt(d), p.Step));
                for (var j = 0; j < k; j++)
                {
                    if (observed)
                    {
                        text.Append(',').Append(Number(p.Observed[(d * k) + j]));
                    }

                    text.Append(',').Append(Number(p.Simulated[(d * k) + j]));
                }

                foreach (var (_, series) in extras)
                {
                    text.Append(',').Append(Number(series.Values[d]));
                }

                text.Append('\n');
            }

            File.WriteAllText(Path.Combine(folder, FileName(p.Basin) + ".csv"), text.ToString(), Utf8);
        }
    }

    internal static void WriteParameters(string path, IReadOnlyList<BasinPrediction> predictions)
    {
        var names = predictions.SelectMany(p => p.Parameters.Keys).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return;
        }

        var text = new StringBuilder("basin," + string.Join(",", names) + "\n");
        foreach (var p in predictions)
        {
            text.Append(p.Basin);
            foreach (var n in names)
            {
                text.Append(',').Append(Number(p.Parameters.GetValueOrDefault(n, double.NaN)));
            }

            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString(), Utf8);
    }

    /// <summary>The extra output in which a backbone reports the water-balance closure of each step (mm), e.g. <c>hbv</c>.</summary>
    public const string BalanceError = "BALANCE_ERROR";

    internal static void WriteSummary(string path, TrainedRun run, EvaluationResult result, IReadOnlyList<BasinPrediction> predictions) =>
        WriteSummary(path, new JsonObject
        {
            ["run"] = run.Directory,
            ["experiment"] = run.Experiment.Options.ExperimentName,
            ["checkpoints"] = new JsonArray([.. run.Members.Select(m => (JsonNode)new JsonObject
            {
                ["seed"] = m.Seed,
                ["file"] = Path.GetRelativePath(run.Directory, m.Checkpoint),
            })]),
        }, result, predictions);

    /// <summary>summary.json: <paramref name="source"/> (where the model came from), the period, metrics, the water balance when reported, warnings.</summary>
    internal static void WriteSummary(string path, JsonObject source, EvaluationResult result, IReadOnlyList<BasinPrediction> predictions)
    {
        var metrics = new JsonObject();
        foreach (var s in result.Summaries)
        {
            metrics[s.Metric] = new JsonObject
            {
                ["median"] = Json(s.Median),
                ["mean"] = Json(s.Mean),
                ["at_or_below_zero"] = s.AtOrBelowZero,
                ["evaluated"] = s.Evaluated,
                ["skipped"] = new JsonObject(s.Skipped.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))),
            };
        }

        var root = new JsonObject { ["format"] = "hydro.evaluation/1" };
        foreach (var (key, value) in source.ToList())
        {
            source.Remove(key);
            root[key] = value;
        }

        root["period"] = result.Period;
        root["start"] = Data.TimeSteps.Format(result.Start, result.Step);
        root["end"] = Data.TimeSteps.Format(result.End, result.Step);
        root["time_step"] = Data.TimeSteps.Iso(result.Step);
        root["basins"] = result.Basins;
        root["metrics"] = metrics;
        if (Balance(predictions) is { } balance)
        {
            root["mass_balance"] = balance;
        }

        root["warnings"] = new JsonArray([.. result.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", Utf8);
    }

    /// <summary>Largest and mean per-step closure error over each basin's days, and over all; null when no backbone reported it.</summary>
    private static JsonObject? Balance(IReadOnlyList<BasinPrediction> predictions)
    {
        var perBasin = new JsonObject();
        double max = 0, sum = 0;
        long count = 0;
        foreach (var p in predictions)
        {
            if (!p.Extras.TryGetValue(BalanceError, out var series))
            {
                continue;
            }

            var values = series.Values.Where(float.IsFinite).Select(v => (double)Math.Abs(v)).ToArray();
            if (values.Length == 0)
            {
                continue;
            }

            perBasin[p.Basin] = new JsonObject { ["max"] = values.Max(), ["mean"] = values.Average() };
            max = Math.Max(max, values.Max());
            sum += values.Sum();
            count += values.Length;
        }

        return count == 0 ? null : new JsonObject
        {
            ["unit"] = "mm per step",
            ["max"] = max,
            ["mean"] = sum / count,
            ["steps"] = count,
            ["per_basin"] = perBasin,
        };
    }

    /// <summary>A basin id as a file name: characters that are not allowed in file names become <c>_</c>.</summary>
    public static string FileName(string basin)
    {
        ArgumentNullException.ThrowIfNull(basin);
        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(basin.Select(c => invalid.Contains(c) ? '_' : c));
    }

    private static string Number(double v) => double.IsNaN(v) ? "NaN" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(float v) => float.IsNaN(v) ? "NaN" : v.ToString(CultureInfo.InvariantCulture);

    private static JsonValue? Json(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
}
