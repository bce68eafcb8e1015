using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Cli;

public sealed class ValidateTests
{
    [Fact]
    public void ValidFileExitsZero()
    {
        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "validate", TestPaths.ValidExperiment);

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal($"{TestPaths.ValidExperiment}: ok", run.Out.Trim());
        Assert.Equal("", run.Err);
    }

    [Theory]
    [InlineData("camels_us", "basins: [01022500]", 6, 12, "basin ids must be quoted strings: write '01022500'")]
    [InlineData("caravan", "basins: [1022500, camels_01013500]", 6, 12, "basin ids must be quoted strings: write '1022500'")]
    [InlineData("camels_us", "basins: []", 6, 11, "'basins: []' lists no basins")]
    [InlineData("caravan", "basins: []", 6, 11, "'basins: []' lists no basins")]
    public void BasinListsAreCheckedAtTheirLine(string dataset, string basins, int line, int column, string message)
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("basins.yaml");
        File.WriteAllText(file, $"""
            experiment_name: basins
            output_dir: {dir.Combine("runs")}
            dataset:
              type: {dataset}
              data_dir: {dir.Path}
              {basins}
            periods:
              train: {"{"}start: 1985-10-01, end: 1986-09-30{"}"}
            inputs:
              dynamic: [prcp]
            targets: [streamflow]
            model:
              backbone: {"{"}type: lstm, hidden_size: 4{"}"}
            loss:
              type: mse
            training:
              epochs: 1
              sequence_length: 30
            """);

        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, "validate", file);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains($"{file}:{line}:{column}", run.Err, StringComparison.Ordinal);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("NoTypeValidates", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsBadInputWithAClearMessage()
    {
        using var dir = new TempDirectory();
        var missing = dir.Combine("nowhere.yaml");

        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "validate", missing);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Equal($"hydro: {missing}: the experiment file does not exist (looked for {missing})", run.Err.Trim());
    }

    [Fact]
    public void FolderIsBadInput()
    {
        using var dir = new TempDirectory();

        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "validate", dir.Path);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains("is a folder", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralFilesAreAllReported()
    {
        var bad = Path.Combine(TestPaths.Malformed, "unknown_backbone.yaml");

        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "validate", TestPaths.ValidExperiment, bad, "missing.yaml");

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains($"{TestPaths.ValidExperiment}: ok", run.Out, StringComparison.Ordinal);
        Assert.Contains($"{bad}:23:", run.Err, StringComparison.Ordinal);
        Assert.Contains("missing.yaml: the experiment file does not exist", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginsOfTheFileAreLoadedRelativeToItsFolder()
    {
        using var dir = new TempDirectory();
        var file = WriteWithPlugin(dir, Path.GetRelativePath(dir.Path, TestPaths.TestPlugin));
        using var empty = new TempDirectory();

        var run = HydroRunner.Run(new() { BuiltInPluginRoot = empty.Path }, "validate", file);

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal([file], dir.Entries());
    }

    [Fact]
    public void WithoutItsPluginsTheFileNamesTheUnknownComponents()
    {
        using var empty = new TempDirectory();

        var run = HydroRunner.Run(new() { BuiltInPluginRoot = empty.Path }, "validate", TestPaths.ValidExperiment);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains($"{TestPaths.ValidExperiment}:23:11: model.backbone.type: unknown backbone type 'lstm'", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPluginFolderIsBadInputNamingTheFolder()
    {
        using var dir = new TempDirectory();
        var file = WriteWithPlugin(dir, "./no_such_plugin");

        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "validate", file);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains($"{file}:48:5: plugins[0]: plugin no_such_plugin: plugin folder {dir.Combine("no_such_plugin")} does not exist", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingBuiltInPluginFolderIsBadInput()
    {
        using var dir = new TempDirectory();

        var run = HydroRunner.Run(new() { BuiltInPluginRoot = dir.Combine("gone") }, "validate", TestPaths.ValidExperiment);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains("the Hydro installation is incomplete", run.Err, StringComparison.Ordinal);
    }

    private static string WriteWithPlugin(TempDirectory dir, string pluginPath)
    {
        var file = dir.Combine("experiment.yaml");
        File.WriteAllText(file, File.ReadAllText(TestPaths.ValidExperiment)
            + $"plugins:\n  - path: {pluginPath}\n");
        return file;
    }
}
