using System.CommandLine;
using System.CommandLine.Invocation;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Models;
using Hydro.Core.Plugins;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Host.Cli.Verbs;
using Hydro.Host.Experiments;
using Hydro.Host.Logging;
using Hydro.Host.Plugins;
using Hydro.Host.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hydro.Host.Cli;

/// <summary>
/// The <c>hydro</c> command line: parses the arguments (System.CommandLine), builds the services (Microsoft.Extensions
/// .Hosting: logging to the error writer, the plugin catalog, the experiment loader) and runs one verb. Exit codes:
/// <see cref="ExitCodes"/>. Bad input is reported in one line per problem, never with a stack trace; an unexpected
/// error gets one line plus a crash log with the details (printed too under <c>--verbose</c>).
/// </summary>
internal static class HydroCli
{
    /// <summary>Runs the command line with <paramref name="args"/>, printing to the given writers.</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, HydroCliSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(settings);

        var console = new CliConsole(output, error);

        // One warning line when a writer removes the hidden .partial/.old folders a killed hydro left behind.
        using var leftovers = AtomicDirectory.ReportTo(line => console.Error.WriteLine($"hydro: warning: {line}"));
        var level = new LogLevelSwitch();
        using var host = BuildHost(console, level, settings);
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Log what happens (plugins loaded, files read) and print stack traces of unexpected errors.",
            Recursive = true,
        };
        var root = new RootCommand("hydro: differentiable and neural hydrology experiments described in YAML files.")
        {
            verbose,
            ValidateVerb.Create(host.Services),
            PluginsVerb.Create(host.Services),
            RunsVerb.Create(host.Services),
            SchemaVerb.Create(host.Services),
            TrainVerb.Create(host.Services),
            ResumeVerb.Create(host.Services),
            EvaluateVerb.Create(host.Services),
            PredictVerb.Create(host.Services),
            SimulateVerb.Create(host.Services),
            SensitivityVerb.Create(host.Services),
            EmbeddingVerb.Create(host.Services),
            ProbeVerb.Create(host.Services),
            RecoveryVerb.Create(host.Services),
            AttentionVerb.Create(host.Services),
            DemoVerb.Create(host.Services),
        };

        var isVerbose = false;
        try
        {
            var parse = root.Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                return ParseErrors(parse, root, error);
            }

            isVerbose = parse.GetValue(verbose);
            level.Minimum = isVerbose ? LogLevel.Debug : LogLevel.Warning;
            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = output,
                    Error = error,
                    EnableDefaultExceptionHandler = false,
                    ProcessTerminationTimeout = null, // the caller owns Ctrl+C (Program.cs) and passes its token
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (BadInputException e)
        {
            foreach (var line in e.Message.Split('\n'))
            {
                error.WriteLine($"hydro: {line.TrimEnd('\r')}");
            }

            return ExitCodes.BadInput;
        }
        catch (PluginLoadException e)
        {
            foreach (var problem in e.Errors)
            {
                error.WriteLine($"hydro: {problem.Message}");
            }

            return ExitCodes.BadInput;
        }
        catch (Exception e) when (IsBadInput(e))
        {
            // Data, component options, a run directory: problems the user fixes in a file, never a crash.
            foreach (var line in e.Message.Split('\n'))
            {
                error.WriteLine($"hydro: {line.TrimEnd('\r')}");
            }

            return ExitCodes.BadInput;
        }
        catch (TrainingException e)
        {
            error.WriteLine($"hydro: training failed: {e.Message}");
            return ExitCodes.RunFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("hydro: cancelled");
            return ExitCodes.RunFailed;
        }
#pragma warning disable CA1031 // the last line of defence: any failure becomes one line, exit 1 and a crash log
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Crash(e, error, settings, isVerbose);
        }
    }

    private static bool IsBadInput(Exception e) => e is DataException or ComponentCreationException or ModelException or RunException or DeviceException;

    private static int ParseErrors(ParseResult parse, RootCommand root, TextWriter error)
    {
        foreach (var problem in parse.Errors)
        {
            error.WriteLine($"hydro: {problem.Message}");
        }

        var verb = parse.CommandResult.Command == root ? "hydro" : $"hydro {parse.CommandResult.Command.Name}";
        error.WriteLine($"Run '{verb} --help' for usage.");
        return ExitCodes.BadInput;
    }

    private static IHost BuildHost(CliConsole console, LogLevelSwitch level, HydroCliSettings settings)
    {
        // DisableDefaults: no appsettings.json or environment configuration from the working folder; the command line
        // and the experiment file are the only inputs.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "hydro",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(new ErrorWriterLoggerProvider(console, level));
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton(level);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<PluginCatalogService>();
        builder.Services.AddSingleton<ExperimentFileLoader>();
        builder.Services.AddSingleton<RunWork>();
        return builder.Build();
    }

    private static int Crash(Exception e, TextWriter error, HydroCliSettings settings, bool verbose)
    {
        error.WriteLine($"hydro: failed: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        if (verbose)
        {
            error.WriteLine(e.ToString());
            return ExitCodes.RunFailed;
        }

        try
        {
            Directory.CreateDirectory(settings.CrashLogDirectory);
            var log = Path.Combine(settings.CrashLogDirectory, $"crash-{DateTime.UtcNow:yyyyMMdd_HHmmss}-{Environment.ProcessId}.log");
            File.WriteAllText(log, e.ToString());
            error.WriteLine($"hydro: details in {log} (or run again with --verbose)");
        }
        catch (Exception io) when (io is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("hydro: run again with --verbose for the details");
        }

        return ExitCodes.RunFailed;
    }
}
