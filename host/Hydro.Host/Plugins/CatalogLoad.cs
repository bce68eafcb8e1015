using Hydro.Core.Components;
using Hydro.Core.Plugins;

namespace Hydro.Host.Plugins;

/// <summary>A catalog and how it was filled: the plugins that loaded and every plugin error.</summary>
internal sealed record CatalogLoad(ComponentCatalog Catalog, LoadResult Result)
{
    /// <summary>The loaded plugin that registered <paramref name="pluginName"/>'s components, if any.</summary>
    public LoadedPlugin? Plugin(string pluginName) =>
        Result.Plugins.FirstOrDefault(p => string.Equals(p.Name, pluginName, StringComparison.Ordinal));
}
