using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>
/// <c>examples/forecast-lstm.yaml</c>, shrunk to 3 basins and 2 short epochs: an LSTM with observed streamflow history
/// trains on the synthetic dataset, and <c>hydro train</c> evaluates it per lead time with persistence.
/// </summary>
public sealed class ForecastExampleTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private static string Shrink(string yaml, string from, string to)
    {
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        return yaml.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void TheForecastExampleWritesLeadTimesForecastsAndPrintsThePerLeadTable()
    {
        var yaml = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "examples", "forecast-lstm.yaml"));
        yaml = Shrink(yaml, "basins: 5", "basins: 3");
        yaml = Shrink(yaml, "epochs: ", "epochs: 2 #");
        yaml = Shrink(yaml, "samples_per_epoch: ", "samples_per_epoch: 128 #");
        yaml = Shrink(yaml, "output_dir: runs", $"output_dir: {dir.Combine("runs")}");
        var file = dir.Combine("forecast.yaml");
        File.WriteAllText(file, yaml);

        var trained = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(5), "train", file);
        Assert.True(trained.Exit == 0, trained.ToString());
        Assert.Contains("per lead time", trained.Out, StringComparison.Ordinal);
        var table = trained.Out.Split('\n').SkipWhile(l => !l.Contains("per lead time", StringComparison.Ordinal)).Skip(2).Take(7).ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(i => i.ToString(CultureInfo.InvariantCulture)), table.Select(l => l.Trim().Split(' ')[0]));

        var results = Path.Combine(Directory.GetDirectories(dir.Combine("runs")).Single(), "results", "test");
        var leads = File.ReadAllLines(Path.Combine(results, "lead_times.csv")).Select(l => l.Split(',')).ToList();
        Assert.Equal(["basin", "lead", "nse", "kge", "persistence_nse", "persistence_kge"], leads[0]);
        Assert.Equal(3 * 7, leads.Count - 1);
        Assert.All(leads.Skip(1), r => Assert.True(double.IsFinite(double.Parse(r[4], CultureInfo.InvariantCulture)), string.Join(",", r)));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(results, "forecasts"), "*.csv").Length);
        Assert.True(File.Exists(Path.Combine(results, "metrics.csv")));

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(results, "summary.json")))!;
        var json = summary["lead_times"]!["leads"]!.AsArray();
        Assert.Equal(7, json.Count);

        // Persistence loses skill with lead time on a recession-dominated hydrograph.
        var first = json[0]!["persistence"]!["nse"]!["median"]!.GetValue<double>();
        var last = json[6]!["persistence"]!["nse"]!["median"]!.GetValue<double>();
        Assert.True(first > last, $"persistence NSE lead 1 {first}, lead 7 {last}");
    }
}
