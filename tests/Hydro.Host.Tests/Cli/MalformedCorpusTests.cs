using System.Globalization;
using System.Text.RegularExpressions;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Cli;

/// <summary>
/// The loader's malformed corpus (tests/Hydro.Core.Tests/Experiments/Malformed, first line <c># expect: LINE TEXT</c>)
/// through <c>hydro validate</c>: exit 2, an error on that line containing the text, no stack trace, nothing written.
/// </summary>
public sealed partial class MalformedCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Malformed, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void CorpusIsThere() => Assert.True(Files().Count >= 30, $"only {Files().Count} malformed files");

    [Theory]
    [MemberData(nameof(Files))]
    public void ValidateNamesTheLineAndExitsTwo(string name)
    {
        var path = Path.Combine(TestPaths.Malformed, name);
        var expect = ExpectPattern().Match(File.ReadLines(path).First());
        Assert.True(expect.Success, $"{name}: first line must be '# expect: <line> <substring>'");
        var line = int.Parse(expect.Groups[1].Value, CultureInfo.InvariantCulture);

        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "validate", path);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Equal("", run.Out);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Any(l => l.StartsWith($"{path}:{line}:", StringComparison.Ordinal)
            && l.Contains(expect.Groups[2].Value, StringComparison.Ordinal)),
            $"expected an error on line {line} containing \"{expect.Groups[2].Value}\"; {run}");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(10), run.ToString());
    }

    [GeneratedRegex("^# expect: ([0-9]+) (.+)$")]
    private static partial Regex ExpectPattern();
}
