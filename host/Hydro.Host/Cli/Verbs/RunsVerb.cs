using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hydro.Core.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Hydro.Host.Cli.Verbs;

/// <summary>
/// <c>hydro runs [DIR] [--json]</c>: the run directories in a folder (default <c>runs</c>), oldest first, with status,
/// epochs, backbone and median NSEs (<see cref="RunListing"/>). A missing DIR exits 2 (a <see cref="RunException"/>).
/// </summary>
internal static class RunsVerb
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(IServiceProvider services)
    {
        var dir = new Argument<string>("DIR")
        {
            Description = "The folder that holds the run directories (an experiment's output_dir).",
            DefaultValueFactory = _ => "runs",
        };
        var json = new Option<bool>("--json") { Description = "Print the rows as a JSON array instead of a table." };
        var command = new Command("runs", "List the runs in a folder, oldest first: experiment, date, status (running, finished, "
            + "stopped, unreadable), epochs done/planned, backbone, median validation and test NSE.")
        {
            dir,
            json,
        };
        command.SetAction(parse =>
        {
            var console = services.GetRequiredService<CliConsole>();
            var folder = parse.GetValue(dir)!;
            var rows = RunListing.Read(folder);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(ToJson(rows).ToJsonString(Indented));
            }
            else if (rows.Count == 0)
            {
                console.Out.WriteLine($"no runs in {folder}");
            }
            else
            {
                WriteTable(console.Out, rows);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonArray ToJson(IReadOnlyList<RunListingRow> rows) => new([.. rows.Select(r => (JsonNode)new JsonObject
    {
        ["directory"] = r.Directory,
        ["experiment"] = r.Experiment,
        ["date"] = r.Date?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        ["status"] = Status(r.Status),
        ["epochs_done"] = r.EpochsDone,
        ["epochs_planned"] = r.EpochsPlanned,
        ["backbone"] = r.Backbone,
        ["validation_nse"] = r.ValidationNse,
        ["test_nse"] = r.TestNse,
        ["reason"] = r.Reason,
    })]);

    private static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    private static void WriteTable(TextWriter output, IReadOnlyList<RunListingRow> rows)
    {
        string[] header = ["run", "experiment", "date", "status", "epochs", "backbone", "val NSE", "test NSE"];
        var cells = rows.Select(r => new[]
        {
            Path.GetFileName(r.Directory),
            r.Experiment,
            r.Date?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-",
            Status(r.Status),
            r.Status == RunStatus.Unreadable ? "-" : $"{Text(r.EpochsDone)}/{Text(r.EpochsPlanned)}",
            r.Backbone ?? "-",
            Nse(r.ValidationNse),
            Nse(r.TestNse),
        }).ToList();
        var widths = header.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();

        // Numbers right-aligned, words left-aligned.
        string Line(string[] c) => string.Join("  ", c.Select((s, i) => i >= 4 && i != 5 ? s.PadLeft(widths[i]) : s.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(header));
        for (var i = 0; i < rows.Count; i++)
        {
            output.WriteLine(Line(cells[i]));
            if (rows[i].Reason is { } reason)
            {
                output.WriteLine($"  {reason}");
            }
        }
    }

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Nse(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";
}
