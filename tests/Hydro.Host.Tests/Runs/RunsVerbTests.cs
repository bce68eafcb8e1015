using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary><c>hydro runs [DIR] [--json]</c> on a real run: the quickstart trained for one short epoch (issue 17, item 3).</summary>
public sealed class RunsVerbTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void AFinishedQuickstartRunIsListedWithItsTestNseAsTableAndJson()
    {
        var out_ = dir.Combine("out");
        var yaml = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "examples", "quickstart.yaml"))
            .Replace("epochs: 20", "epochs: 1", StringComparison.Ordinal)
            .Replace("samples_per_epoch: 1600", "samples_per_epoch: 64", StringComparison.Ordinal)
            .Replace("output_dir: runs", $"output_dir: '{out_}'", StringComparison.Ordinal);
        var file = dir.Combine("quick.yaml");
        File.WriteAllText(file, yaml);
        var trained = HydroRunner.Run(HydroRunner.WithBuiltIns, Bound, "train", file);
        Assert.True(trained.Exit == 0, trained.ToString());
        var run = Directory.GetDirectories(out_).Single();
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "results", "test", "summary.json")))!;
        var testNse = summary["metrics"]!["nse"]!["median"]!.GetValue<double>();

        var table = HydroRunner.Run(HydroRunner.WithBuiltIns, "runs", out_);
        Assert.True(table.Exit == 0, table.ToString());
        var lines = table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("run ", lines[0], StringComparison.Ordinal);
        var cells = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Path.GetFileName(run), cells[0]);
        Assert.Equal("quickstart", cells[1]);
        Assert.Equal(["finished", "1/1", "lstm"], cells[4..7]);
        Assert.Equal(testNse.ToString("F3", CultureInfo.InvariantCulture), cells[^1]);

        var json = HydroRunner.Run(HydroRunner.WithBuiltIns, "runs", out_, "--json");
        Assert.True(json.Exit == 0, json.ToString());
        var row = Assert.Single(JsonNode.Parse(json.Out)!.AsArray())!;
        Assert.Equal(run, row["directory"]!.GetValue<string>());
        Assert.Equal("finished", row["status"]!.GetValue<string>());
        Assert.Equal((1, 1), (row["epochs_done"]!.GetValue<int>(), row["epochs_planned"]!.GetValue<int>()));
        Assert.Equal(testNse, row["test_nse"]!.GetValue<double>());
        Assert.InRange(row["validation_nse"]!.GetValue<double>(), double.MinValue, 1.0);
    }

    [Fact]
    public void AMissingFolderExitsTwoAndAnEmptyOneSaysSo()
    {
        var missing = HydroRunner.Run(HydroRunner.WithBuiltIns, "runs", dir.Combine("nope"));
        Assert.True(missing.Exit == 2, missing.ToString());
        Assert.Contains("no such folder", missing.Err, StringComparison.Ordinal);

        var empty = HydroRunner.Run(HydroRunner.WithBuiltIns, "runs", dir.Path);
        Assert.True(empty.Exit == 0, empty.ToString());
        Assert.Equal($"no runs in {dir.Path}", empty.Out.Trim());
    }
}
