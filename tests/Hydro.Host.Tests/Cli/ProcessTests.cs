using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Cli;

/// <summary>The real executable (<c>dotnet hydro.dll</c> from the host's build output, with its built-in plugins).</summary>
public sealed class ProcessTests
{
    [Fact]
    public void MalformedCorpusExitsTwoWithoutStackTracesOrRunFolders()
    {
        using var cwd = new TempDirectory();
        var files = Directory.GetFiles(TestPaths.Malformed, "*.yaml").Order(StringComparer.Ordinal).ToArray();

        var run = HydroRunner.Process(cwd.Path, ["validate", .. files]);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.All(files, f => Assert.Matches($"(?m)^{System.Text.RegularExpressions.Regex.Escape(f)}:[0-9]+:[0-9]+: ", run.Err));
        Assert.Empty(cwd.Entries());
    }

    [Fact]
    public void MissingFileExitsTwo()
    {
        using var cwd = new TempDirectory();

        var run = HydroRunner.Process(cwd.Path, "validate", "missing.yaml");

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains("missing.yaml: the experiment file does not exist", run.Err, StringComparison.Ordinal);
        Assert.Empty(cwd.Entries());
    }

    [Fact]
    public void PluginsAndUnknownVerb()
    {
        using var cwd = new TempDirectory();

        Assert.Equal(0, HydroRunner.Process(cwd.Path, "plugins", "--json").Exit);
        Assert.Equal(2, HydroRunner.Process(cwd.Path, "nonsense").Exit);
    }
}
