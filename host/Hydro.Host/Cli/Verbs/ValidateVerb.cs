using System.CommandLine;
using Hydro.Host.Experiments;
using Microsoft.Extensions.DependencyInjection;

namespace Hydro.Host.Cli.Verbs;

/// <summary><c>hydro validate FILE...</c>: loads each experiment file with its plugins and reports every error; runs nothing.</summary>
internal static class ValidateVerb
{
    public static Command Create(IServiceProvider services)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Experiment YAML files to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check experiment files (YAML syntax, schema, options, plugins) without running "
            + "them. Prints one error per line as file:line:column: path: message. Exit 0 when all are valid, 2 otherwise.")
        {
            files,
        };
        command.SetAction(parse =>
        {
            var loader = services.GetRequiredService<ExperimentFileLoader>();
            var console = services.GetRequiredService<CliConsole>();
            var exit = ExitCodes.Ok;
            foreach (var file in parse.GetValue(files)!)
            {
                ExperimentFileResult result;
                try
                {
                    result = loader.Load(file);
                }
                catch (BadInputException e)
                {
                    console.Error.WriteLine($"hydro: {e.Message}");
                    exit = ExitCodes.BadInput;
                    continue;
                }

                if (result.Succeeded)
                {
                    console.Out.WriteLine($"{file}: ok");
                    continue;
                }

                foreach (var line in result.Errors)
                {
                    console.Error.WriteLine(line);
                }

                exit = ExitCodes.BadInput;
            }

            return exit;
        });
        return command;
    }
}
