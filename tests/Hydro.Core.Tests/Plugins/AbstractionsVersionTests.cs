using Hydro.Core.Plugins;

namespace Hydro.Core.Tests.Plugins;

public sealed class AbstractionsVersionTests
{
    [Theory]
    [InlineData("1.0.0.0", "1.0.0.0")]
    [InlineData("1.0.0.0", "1.3.0.0")]
    [InlineData("1.2.1.0", "1.3.0.0")]
    public void A_plugin_built_against_the_same_or_an_older_minor_runs(string required, string host) =>
        Assert.Null(PluginLoader.AbstractionsProblem(Version.Parse(required), Version.Parse(host)));

    [Theory]
    [InlineData("1.4.0.0", "1.3.0.0", "built against Hydro.Abstractions 1.4.0, this host has 1.3.0: rebuild the plugin against Hydro.Abstractions 1.3 or update Hydro")]
    [InlineData("2.0.0.0", "1.0.0.0", "built against Hydro.Abstractions 2.0.0, this host has 1.0.0: rebuild the plugin against Hydro.Abstractions 1.0 or update Hydro")]
    [InlineData("0.9.0.0", "1.0.0.0", "built against Hydro.Abstractions 0.9.0, this host has 1.0.0: rebuild the plugin against Hydro.Abstractions 1.0")]
    public void A_newer_or_other_major_version_is_refused(string required, string host, string expected) =>
        Assert.Equal(expected, PluginLoader.AbstractionsProblem(Version.Parse(required), Version.Parse(host)));
}
