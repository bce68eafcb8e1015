using Hydro.Host.Cli;

// The hydro command line; the verbs live in Cli/. Ctrl+C cancels the running verb instead of killing the process.
using var cancellation = new ConsoleCancellation();
Console.CancelKeyPress += (_, e) => e.Cancel = cancellation.OnCancelKey();

return await HydroCli.RunAsync(args, Console.Out, Console.Error, new HydroCliSettings(), cancellation.Token);
