using Hydro.Core.Experiments.Schema;

namespace Hydro.Core.Tests.Experiments;

/// <summary>
/// The checked-in schemas under Experiments/schemas/ must equal what the options classes generate.
/// To regenerate them after changing an options class: <c>HYDRO_UPDATE_SCHEMAS=1 dotnet test --filter SchemaDrift</c>.
/// </summary>
public sealed class SchemaDriftTests
{
    [Fact]
    public void CheckedInSchemasMatchTheOptionsClasses()
    {
        var writer = new SchemaWriter(TestCatalog.Create());
        var checkedIn = ExperimentFiles.Output("schemas");
        if (Environment.GetEnvironmentVariable("HYDRO_UPDATE_SCHEMAS") == "1")
        {
            var target = Path.Combine(ExperimentFiles.Source(), "schemas");
            checkedIn = target;
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            writer.Write(target);
        }

        var temp = Path.Combine(Path.GetTempPath(), $"hydro-schemas-{Guid.NewGuid():N}");
        try
        {
            var written = writer.Write(temp).Select(p => Path.GetRelativePath(temp, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            var expected = Directory.GetFiles(checkedIn, "*.json", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(checkedIn, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, written);
            foreach (var relative in written)
            {
                var fresh = File.ReadAllText(Path.Combine(temp, relative));
                var old = File.ReadAllText(Path.Combine(checkedIn, relative));
                Assert.True(fresh == old, $"{relative} differs from the options classes; regenerate with HYDRO_UPDATE_SCHEMAS=1 (see SchemaDriftTests)");
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public void ComponentSchemaCarriesRangesUnitsDefaultsAndForbidsUnknownKeys()
    {
        var text = new SchemaWriter(TestCatalog.Create()).Generate().Single(f => f.RelativePath == "components/backbone/lstm.schema.json").Text;
        Assert.Contains("\"maximum\": 4096", text, StringComparison.Ordinal);
        Assert.Contains("\"x-unit\": \"units\"", text, StringComparison.Ordinal);
        Assert.Contains("\"default\": 256", text, StringComparison.Ordinal);
        Assert.Contains("\"additionalProperties\": false", text, StringComparison.Ordinal);
        Assert.Contains("\"enum\": [\n        \"regression\",\n        \"gmm\"\n      ]", text, StringComparison.Ordinal);
    }
}
