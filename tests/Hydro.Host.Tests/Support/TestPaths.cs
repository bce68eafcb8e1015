using System.Reflection;

namespace Hydro.Host.Tests.Support;

/// <summary>Where the tests find their inputs: the repository, the host's build output, the test plugin.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The host's output folder: hydro.dll and plugins/ with the built-in plugins.</summary>
    public static string HostOutput { get; } = Metadata("HostOutput");

    /// <summary>The built-in plugin folder of the host.</summary>
    public static string BuiltInPlugins { get; } = Path.Combine(HostOutput, "plugins");

    /// <summary>A plugin root holding only the test plugin (components as in Hydro.Core.Tests' TestCatalog).</summary>
    public static string TestPluginRoot { get; } = Path.Combine(AppContext.BaseDirectory, "testplugins");

    /// <summary>The test plugin's own folder, for <c>plugins:</c> and <c>--plugin</c>.</summary>
    public static string TestPlugin { get; } = Path.Combine(TestPluginRoot, "Hydro.Host.TestPlugin");

    public static string Malformed { get; } = Path.Combine(AppContext.BaseDirectory, "Malformed");

    public static string ValidExperiment { get; } = Path.Combine(AppContext.BaseDirectory, "valid.yaml");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
