using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Cli;

/// <summary>An unexpected failure (here: a schema folder below a file) exits 1 with one line and a crash log.</summary>
public sealed class UnexpectedErrorTests
{
    [Fact]
    public void OneLineAndACrashLog()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("file"), "");
        var settings = HydroRunner.WithTestPlugin with { CrashLogDirectory = dir.Combine("crash") };

        var run = HydroRunner.Run(settings, "schema", "--out", dir.Combine("file", "below"));

        Assert.True(run.Exit == 1, run.ToString());
        Assert.Matches("^hydro: failed: [A-Za-z]*Exception: .*\n", run.Err);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        var log = Assert.Single(Directory.GetFiles(dir.Combine("crash")));
        Assert.Contains($"details in {log}", run.Err, StringComparison.Ordinal);
        Assert.Contains("   at ", File.ReadAllText(log), StringComparison.Ordinal);
    }

    [Fact]
    public void VerbosePrintsTheStackTrace()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("file"), "");

        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "schema", "--verbose", "--out", dir.Combine("file", "below"));

        Assert.True(run.Exit == 1, run.ToString());
        Assert.Contains("   at ", run.Err, StringComparison.Ordinal);
    }
}
