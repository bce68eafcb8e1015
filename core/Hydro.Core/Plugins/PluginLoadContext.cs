using System.Reflection;
using System.Runtime.Loader;

namespace Hydro.Core.Plugins;

/// <summary>
/// The load context of one plugin: its private dependencies come from its own folder (as its <c>*.deps.json</c>
/// says), so two plugins may use different versions of the same library. The contracts and everything whose types
/// cross the plugin boundary come from the host (see <see cref="IsShared"/>).
/// </summary>
/// <remarks>After the AppWithPlugin sample of dotnet/samples. Not collectible: plugins live as long as the run.</remarks>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> FrameworkAssemblies = ListFrameworkAssemblies();

    private readonly AssemblyDependencyResolver resolver;

    /// <summary>A context for the plugin whose main assembly is <paramref name="mainAssemblyPath"/>.</summary>
    /// <exception cref="InvalidOperationException">The plugin's <c>*.deps.json</c> could not be resolved.</exception>
    public PluginLoadContext(string mainAssemblyPath)
        : base(Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: false)
    {
        resolver = new AssemblyDependencyResolver(mainAssemblyPath);
    }

    /// <summary>
    /// True for assemblies that always come from the host: Hydro.Abstractions, Hydro.Torch, Hydro.NetCdf,
    /// <c>Microsoft.Extensions.*</c> and the .NET runtime's own assemblies. A plugin's private copy of them is ignored, so
    /// that the types it exchanges with the host are the host's types, and so that every NetCDF call of the process goes
    /// through one lock and one table of open files (libnetcdf is not thread-safe and crashes when one file is opened
    /// through two unrelated handles).
    /// </summary>
    public static bool IsShared(string assemblyName) =>
        assemblyName is "Hydro.Abstractions" or "Hydro.Torch" or "Hydro.NetCdf"
        || assemblyName.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
        || FrameworkAssemblies.Contains(assemblyName);

    /// <summary>The assemblies of the shared .NET runtime (none known for a single-file host, whose runtime is bundled).</summary>
    private static HashSet<string> ListFrameworkAssemblies()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        return string.IsNullOrEmpty(runtime)
            ? []
            : Directory.EnumerateFiles(runtime, "*.dll").Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || IsShared(assemblyName.Name))
        {
            return null;
        }

        var path = resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
