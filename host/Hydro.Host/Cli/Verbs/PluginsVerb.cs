using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hydro.Host.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro plugins [--json]</c>: every component the host can build, with its options.</summary>
internal static class PluginsVerb
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(IServiceProvider services)
    {
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of text." };
        var plugin = PluginOption.Create();
        var command = new Command("plugins", "List the loaded plugins and every component (kind, key, plugin and version, "
            + "summary) with its options (type, default, range, unit, description).")
        {
            json,
            plugin,
        };
        command.SetAction(parse =>
        {
            var load = services.GetRequiredService<PluginCatalogService>().Load(PluginOption.References(parse, plugin));
            load.Result.ThrowIfFailed();
            var console = services.GetRequiredService<CliConsole>();
            var components = ComponentListings.Of(load);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(ToJson(load, components).ToJsonString(Indented));
            }
            else
            {
                WriteText(console.Out, load, components);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonObject ToJson(CatalogLoad load, IReadOnlyList<ComponentListing> components) => new()
    {
        ["plugins"] = new JsonArray([.. load.Result.Plugins.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["version"] = p.Version,
            ["built_in"] = p.BuiltIn,
            ["path"] = p.Path,
            ["sha256"] = p.Sha256,
        })]),
        ["components"] = new JsonArray([.. components.Select(c => (JsonNode)new JsonObject
        {
            ["kind"] = c.Kind,
            ["key"] = c.Key,
            ["plugin"] = new JsonObject { ["name"] = c.Plugin, ["version"] = c.PluginVersion },
            ["summary"] = c.Summary,
            ["options"] = new JsonArray([.. c.Options.Select(o => (JsonNode)new JsonObject
            {
                ["name"] = o.Name,
                ["type"] = o.Type,
                ["default"] = o.Default?.DeepClone(),
                ["range"] = o.Range,
                ["unit"] = o.Unit,
                ["required"] = o.Required,
                ["description"] = o.Description,
            })]),
        })]),
    };

    private static void WriteText(TextWriter output, CatalogLoad load, IReadOnlyList<ComponentListing> components)
    {
        output.WriteLine($"{load.Result.Plugins.Count} plugins, {components.Count} components");
        foreach (var p in load.Result.Plugins)
        {
            output.WriteLine($"  {p.Name} {p.Version}{(p.BuiltIn ? " (built-in)" : "")}  {p.Path}");
        }

        foreach (var c in components)
        {
            output.WriteLine();
            output.WriteLine($"{c.Kind} '{c.Key}'  [{c.Plugin} {c.PluginVersion}]");
            if (c.Summary is not null)
            {
                output.WriteLine($"  {c.Summary}");
            }

            foreach (var o in c.Options)
            {
                var facts = new List<string> { o.Type };
                facts.Add(o.Required ? "required" : o.Default is null ? "no default" : $"default {o.Default.ToJsonString()}");
                if (o.Range is not null)
                {
                    facts.Add($"range {o.Range}");
                }

                if (o.Unit is not null)
                {
                    facts.Add($"unit {o.Unit}");
                }

                output.WriteLine($"  {o.Name}: {string.Join("; ", facts)}");
                if (o.Description is not null)
                {
                    output.WriteLine($"      {o.Description}");
                }
            }
        }
    }
}
