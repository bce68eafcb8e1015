using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Repository;

/// <summary>The checked-in schemas/ must equal what <c>hydro schema</c> writes for the built-in components.</summary>
public sealed class SchemaDriftTests
{
    [Fact]
    public void CheckedInSchemasMatchTheBuiltInComponents()
    {
        using var dir = new TempDirectory();
        var checkedIn = Path.Combine(TestPaths.RepositoryRoot, "schemas");

        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, "schema", "--out", dir.Path);

        Assert.True(run.Exit == 0, run.ToString());
        const string fix = "schemas/ is out of date with the options classes: run ./hydro schema and commit the result";
        var fresh = Relative(dir.Path);
        var old = Directory.Exists(checkedIn) ? Relative(checkedIn) : [];
        Assert.True(fresh.SequenceEqual(old), $"{fix}\nwritten: {string.Join(", ", fresh)}\nchecked in: {string.Join(", ", old)}");
        foreach (var file in fresh)
        {
            Assert.True(
                File.ReadAllText(Path.Combine(dir.Path, file)) == File.ReadAllText(Path.Combine(checkedIn, file)),
                $"{fix} ({file} differs)");
        }
    }

    private static List<string> Relative(string root) =>
        [.. Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
