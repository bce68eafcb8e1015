using System.Text.Json;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Cli;

public sealed class PluginsTests
{
    [Fact]
    public void JsonListsTheBuiltInPluginsAndWellFormedComponents()
    {
        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, "plugins", "--json");

        Assert.True(run.Exit == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var plugins = json.RootElement.GetProperty("plugins").EnumerateArray().ToList();
        Assert.Equal(
            ["Hydro.Plugins.Attention", "Hydro.Plugins.Data", "Hydro.Plugins.Hbv", "Hydro.Plugins.Losses", "Hydro.Plugins.Lstm"],
            plugins.Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(plugins, p => Assert.True(p.GetProperty("built_in").GetBoolean()));
        Assert.All(plugins, p => Assert.Matches("^[0-9a-f]{64}$", p.GetProperty("sha256").GetString()!));
        foreach (var component in json.RootElement.GetProperty("components").EnumerateArray())
        {
            Assert.Contains(component.GetProperty("kind").GetString(), new[] { "dataset", "backbone", "parameter_learner", "loss" });
            Assert.Matches("^[a-z][a-z0-9_]*$", component.GetProperty("key").GetString()!);
            Assert.StartsWith("Hydro.Plugins.", component.GetProperty("plugin").GetProperty("name").GetString(), StringComparison.Ordinal);
            Assert.All(component.GetProperty("options").EnumerateArray(), o => Assert.False(string.IsNullOrEmpty(o.GetProperty("type").GetString())));
        }
    }

    [Fact]
    public void JsonDescribesEachOptionOfAPluginGivenOnTheCommandLine()
    {
        using var empty = new TempDirectory();

        var run = HydroRunner.Run(new() { BuiltInPluginRoot = empty.Path }, "plugins", "--json", "--plugin", TestPaths.TestPlugin);

        Assert.True(run.Exit == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var components = json.RootElement.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(
            ["backbone/lstm", "dataset/synthetic", "loss/mse", "loss/nse", "parameter_learner/mlp"],
            components.Select(c => $"{c.GetProperty("kind").GetString()}/{c.GetProperty("key").GetString()}"));
        var lstm = components.Single(c => c.GetProperty("key").GetString() == "lstm");
        Assert.Equal("A sample LSTM.", lstm.GetProperty("summary").GetString());
        Assert.Equal("Hydro.Host.TestPlugin", lstm.GetProperty("plugin").GetProperty("name").GetString());
        Assert.StartsWith("1.0.0", lstm.GetProperty("plugin").GetProperty("version").GetString(), StringComparison.Ordinal);
        var hidden = lstm.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "hidden_size");
        Assert.Equal("integer", hidden.GetProperty("type").GetString());
        Assert.Equal(256, hidden.GetProperty("default").GetInt32());
        Assert.Equal("[1, 4096]", hidden.GetProperty("range").GetString());
        Assert.Equal("units", hidden.GetProperty("unit").GetString());
        Assert.Equal("LSTM hidden units, 1 to 4096.", hidden.GetProperty("description").GetString());
        var dropout = lstm.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "dropout");
        Assert.Equal("[0, 1)", dropout.GetProperty("range").GetString());
        var head = lstm.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "head");
        Assert.Equal("one of regression, gmm", head.GetProperty("type").GetString());
        var mlp = components.Single(c => c.GetProperty("key").GetString() == "mlp");
        var sizes = Assert.Single(mlp.GetProperty("options").EnumerateArray());
        Assert.Equal("list of integer", sizes.GetProperty("type").GetString());
        Assert.True(sizes.GetProperty("required").GetBoolean());
    }

    [Fact]
    public void TextListsComponentsWithTheirOptions()
    {
        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "plugins");

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("1 plugins, 5 components", run.Out, StringComparison.Ordinal);
        Assert.Contains("backbone 'lstm'  [Hydro.Host.TestPlugin 1.0.0", run.Out, StringComparison.Ordinal);
        Assert.Contains("  hidden_size: integer; default 256; range [1, 4096]; unit units", run.Out, StringComparison.Ordinal);
        Assert.Contains("  eps: number; default 0.1; range [0, 1]; unit mm/day", run.Out, StringComparison.Ordinal);
        Assert.Contains("  hidden_sizes: list of integer; required; unit units", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKeysAreBadInputNamingBothPlugins()
    {
        var run = HydroRunner.Run(HydroRunner.WithTestPlugin, "plugins", "--plugin", TestPaths.TestPlugin);

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains("'synthetic' is registered twice", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }
}
