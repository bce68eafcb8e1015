using System.Reflection;
using Hydro.Abstractions.Components;
using Hydro.Core.Components;

namespace Hydro.Core.Plugins;

/// <summary>
/// Loads plugins into a <see cref="ComponentCatalog"/>. Per plugin, in order: the folder or file exists → its
/// SHA-256 matches the pin → it was built against a compatible Hydro.Abstractions (read from metadata, before
/// loading) → it loads, with its dependencies, into its own <see cref="System.Runtime.Loader.AssemblyLoadContext"/>
/// → its <c>[assembly: HydroPlugin]</c> entry point registers valid components. A plugin stops at its first failed
/// step; every plugin is tried and all errors are returned together, so one start-up reports every problem.
/// </summary>
/// <remarks>Use one loader per run: it refuses a second plugin with the name of one it already loaded.</remarks>
public sealed class PluginLoader
{
    private const string AbstractionsName = "Hydro.Abstractions";
    private static readonly Version HostAbstractions = typeof(ComponentAttribute).Assembly.GetName().Version!;

    private readonly Dictionary<string, string> loaded = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Loads each plugin and adds its components to <paramref name="catalog"/>.</summary>
    public LoadResult Load(IEnumerable<PluginReference> plugins, ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(catalog);
        var done = new List<LoadedPlugin>();
        var errors = new List<PluginLoadException>();
        foreach (var plugin in plugins)
        {
            try
            {
                var result = LoadOne(plugin, catalog, errors);
                if (result is not null)
                {
                    done.Add(result);
                }
            }
            catch (PluginLoadException e)
            {
                errors.Add(e);
            }
        }

        return new LoadResult(done, errors);
    }

    /// <summary>
    /// Registers the components of an assembly the host already references (its built-in components), through the
    /// same entry point and checks as a plugin; it stays in the default load context.
    /// </summary>
    public LoadResult LoadBuiltIn(Assembly assembly, ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(catalog);
        var name = assembly.GetName().Name!;
        var errors = new List<PluginLoadException>();
        try
        {
            var path = assembly.Location;
            Claim(name, path);
            var components = Register(name, assembly, catalog, errors);
            LoadedPlugin[] done = components is null
                ? []
                : [new(name, VersionOf(assembly), path, path.Length == 0 ? "" : PluginFile.Sha256(path), assembly, true, components)];
            return new LoadResult(done, errors);
        }
        catch (PluginLoadException e)
        {
            return new LoadResult([], [e]);
        }
    }

    private LoadedPlugin? LoadOne(PluginReference plugin, ComponentCatalog catalog, List<PluginLoadException> errors)
    {
        var main = MainAssembly(plugin);
        string name;
        try
        {
            name = PluginFile.NameOf(main).Name!;
        }
        catch (BadImageFormatException e)
        {
            throw new PluginLoadException(Path.GetFileNameWithoutExtension(main),
                $"{main} is not a .NET assembly: point 'plugins:' at the plugin's folder or main .dll", e);
        }

        var sha256 = PluginFile.Sha256(main);
        CheckPin(name, main, sha256, plugin.Sha256);
        CheckAbstractions(name, main);
        Claim(name, main);

        var assembly = LoadWithDependencies(name, main);
        var components = Register(name, assembly, catalog, errors);
        return components is null
            ? null
            : new LoadedPlugin(name, VersionOf(assembly), main, sha256, assembly, plugin.BuiltIn, components);
    }

