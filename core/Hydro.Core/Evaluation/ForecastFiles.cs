using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hydro.Core.Data;
using Hydro.Core.Metrics;

namespace Hydro.Core.Evaluation;

/// <summary>
/// The files a forecast evaluation adds to a results folder: <c>lead_times.csv</c> (basin, lead, the model's metrics,
/// then <c>persistence_</c> + each metric), <c>forecasts/&lt;basin&gt;.csv</c> (issue_time, lead, time, observed,
/// simulated, persistence; one row per issue time and lead) and the <c>lead_times</c> block of <c>summary.json</c>.
/// Numbers use the invariant culture; missing values are <c>NaN</c>.
/// </summary>
public static class ForecastFiles
{
    /// <summary>Per basin and lead time metrics.</summary>
    public const string LeadTimesCsv = "lead_times.csv";

    /// <summary>Folder of per-basin forecast files.</summary>
    public const string ForecastsFolder = "forecasts";

    /// <summary>The prefix of the persistence columns in <see cref="LeadTimesCsv"/>.</summary>
    public const string PersistencePrefix = "persistence_";

    /// <summary>The lead time whose metrics <c>metrics.csv</c> and the summary's <c>metrics</c> block hold for a forecast.</summary>
    public const int MetricsLead = 1;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    internal static void WriteLeadTimes(string path, IReadOnlyList<string> columns, IReadOnlyList<LeadTimeRow> rows)
    {
        var text = new StringBuilder("basin,lead,")
            .Append(string.Join(",", columns)).Append(',')
            .Append(string.Join(",", columns.Select(c => PersistencePrefix + c))).Append('\n');
        foreach (var r in rows)
        {
            text.Append(r.Basin).Append(',').Append(r.Lead.ToString(CultureInfo.InvariantCulture));
            foreach (var v in r.Model.Concat(r.Persistence))
            {
                text.Append(',').Append(Number(v.Value));
            }

            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString(), Utf8);
    }

    internal static void WriteForecasts(string folder, IReadOnlyList<BasinForecast> forecasts)
    {
        Directory.CreateDirectory(folder);
        foreach (var f in forecasts)
        {
            var k = f.Targets.Count;
            var header = new StringBuilder("issue_time,lead,time");
            foreach (var t in f.Targets)
            {
                var prefix = k == 1 ? "" : t + "_";
                header.Append(',').Append(prefix).Append("observed,").Append(prefix).Append("simulated,").Append(prefix).Append("persistence");
            }

            var text = header.Append('\n');
            for (var i = 0; i < f.Issues; i++)
            {
                if (!f.Issued[i])
                {
                    continue;
                }

                var issued = TimeSteps.Format(f.TimeAt(i), f.Step);
                for (var lead = 1; lead <= f.Horizon; lead++)
                {
                    text.Append(issued).Append(',').Append(lead.ToString(CultureInfo.InvariantCulture)).Append(',').Append(TimeSteps.Format(f.TimeAt(i, lead), f.Step));
                    for (var j = 0; j < k; j++)
                    {
                        var o = f.Index(i, lead, j);
                        text.Append(',').Append(Number(f.Observed[o])).Append(',').Append(Number(f.Simulated[o])).Append(',').Append(Number(f.Persistence[o]));
                    }

                    text.Append('\n');
                }
            }

            File.WriteAllText(Path.Combine(folder, ResultFiles.FileName(f.Basin) + ".csv"), text.ToString(), Utf8);
        }
    }

    /// <summary>Adds the <c>lead_times</c> block to a written <c>summary.json</c>.</summary>
    internal static void AddToSummary(string path, int horizon, IReadOnlyList<LeadTimeSummary> summaries)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        root["lead_times"] = new JsonObject
        {
            ["horizon"] = horizon,
            ["metrics_lead"] = MetricsLead,
            ["leads"] = new JsonArray([.. summaries.Select(s => (JsonNode)new JsonObject
            {
                ["lead"] = s.Lead,
                ["model"] = Block(s.Model),
                ["persistence"] = Block(s.Persistence),
            })]),
        };
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", Utf8);
    }

    private static JsonObject Block(IReadOnlyList<MetricSummary> summaries) =>
        new(summaries.Select(s => KeyValuePair.Create(s.Metric, (JsonNode?)new JsonObject
        {
            ["median"] = Json(s.Median),
            ["mean"] = Json(s.Mean),
            ["evaluated"] = s.Evaluated,
        })));

    private static string Number(double v) => double.IsNaN(v) ? "NaN" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(float v) => float.IsNaN(v) ? "NaN" : v.ToString(CultureInfo.InvariantCulture);

    private static JsonValue? Json(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
}
