using System.CommandLine;
using Hydro.Core.Plugins;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>--plugin PATH</c> (repeatable): plugin folders or assemblies to load besides the built-in ones.</summary>
internal static class PluginOption
{
    public static Option<string[]> Create() => new("--plugin")
    {
        Description = "A plugin folder or .dll to load besides the built-in plugins (repeatable).",
        HelpName = "PATH",
        DefaultValueFactory = _ => [],
    };

    public static IReadOnlyList<PluginReference> References(ParseResult parse, Option<string[]> option) =>
        [.. (parse.GetValue(option) ?? []).Select(p => new PluginReference(Path.GetFullPath(p)))];
}
