using System.CommandLine;
using Hydro.Core.Experiments.Schema;
using Hydro.Host.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro schema [--out DIR]</c>: writes the JSON Schemas of the experiment file and of every component.</summary>
internal static class SchemaVerb
{
    public static Command Create(IServiceProvider services)
    {
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder to write experiment.schema.json and components/<kind>/<key>.schema.json into.",
            HelpName = "DIR",
            DefaultValueFactory = _ => "schemas",
        };
        var plugin = PluginOption.Create();
        var command = new Command("schema", "Write the JSON Schemas generated from the options classes of the loaded "
            + "components (editors use them to complete and check experiment files).")
        {
            output,
            plugin,
        };
        command.SetAction(parse =>
        {
            var load = services.GetRequiredService<PluginCatalogService>().Load(PluginOption.References(parse, plugin));
            load.Result.ThrowIfFailed();
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            if (File.Exists(folder))
            {
                throw new BadInputException($"--out {folder} is a file: give a folder");
            }

            var written = new SchemaWriter(load.Catalog).Write(folder);
            services.GetRequiredService<CliConsole>().Out.WriteLine($"wrote {written.Count} schema files to {folder}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
