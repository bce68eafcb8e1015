using System.Reflection;
using Hydro.Core.Components;

namespace Hydro.Core.Plugins;

/// <summary>A plugin that loaded and registered its components.</summary>
/// <param name="Name">The main assembly's simple name.</param>
/// <param name="Version">Its informational version (e.g. <c>1.2.0+commit</c>), else its assembly version.</param>
/// <param name="Path">The main assembly's full path (empty for a built-in assembly loaded from memory).</param>
/// <param name="Sha256">The main assembly file's SHA-256, lower-case hexadecimal (empty when it has no file).</param>
/// <param name="Assembly">The loaded main assembly.</param>
/// <param name="BuiltIn">True for the host's own plugins.</param>
/// <param name="Components">The components it registered.</param>
public sealed record LoadedPlugin(
    string Name,
    string Version,
    string Path,
    string Sha256,
    Assembly Assembly,
    bool BuiltIn,
    IReadOnlyList<ComponentDescriptor> Components)
{
    /// <summary>Its line in <c>plugins.lock</c>.</summary>
    public PluginLockEntry ToLockEntry() => new(Name, Version, Path, Sha256);
}
