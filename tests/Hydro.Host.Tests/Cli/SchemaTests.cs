using System.Text.Json;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Cli;

public sealed class SchemaTests
{
    [Fact]
    public void WritesTheExperimentSchemaAndOnePerComponent()
    {
        using var dir = new TempDirectory();

        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "schema", "--out", dir.Path);

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal(
            ["components/backbone/lstm.schema.json", "components/dataset/synthetic.schema.json", "components/loss/mse.schema.json",
             "components/loss/nse.schema.json", "components/parameter_learner/mlp.schema.json", "experiment.schema.json"],
            dir.Entries().Where(File.Exists).Select(p => Path.GetRelativePath(dir.Path, p).Replace('\\', '/')).Order(StringComparer.Ordinal));
        using var lstm = JsonDocument.Parse(File.ReadAllText(dir.Combine("components", "backbone", "lstm.schema.json")));
        Assert.Equal(4096, lstm.RootElement.GetProperty("properties").GetProperty("hidden_size").GetProperty("maximum").GetInt32());
        Assert.Contains("wrote 6 schema files", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void OutIntoAFileIsBadInput()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("taken");
        File.WriteAllText(file, "");

        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "schema", "--out", file);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains("is a file", run.Err, StringComparison.Ordinal);
    }
}
