namespace Hydro.Core.Plugins;

/// <summary>One plugin to load: a folder or a <c>.dll</c>, with an optional SHA-256 pin.</summary>
/// <param name="Path">
/// A plugin folder or its main <c>.dll</c>. A folder holds one plugin: the assembly named by its single
/// <c>*.deps.json</c>, or else the one assembly carrying <c>[assembly: HydroPlugin(...)]</c>. Relative paths are
/// resolved against the current directory; the experiment file's loader resolves them against the file first.
/// </param>
/// <param name="Sha256">
/// The expected SHA-256 of the main assembly (64 hexadecimal characters, as written in <c>plugins.lock</c>);
/// loading refuses any other file. Null: not pinned.
/// </param>
/// <param name="BuiltIn">True for the host's default plugin folders, false for folders named under <c>plugins:</c>.</param>
public sealed record PluginReference(string Path, string? Sha256 = null, bool BuiltIn = false);