    private static string MainAssembly(PluginReference plugin)
    {
        var path = Path.GetFullPath(plugin.Path);
        if (Directory.Exists(path))
        {
            return PluginFile.FindMainAssembly(path);
        }

        if (File.Exists(path))
        {
            return path;
        }

        var name = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path));
        throw new PluginLoadException(name, plugin.BuiltIn
            ? $"built-in plugin folder {path} does not exist: the Hydro installation is incomplete; reinstall Hydro"
            : $"plugin folder {path} does not exist: fix its entry under 'plugins:' in the experiment file "
                + "(relative paths start at the file's folder) or build the plugin there");
    }

    private static void CheckPin(string name, string main, string actual, string? pin)
    {
        if (pin is null)
        {
            return;
        }

        var expected = pin.Trim();
        if (expected.Length != 64 || !expected.All(char.IsAsciiHexDigit))
        {
            throw new PluginLoadException(name, $"the pinned sha256 '{pin}' is not 64 hexadecimal characters: "
                + $"copy the value from {PluginLock.FileName} (this file's is {actual})");
        }

        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginLoadException(name, $"{main} has SHA-256 {actual}, but 'plugins:' pins {expected.ToLowerInvariant()}: "
                + $"the plugin changed since it was pinned; if the change is intended, set its sha256 to {actual}");
        }
    }

    private static void CheckAbstractions(string name, string main)
    {
        // Without the reference there is no entry point either, which Register reports.
        if (PluginFile.ReferencedVersion(main, AbstractionsName) is { } required
            && AbstractionsProblem(required, HostAbstractions) is { } problem)
        {
            throw new PluginLoadException(name, problem);
        }
    }

    /// <summary>
    /// Why a plugin built against Hydro.Abstractions <paramref name="required"/> cannot run on a host with
    /// <paramref name="host"/>, or null if it can: the major versions must agree and the plugin's must not be newer.
    /// </summary>
    internal static string? AbstractionsProblem(Version required, Version host)
    {
        if (required.Major == host.Major && required <= host)
        {
            return null;
        }

        return $"built against {AbstractionsName} {required.ToString(3)}, this host has {host.ToString(3)}: rebuild the "
            + $"plugin against {AbstractionsName} {host.Major}.{host.Minor}" + (required > host ? " or update Hydro" : "");
    }

    private void Claim(string name, string path)
    {
        if (!loaded.TryAdd(name, path))
        {
            throw new PluginLoadException(name, $"loaded twice, from {loaded[name]} and from {path}: "
                + "list each plugin once under 'plugins:' (a built-in plugin needs no entry)");
        }
    }

    private static Assembly LoadWithDependencies(string name, string main)
    {
        try
        {
            var context = new PluginLoadContext(main);
            var assembly = context.LoadFromAssemblyPath(main);
            LoadReferences(name, assembly, context);
            return assembly;
        }
        catch (InvalidOperationException e)
        {
            throw new PluginLoadException(name, $"its dependency manifest {Path.ChangeExtension(main, ".deps.json")} "
                + $"could not be resolved: {e.Message}; rebuild or republish the plugin with its dependencies", e);
        }
        catch (Exception e) when (DependencyFailure.Describe(name, e) is { } error)
        {
            throw error;
        }
    }

    /// <summary>
    /// Loads what the plugin references now, not when a method first needs it: a missing dependency is a start-up
    /// error, not a failure in the middle of a run. Walks the plugin's private assemblies; shared ones are the host's.
    /// </summary>
    /// <remarks>
    /// A dependency missing from the plugin's folder silently falls back to the host's copy, whatever its version;
    /// an older copy than the plugin was built against is refused here rather than failing later on a missing member.
    /// </remarks>
    private static void LoadReferences(string name, Assembly main, PluginLoadContext context)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { main.GetName().Name! };
        var pending = new Stack<Assembly>([main]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (!seen.Add(reference.Name!))
                {
                    continue;
                }

                var loaded = context.LoadFromAssemblyName(reference);
                if (loaded.GetName().Version < reference.Version)
                {
                    throw DependencyFailure.TooOld(name, reference, loaded);
                }

                if (System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(loaded) == context)
                {
                    pending.Push(loaded);
                }
            }
        }
    }

    private static IReadOnlyList<ComponentDescriptor>? Register(
        string name, Assembly assembly, ComponentCatalog catalog, List<PluginLoadException> errors)
    {
        var registry = new PluginRegistry(name);
        try
        {
            CreateEntryPoint(name, assembly).Register(registry);
        }
        catch (PluginLoadException)
        {
            throw;
        }
        catch (Exception e) when (DependencyFailure.Describe(name, e) is { } error)
        {
            throw error;
        }
#pragma warning disable CA1031 // a plugin's own bug becomes a start-up error naming the plugin, whatever its type
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw new PluginLoadException(name, $"its entry point's Register threw {e.GetType().Name}: {e.Message}", e);
        }

        var before = errors.Count;
        errors.AddRange(registry.Errors);
        foreach (var component in registry.Components)
        {
            try
            {
                catalog.Add(component);
            }
            catch (DuplicateComponentException e)
            {
                errors.Add(new PluginLoadException(name, e.Message, e));
            }
        }

        return errors.Count == before ? registry.Components : null;
    }

    private static IHydroPlugin CreateEntryPoint(string name, Assembly assembly)
    {
        var entryPoint = assembly.GetCustomAttribute<HydroPluginAttribute>()?.EntryPoint
            ?? throw new PluginLoadException(name, "no entry point: add [assembly: HydroPlugin(typeof(...))] naming "
                + "a public class that implements IHydroPlugin and registers the plugin's components");
        if (!typeof(IHydroPlugin).IsAssignableFrom(entryPoint) || entryPoint.IsAbstract
            || entryPoint.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new PluginLoadException(name, $"entry point {entryPoint.FullName} named by [assembly: HydroPlugin] must be "
                + "a public, non-abstract class implementing IHydroPlugin with a public parameterless constructor");
        }

        try
        {
            return (IHydroPlugin)Activator.CreateInstance(entryPoint)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new PluginLoadException(name, $"entry point {entryPoint.FullName}'s constructor threw "
                + $"{e.InnerException.GetType().Name}: {e.InnerException.Message}", e.InnerException);
        }
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "";
}
