using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>The README's first command, as a real process: <c>hydro train examples/quickstart.yaml</c>, then <c>hydro evaluate RUN</c>.</summary>
public sealed class QuickstartTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void TheQuickstartTrainsToATestNseAboveZeroPointEight()
    {
        var example = Path.Combine(TestPaths.RepositoryRoot, "examples", "quickstart.yaml");
        var trained = HydroRunner.Process(dir.Path, TimeSpan.FromMinutes(15), "train", example);
        Assert.True(trained.Exit == 0, trained.ToString());
        var run = Directory.GetDirectories(dir.Combine("runs")).Single();
        Assert.Contains($"run: {run}", trained.Out, StringComparison.Ordinal);

        // Evaluating again (as the README says) rewrites the same results.
        var evaluated = HydroRunner.Process(dir.Path, TimeSpan.FromMinutes(5), "evaluate", run);
        Assert.True(evaluated.Exit == 0, evaluated.ToString());
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "results", "test", "summary.json")))!;
        var median = summary["metrics"]!["nse"]!["median"]!.GetValue<double>();
        Assert.True(median > 0.8, string.Create(CultureInfo.InvariantCulture, $"quickstart test median NSE {median:F3}\n{trained}"));
        Assert.Equal(10, summary["basins"]!.GetValue<int>());
        Assert.Equal(0, summary["metrics"]!["nse"]!["at_or_below_zero"]!.GetValue<int>());
    }
}
