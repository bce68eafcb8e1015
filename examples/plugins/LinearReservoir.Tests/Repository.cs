using System.Reflection;

namespace LinearReservoir.Tests;

/// <summary>Paths in the repository these tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder holding Framework.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration these tests were built in (the plugin was built in the same one).</summary>
    public static string Configuration { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;

    /// <summary>examples/plugins.</summary>
    public static string Examples => Path.Combine(Root, "examples", "plugins");

    /// <summary>The example plugin's `dotnet build` output folder, in this test run's configuration.</summary>
    public static string PluginFolder => Path.Combine(Examples, "LinearReservoir", "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Framework.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Framework.sln above {AppContext.BaseDirectory}");
    }
}
