using System.Runtime.Loader;
using System.Security.Cryptography;
using Fixture.Versioned;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Plugins;

namespace Hydro.Core.Tests.Plugins;

[Collection(PluginFixturesGroup.Name)]
public sealed class PluginLoaderTests(PluginFixtures fixtures)
{
    private readonly ComponentCatalog catalog = new();
    private readonly PluginLoader loader = new();

    private LoadResult Load(params PluginReference[] plugins) => loader.Load(plugins, catalog);

    private static void AssertLoaded(LoadResult result) =>
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));

    private static PluginLoadException SingleError(LoadResult result)
    {
        var error = Assert.Single(result.Errors);
        Assert.Empty(result.Plugins);
        return error;
    }

    [Fact]
    public void A_plugin_uses_its_own_version_of_a_library_the_host_also_has()
    {
        var result = Load(new PluginReference(fixtures.Folder("Fixture.Isolated")));

        AssertLoaded(result);
        var loss = catalog.Find(ComponentKind.Loss, "isolated_loss");
        Assert.NotNull(loss);
        Assert.Equal("Fixture.Isolated", loss.Plugin);
        var plugin = loss.ComponentType.Assembly;
        var pluginSide = plugin.GetType("Fixture.Isolated.Probe", throwOnError: true)!.GetMethod("VersionedVersion")!.Invoke(null, null);
        Assert.Equal("2.0.0.0", pluginSide);
        Assert.Equal("1.0.0.0", VersionInfo.Version); // the host's copy, loaded at the same time
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(plugin));
        // The contracts are shared: the plugin's ILoss is the host's ILoss.
        Assert.IsAssignableFrom<ILoss>(Activator.CreateInstance(loss.ComponentType));
    }

    [Fact]
    public void Two_plugins_with_one_key_fail_naming_both()
    {
        var result = Load(new PluginReference(fixtures.Folder("Fixture.DuplicateA")), new PluginReference(fixtures.Folder("Fixture.DuplicateB")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Fixture.DuplicateB", error.PluginName);
        Assert.Equal("plugin Fixture.DuplicateB: Loss 'duplicate_loss' is registered twice: "
            + "by Fixture.DuplicateA (Fixture.DuplicateA.DuplicateLoss) and by Fixture.DuplicateB (Fixture.DuplicateB.DuplicateLoss). "
            + "Remove one of the plugins from 'plugins:' or rename the key in one of them.", error.Message);
        Assert.Equal("Fixture.DuplicateA", catalog.Find(ComponentKind.Loss, "duplicate_loss")!.Plugin);
        Assert.Same(error, Assert.Throws<PluginLoadException>(result.ThrowIfFailed));
    }

    [Fact]
    public void A_plugin_built_against_a_newer_abstractions_is_refused_before_loading()
    {
        var result = Load(new PluginReference(fixtures.Folder("Fixture.NewerAbstractions")));

        var error = SingleError(result);
        Assert.Equal("plugin Fixture.NewerAbstractions: built against Hydro.Abstractions 3.0.0, this host has 2.0.0: "
            + "rebuild the plugin against Hydro.Abstractions 2.0 or update Hydro", error.Message);
        Assert.DoesNotContain(AssemblyLoadContext.All, c => c.Name == "Fixture.NewerAbstractions");
    }

    [Fact]
    public void A_missing_folder_is_an_error_saying_where_to_look()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-plugin-" + Guid.NewGuid().ToString("N"));

        var error = SingleError(Load(new PluginReference(missing)));
        var builtIn = SingleError(Load(new PluginReference(missing, BuiltIn: true)));

        Assert.Equal($"plugin {Path.GetFileName(missing)}: plugin folder {missing} does not exist: fix its entry under 'plugins:' "
            + "in the experiment file (relative paths start at the file's folder) or build the plugin there", error.Message);
        Assert.Contains("the Hydro installation is incomplete; reinstall Hydro", builtIn.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_without_entry_point_is_an_error()
    {
        var error = SingleError(Load(new PluginReference(fixtures.Folder("Fixture.NoEntry"))));

        Assert.Equal("plugin Fixture.NoEntry: no entry point: add [assembly: HydroPlugin(typeof(...))] naming a public class "
            + "that implements IHydroPlugin and registers the plugin's components", error.Message);
        Assert.Empty(catalog.Components);
    }

    [Fact]
    public void A_pinned_hash_mismatch_is_refused_showing_both_hashes()
    {
        var dll = fixtures.Dll("Fixture.Isolated");
        var actual = Sha256Sum(dll);
        var pin = new string('0', 64);

        var error = SingleError(Load(new PluginReference(fixtures.Folder("Fixture.Isolated"), Sha256: pin)));

        Assert.Equal($"plugin Fixture.Isolated: {dll} has SHA-256 {actual}, but 'plugins:' pins {pin}: the plugin changed "
            + $"since it was pinned; if the change is intended, set its sha256 to {actual}", error.Message);
        Assert.Empty(catalog.Components);
    }

    [Fact]
    public void A_malformed_pin_is_refused()
    {
        var error = SingleError(Load(new PluginReference(fixtures.Folder("Fixture.Isolated"), Sha256: "abc")));

        Assert.StartsWith("plugin Fixture.Isolated: the pinned sha256 'abc' is not 64 hexadecimal characters: copy the value from plugins.lock",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matching_pin_is_accepted_in_any_case()
    {
        var pin = Sha256Sum(fixtures.Dll("Fixture.Isolated")).ToUpperInvariant();

        AssertLoaded(Load(new PluginReference(fixtures.Dll("Fixture.Isolated"), Sha256: pin)));
    }

    [Fact]
    public void The_lock_records_name_version_path_and_sha256_of_each_plugin()
    {
        var result = Load(new PluginReference(fixtures.Folder("Fixture.Isolated")), new PluginReference(fixtures.Folder("Fixture.DuplicateA")));
        AssertLoaded(result);
        var path = Path.Combine(fixtures.CopyOf("Fixture.NoEntry"), PluginLock.FileName);

        result.Lock.Write(path);
        var entries = PluginLock.Read(path).Plugins;

        Assert.Equal(["Fixture.DuplicateA", "Fixture.Isolated"], entries.Select(e => e.Name));
        var isolated = entries[1];
        Assert.StartsWith("1.4.2", isolated.Version, StringComparison.Ordinal);
        Assert.Equal(fixtures.Dll("Fixture.Isolated"), isolated.Path);
        Assert.Equal(Sha256Sum(fixtures.Dll("Fixture.Isolated")), isolated.Sha256);
        Assert.Equal(Sha256Sum(fixtures.Dll("Fixture.DuplicateA")), entries[0].Sha256);
    }

    [Fact]
    public void A_dependency_that_cannot_load_is_a_start_up_error()
    {
        var folder = fixtures.CopyOf("Fixture.Isolated");
        File.Delete(Path.Combine(folder, "Fixture.Versioned.dll"));

        var error = SingleError(Load(new PluginReference(folder)));

        // The host has Fixture.Versioned 1.0; the plugin must not silently get it instead of its 2.0.
        Assert.StartsWith("plugin Fixture.Isolated: dependency Fixture.Versioned could not be loaded: the plugin was built "
            + "against Fixture.Versioned 2.0.0.0, but only the host's 1.0.0.0 was found (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; put Fixture.Versioned.dll beside the plugin or publish it with its dependencies (dotnet publish)",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_deps_json_is_searched_for_the_entry_point()
    {
        var folder = fixtures.CopyOf("Fixture.Isolated");
        File.Delete(Path.Combine(folder, "Fixture.Isolated.deps.json"));

        AssertLoaded(Load(new PluginReference(folder)));
    }

    [Fact]
    public void A_folder_with_two_plugins_is_ambiguous()
    {
        var folder = fixtures.CopyOf("Fixture.DuplicateA");
        File.Delete(Path.Combine(folder, "Fixture.DuplicateA.deps.json"));
        File.Copy(fixtures.Dll("Fixture.DuplicateB"), Path.Combine(folder, "Fixture.DuplicateB.dll"));

        var error = SingleError(Load(new PluginReference(folder)));

        Assert.Contains("holds several plugin assemblies (Fixture.DuplicateA.dll, Fixture.DuplicateB.dll)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_plugin_twice_is_refused()
    {
        var result = Load(new PluginReference(fixtures.Folder("Fixture.Isolated")), new PluginReference(fixtures.Dll("Fixture.Isolated")));

        var error = Assert.Single(result.Errors);
        Assert.Contains("loaded twice", error.Message, StringComparison.Ordinal);
        Assert.Single(result.Plugins);
    }

    [Fact]
    public void Every_plugin_is_tried_and_all_errors_are_reported_together()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-plugin-" + Guid.NewGuid().ToString("N"));
        var result = Load(
            new PluginReference(missing),
            new PluginReference(fixtures.Folder("Fixture.NoEntry")),
            new PluginReference(fixtures.Folder("Fixture.Isolated")));

        Assert.Equal("Fixture.Isolated", Assert.Single(result.Plugins).Name);
        var thrown = Assert.Throws<PluginLoadException>(result.ThrowIfFailed);
        Assert.Equal(2, thrown.Errors.Count);
        Assert.StartsWith("2 plugin errors:", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("plugin Fixture.NoEntry: no entry point", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_assemblies_register_through_the_same_checks_and_join_the_lock()
    {
        var builtIn = loader.LoadBuiltIn(typeof(GoodLoss).Assembly, catalog);
        var result = builtIn.Concat(Load(new PluginReference(fixtures.Folder("Fixture.Isolated"))));

        AssertLoaded(result);
        var plugin = result.Plugins[0];
        Assert.Equal(("Hydro.Core.Tests", true), (plugin.Name, plugin.BuiltIn));
        Assert.Equal("Hydro.Core.Tests", catalog.Find(ComponentKind.Loss, "good_loss")!.Plugin);
        Assert.Equal(Sha256Sum(typeof(GoodLoss).Assembly.Location), result.Lock.Find("Hydro.Core.Tests")!.Sha256);
        Assert.Contains("loaded twice", SingleError(loader.LoadBuiltIn(typeof(GoodLoss).Assembly, catalog)).Message, StringComparison.Ordinal);
    }

    private static string Sha256Sum(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
