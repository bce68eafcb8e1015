using Hydro.Host.Experiments;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Cli;

/// <summary>
/// 400 KB of nested brackets: the plugin pre-read (before the loader) used to walk every level and took minutes,
/// growing faster than the file; now both stop at 64 levels and the file is refused at once.
/// </summary>
public sealed class DeepNestingTests
{
    [Theory]
    [InlineData("a: ", "[")]
    [InlineData("a: ", "{a: ")]
    [InlineData("plugins: ", "[")]
    [InlineData("dataset: {type: camels_us, x: ", "[")]
    public void FourHundredKilobytesOfBracketsAreRefusedWithinASecond(string prefix, string open)
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("deep.yaml");
        var text = new System.Text.StringBuilder(prefix);
        while (text.Length < 400 * 1024)
        {
            text.Append(open);
        }

        File.WriteAllText(file, text.ToString());

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(ExperimentPluginReader.Read(file));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"the plugin pre-read took {watch.Elapsed.TotalSeconds:F1} s");

        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, TimeSpan.FromSeconds(30), "validate", file);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains($"{file}:1:", run.Err, StringComparison.Ordinal);
        Assert.Contains("nests deeper than 64 levels", run.Err, StringComparison.Ordinal);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(5), $"took {run.Elapsed.TotalSeconds:F1} s");
    }
}
