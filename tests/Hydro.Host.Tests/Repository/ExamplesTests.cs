using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Repository;

/// <summary>Every examples/*.yaml validates against the built-in components and points editors at the schema.</summary>
public sealed class ExamplesTests
{
    private const string SchemaHeader = "# yaml-language-server: $schema=../schemas/experiment.schema.json";

    public static TheoryData<string> Examples() => [.. Names()];

    [Fact]
    public void ThereAreExamples() => Assert.Contains("quickstart.yaml", Names());

    private static List<string> Names() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "examples"), "*.yaml")
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleStartsWithTheSchemaHeader(string name) =>
        Assert.Equal(SchemaHeader, File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, "examples", name)).First());

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleValidates(string name)
    {
        if (PretrainChain.Needs(name))
        {
            PretrainChain.Ensure(); // the runs these examples start from
        }

        if (ForecastPretrainChain.Needs(name))
        {
            ForecastPretrainChain.Ensure();
        }

        PointAtTheTestData();
        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, "validate", Path.Combine(TestPaths.RepositoryRoot, "examples", name));

        Assert.True(run.Exit == 0, run.ToString());
    }

    /// <summary>
    /// validate opens each example's dataset (its folder, basins, variables and dates). The examples' default paths
    /// (../shared/data/...) hold from the repository root, not from the test's folder; these variables, which every
    /// example reads, name the same data from anywhere (the values ForecastPretrainChain sets, too).
    /// </summary>
    private static void PointAtTheTestData()
    {
        Environment.SetEnvironmentVariable("HYDRO_TEST_DATA", TestData.Root);
        Environment.SetEnvironmentVariable("CAMELS_US_DIR", TestData.CamelsUs);
        Environment.SetEnvironmentVariable("CAMELS_BASIN_FILE", Path.Combine(TestData.CamelsUs, "basins_daymet.txt"));
        Environment.SetEnvironmentVariable("CARAVAN_DIR", TestData.Caravan);
    }
}
