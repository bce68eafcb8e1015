using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace Hydro.Core.Plugins;

/// <summary>Facts about a plugin assembly read from its file, without loading it.</summary>
internal static class PluginFile
{
    private const string EntryPointNamespace = "Hydro.Abstractions.Components";
    private const string EntryPointAttribute = "HydroPluginAttribute";

    /// <summary>
    /// The main assembly of a plugin folder: the one named by a single <c>*.deps.json</c>, else the one assembly that
    /// carries <c>[assembly: HydroPlugin]</c>.
    /// </summary>
    /// <exception cref="PluginLoadException">None or several candidates.</exception>
    public static string FindMainAssembly(string folder)
    {
        var named = Directory.EnumerateFiles(folder, "*.deps.json")
            .Select(deps => deps[..^".deps.json".Length] + ".dll")
            .Where(File.Exists)
            .ToArray();
        if (named.Length == 1)
        {
            return named[0];
        }

        var withEntryPoint = Directory.EnumerateFiles(folder, "*.dll")
            .Where(HasEntryPointAttribute)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        return withEntryPoint.Length switch
        {
            1 => withEntryPoint[0],
            0 => throw new PluginLoadException(name, $"folder {folder} holds no plugin assembly: expected one .dll with "
                + "[assembly: HydroPlugin(typeof(...))] or one *.deps.json naming the main assembly; "
                + "point 'plugins:' at the folder of `dotnet build` or `dotnet publish` output"),
            _ => throw new PluginLoadException(name, $"folder {folder} holds several plugin assemblies ("
                + string.Join(", ", withEntryPoint.Select(Path.GetFileName)) + "): give each plugin its own folder "
                + "or name the .dll under 'plugins:'"),
        };
    }

    /// <summary>The SHA-256 of the file, lower-case hexadecimal.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The version of <paramref name="assemblyName"/> that the assembly was compiled against, or null.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static Version? ReferencedVersion(string path, string assemblyName)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            if (reader.StringComparer.Equals(reference.Name, assemblyName))
            {
                return reference.Version;
            }
        }

        return null;
    }

    /// <summary>The assembly's name and version, from its metadata.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static AssemblyName NameOf(string path) => AssemblyName.GetAssemblyName(path);

    private static bool HasEntryPointAttribute(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        try
        {
            if (!pe.HasMetadata)
            {
                return false; // a native library beside the plugin
            }
        }
        catch (BadImageFormatException)
        {
            return false; // not a PE file at all
        }

        var reader = pe.GetMetadataReader();
        if (!reader.IsAssembly)
        {
            return false;
        }

        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var constructor = reader.GetCustomAttribute(handle).Constructor;
            if (constructor.Kind == HandleKind.MemberReference
                && reader.GetMemberReference((MemberReferenceHandle)constructor).Parent is { Kind: HandleKind.TypeReference } parent)
            {
                var type = reader.GetTypeReference((TypeReferenceHandle)parent);
                if (reader.StringComparer.Equals(type.Namespace, EntryPointNamespace)
                    && reader.StringComparer.Equals(type.Name, EntryPointAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
