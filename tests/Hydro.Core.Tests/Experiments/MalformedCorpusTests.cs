using System.Diagnostics;
using System.Text.RegularExpressions;
using Hydro.Core.Experiments;

namespace Hydro.Core.Tests.Experiments;

/// <summary>
/// Every file under Malformed/ starts with <c># expect: LINE SUBSTRING</c>; loading it must fail with an error on that
/// line whose text contains the substring, quickly, and without a stack trace.
/// </summary>
public sealed partial class MalformedCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ExperimentFiles.Output("Malformed"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void CorpusHasAtLeastThirtyFiles() => Assert.True(Files().Count >= 30, $"only {Files().Count} malformed files");

    [Theory]
    [MemberData(nameof(Files))]
    public void MalformedFileNamesTheLine(string name)
    {
        var path = ExperimentFiles.Output("Malformed", name);
        var header = File.ReadLines(path).First();
        var match = ExpectPattern().Match(header);
        Assert.True(match.Success, $"{name}: first line must be '# expect: <line> <substring>', was '{header}'");
        var line = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var substring = match.Groups[2].Value;

        var result = LoaderAssert.LoadWithin(() => new ExperimentLoader(TestCatalog.Create()).Load(path));

        Assert.False(result.Succeeded, $"{name} loaded without errors");
        LoaderAssert.NoStackTraces(result);
        Assert.True(result.Errors.Any(e => e.Line == line && e.ToString().Contains(substring, StringComparison.Ordinal)),
            $"{name}: expected an error on line {line} containing \"{substring}\"; got:\n{result}");
        Assert.All(result.Errors, e => Assert.StartsWith(path + ":", e.ToString(), StringComparison.Ordinal));
    }

    [GeneratedRegex("^# expect: ([0-9]+) (.+)$")]
    private static partial Regex ExpectPattern();
}

/// <summary>Shared assertions for the loader tests.</summary>
internal static class LoaderAssert
{
    /// <summary>Runs a load on a worker thread; a generous bound that only catches hangs (the loads take milliseconds).</summary>
    public static ExperimentLoadResult LoadWithin(Func<ExperimentLoadResult> load, int seconds = 10)
    {
        var watch = Stopwatch.StartNew();
        var task = Task.Run(load);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"load did not finish within {seconds} s");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds));
        return task.Result;
    }

    public static void NoStackTraces(ExperimentLoadResult result) =>
        Assert.All(result.Errors, e => Assert.DoesNotContain("   at ", e.ToString(), StringComparison.Ordinal));
}
