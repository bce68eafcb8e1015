namespace Hydro.Core.Plugins;

/// <summary>
/// What a <see cref="PluginLoader"/> call did: the plugins that loaded and every error met. With any error the run
/// must not start (<see cref="ThrowIfFailed"/>): the catalog may then hold part of a failed plugin's components.
/// </summary>
/// <param name="Plugins">The plugins that loaded, in loading order.</param>
/// <param name="Errors">One entry per problem, in the order met; empty on success.</param>
public sealed record LoadResult(IReadOnlyList<LoadedPlugin> Plugins, IReadOnlyList<PluginLoadException> Errors)
{
    /// <summary>True when every plugin loaded.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The <c>plugins.lock</c> of the loaded plugins.</summary>
    public PluginLock Lock => new(Plugins.Select(p => p.ToLockEntry()));

    /// <summary>Throws one <see cref="PluginLoadException"/> listing every error, if there are any.</summary>
    /// <exception cref="PluginLoadException">Some plugin failed to load.</exception>
    public void ThrowIfFailed()
    {
        if (!Succeeded)
        {
            throw PluginLoadException.Combine(Errors);
        }
    }

    /// <summary>This result followed by <paramref name="other"/> (e.g. built-ins, then the experiment's plugins).</summary>
    public LoadResult Concat(LoadResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new([.. Plugins, .. other.Plugins], [.. Errors, .. other.Errors]);
    }
}
