using System.Text.Json.Nodes;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary><c>hydro simulate</c> on examples/hbv-simulate.yaml (given parameters, synthetic basins) and its misuse.</summary>
public sealed class SimulateVerbTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private static readonly string Example = Path.Combine(TestPaths.RepositoryRoot, "examples", "hbv-simulate.yaml");
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private static CliRun Hydro(params string[] args) => HydroRunner.Run(HydroRunner.WithBuiltIns, Bound, args);

    [Fact]
    public void TheExampleSimulatesEveryBasinOverTheEvaluationPeriodWithFluxesStatesAndTheWaterBalance()
    {
        var run = Hydro("simulate", Example, "--out", dir.Combine("all"));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("test 1995-01-01..1999-12-31", run.Out, StringComparison.Ordinal);
        var files = Directory.GetFiles(dir.Combine("all", "predictions")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["syn_000.csv", "syn_001.csv", "syn_002.csv"], files);
        var lines = File.ReadAllLines(dir.Combine("all", "predictions", "syn_000.csv"));
        Assert.Equal("date,streamflow_sim,BALANCE_ERROR,ET,LZ,MELT,Q0,Q1,Q2,SM,SNOW,UZ", lines[0]);
        Assert.Equal(1 + 1826, lines.Length);
        Assert.StartsWith("1995-01-01,", lines[1], StringComparison.Ordinal);
        var summary = JsonNode.Parse(File.ReadAllText(dir.Combine("all", "summary.json")))!;
        Assert.Equal("hbv", (string?)summary["backbone"]);
        Assert.InRange((double)summary["mass_balance"]!["max"]!, 0, 1e-2);
    }

    [Fact]
    public void BasinsAndDatesAreChosenOnTheCommandLine()
    {
        var basins = dir.Combine("basins.txt");
        File.WriteAllLines(basins, ["# one basin", "syn_001"]);
        var run = Hydro("simulate", Example, "--basins", basins, "--start", "1996-01-01", "--end", "1996-12-31", "--out", dir.Combine("one"));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal(["syn_001.csv"], Directory.GetFiles(dir.Combine("one", "predictions")).Select(Path.GetFileName));
        var lines = File.ReadAllLines(dir.Combine("one", "predictions", "syn_001.csv"));
        Assert.Equal(1 + 366, lines.Length);
        Assert.StartsWith("1996-12-31,", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void MisuseIsAnsweredWithExitCodeTwoAndNothingWritten()
    {
        var unknown = dir.Combine("unknown.txt");
        File.WriteAllLines(unknown, ["syn_042", "gauge_7"]);
        var cases = new (string[] Args, string Message)[]
        {
            (["simulate", Example, "--start", "1996-01-01", "--out", dir.Combine("x")], "give both a start and an end date, or neither"),
            (["simulate", Example, "--period", "validation", "--out", dir.Combine("x")], "the experiment defines no validation period (periods.validation)"),
            (["simulate", Example, "--basins", unknown, "--out", dir.Combine("x")], "gauge_7"),
            (["train", Example], "has no trainable parameters: nothing to train; run it with hydro simulate"),
        };
        foreach (var (args, message) in cases)
        {
            var run = Hydro(args);
            Assert.True(run.Exit == 2, run.ToString());
            Assert.Contains(message, run.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(dir.Combine("x")));
    }
}
