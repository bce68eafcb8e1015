using System.Reflection;
using System.Runtime.Loader;

namespace Hydro.Core.Plugins;

/// <summary>Turns the runtime's "could not load assembly" exceptions into a start-up error saying what to do.</summary>
internal static class DependencyFailure
{
    /// <summary>The error for <paramref name="exception"/> if it is a failure to load a dependency, else null.</summary>
    public static PluginLoadException? Describe(string plugin, Exception exception)
    {
        var (file, cause) = exception switch
        {
            FileNotFoundException e => (e.FileName, (Exception)e),
            FileLoadException e => (e.FileName, e),
            BadImageFormatException e => (e.FileName, e),
            ReflectionTypeLoadException e => (FirstFileName(e.LoaderExceptions), e),
            TypeLoadException e when e.InnerException is not null => (FirstFileName([e.InnerException]), e),
            _ => (null, exception),
        };
        if (file is null && exception is not ReflectionTypeLoadException and not TypeLoadException)
        {
            return null;
        }

        var dependency = file is null ? "(unknown)" : SimpleName(file);
        return new PluginLoadException(plugin, $"dependency {dependency} could not be loaded: {cause.Message}; {Advice(dependency)}", exception);
    }

    /// <summary>The error for a dependency that resolved to an older version than the plugin was built against.</summary>
    public static PluginLoadException TooOld(string plugin, AssemblyName wanted, Assembly found)
    {
        var dependency = wanted.Name!;
        var where = AssemblyLoadContext.GetLoadContext(found) == AssemblyLoadContext.Default ? "the host's" : "the plugin's";
        return new PluginLoadException(plugin, $"dependency {dependency} could not be loaded: the plugin was built against "
            + $"{dependency} {wanted.Version}, but only {where} {found.GetName().Version} was found ({found.Location}); {Advice(dependency)}");
    }

    private static string Advice(string dependency) => PluginLoadContext.IsShared(dependency)
        ? $"{dependency} is shared with the host (Hydro.Abstractions, Hydro.Torch, Microsoft.Extensions.* and the .NET "
            + "runtime always come from Hydro): build the plugin against the version this Hydro ships"
        : $"put {dependency}.dll beside the plugin or publish it with its dependencies (dotnet publish)";

    private static string? FirstFileName(IEnumerable<Exception?> exceptions) => exceptions
        .Select(e => e switch
        {
            FileNotFoundException f => f.FileName,
            FileLoadException f => f.FileName,
            BadImageFormatException f => f.FileName,
            _ => null,
        })
        .FirstOrDefault(f => f is not null);

    private static string SimpleName(string file)
    {
        try
        {
            return new AssemblyName(file).Name ?? file;
        }
        catch (FileLoadException)
        {
            return Path.GetFileNameWithoutExtension(file); // a path, not a display name
        }
    }
}
