using System.Runtime.Loader;
using System.Security.Cryptography;
using Hydro.Abstractions.Components;
using Hydro.Core.Components;
using Hydro.Core.Experiments.Schema;
using Hydro.Core.Plugins;

namespace LinearReservoir.Tests;

/// <summary>The built plugin folder, loaded the way the host loads it.</summary>
public sealed class PluginLoadingTests
{
    [Fact]
    public void The_build_folder_loads_in_its_own_context_and_registers_linear_reservoir()
    {
        var catalog = new ComponentCatalog();
        var result = new PluginLoader().Load([new PluginReference(Repository.PluginFolder)], catalog);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
        var plugin = Assert.Single(result.Plugins);
        Assert.Equal("LinearReservoir", plugin.Name);
        Assert.StartsWith("1.0.0", plugin.Version, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(Repository.PluginFolder, "LinearReservoir.dll"), plugin.Path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(plugin.Path))), plugin.Sha256);

        var component = catalog.Find(ComponentKind.Backbone, "linear_reservoir");
        Assert.NotNull(component);
        Assert.Equal("LinearReservoir", component.Plugin);
        Assert.Equal("LinearReservoir.LinearReservoirBackbone", component.ComponentType.FullName);
        Assert.Equal("LinearReservoir.LinearReservoirOptions", component.OptionsType.FullName);
        Assert.Same(component, Assert.Single(plugin.Components));

        // Isolated: the plugin's types are not the copy this test project references, yet the contracts are shared.
        Assert.NotSame(typeof(LinearReservoirBackbone), component.ComponentType);
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(component.ComponentType.Assembly));
        Assert.True(typeof(Hydro.Abstractions.Contracts.IBackbone).IsAssignableFrom(component.ComponentType));
    }

    [Fact]
    public void A_pinned_sha256_of_another_build_is_refused()
    {
        var pin = new string('0', 64);
        var result = new PluginLoader().Load([new PluginReference(Repository.PluginFolder, pin)], new ComponentCatalog());

        var error = Assert.Single(result.Errors);
        Assert.Contains($"but 'plugins:' pins {pin}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_schema_carries_the_options_with_units_ranges_and_defaults()
    {
        var catalog = new ComponentCatalog();
        new PluginLoader().Load([new PluginReference(Repository.PluginFolder)], catalog).ThrowIfFailed();

        var (_, text) = Assert.Single(new SchemaWriter(catalog).Generate(), f => f.RelativePath.EndsWith("linear_reservoir.schema.json", StringComparison.Ordinal));
        var properties = System.Text.Json.Nodes.JsonNode.Parse(text)!["properties"]!;
        Assert.Equal("prcp", properties["precipitation"]!["default"]!.GetValue<string>());
        Assert.Equal("mm", properties["initial_storage"]!["x-unit"]!.GetValue<string>());
        Assert.Equal(0.0, properties["initial_storage"]!["minimum"]!.GetValue<double>());
        Assert.Equal("1/day", properties["initial_k"]!["x-unit"]!.GetValue<string>());
        Assert.Equal(0.001, properties["initial_k"]!["minimum"]!.GetValue<double>());
        Assert.Equal(0.999, properties["initial_k"]!["maximum"]!.GetValue<double>());
        Assert.Equal(0.1, properties["initial_k"]!["default"]!.GetValue<double>());
    }
}
