using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>
/// The example plugin (examples/plugins/LinearReservoir) trained and evaluated through <c>hydro</c> as a lab would:
/// the experiment names the plugin's build folder; the run records it in plugins.lock and evaluate reloads it from there.
/// </summary>
public sealed class ExamplePluginRunTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void TheExamplePluginTrainsAndTheRunReloadsItFromItsLock()
    {
        var examples = Path.Combine(TestPaths.RepositoryRoot, "examples", "plugins");
        var build = Path.Combine(examples, "LinearReservoir", "bin", "Release", "net10.0");
        Assert.True(File.Exists(Path.Combine(build, "LinearReservoir.dll")), $"the example plugin is not built in {build}");
        var yaml = File.ReadAllText(Path.Combine(examples, "linear_reservoir.yaml"))
            .Replace("  - path: LinearReservoir/bin/Release/net10.0", $"  - path: {build}", StringComparison.Ordinal)
            .Replace("device: cpu", $"device: cpu\noutput_dir: {dir.Combine("runs")}", StringComparison.Ordinal);
        var file = dir.Combine("linear_reservoir.yaml");
        File.WriteAllText(file, yaml);

        var trained = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(3), "train", file);
        Assert.True(trained.Exit == 0, trained.ToString());
        var run = Directory.GetDirectories(dir.Combine("runs")).Single();
        var lockText = File.ReadAllText(Path.Combine(run, "plugins.lock"));
        Assert.Contains("\"name\": \"LinearReservoir\"", lockText, StringComparison.Ordinal);
        Assert.Contains("test 1988-01-01..1989-12-31: 10 basins", trained.Out, StringComparison.Ordinal);

        var evaluated = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(3), "evaluate", run, "--period", "validation");
        Assert.True(evaluated.Exit == 0, evaluated.ToString());
        Assert.True(File.Exists(Path.Combine(run, "results", "validation", "metrics.csv")));

        // A different build of the plugin than the one the run recorded is refused.
        File.WriteAllText(Path.Combine(run, "plugins.lock"), System.Text.RegularExpressions.Regex.Replace(
            lockText, "(\"name\": \"LinearReservoir\",[^}]*\"sha256\": \")[0-9a-f]{64}", m => m.Groups[1].Value + new string('0', 64)));
        var refused = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(1), "evaluate", run);
        Assert.True(refused.Exit == 2, refused.ToString());
        Assert.Contains("SHA-256", refused.Err, StringComparison.OrdinalIgnoreCase);
    }
}
