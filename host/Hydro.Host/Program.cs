using Hydro.Host.Cli;

// The hydro command line; the verbs live in Cli/. Ctrl+C cancels the running verb instead of killing the process.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !stop.IsCancellationRequested; // a second Ctrl+C ends the process at once
    stop.Cancel();
};

return await HydroCli.RunAsync(args, Console.Out, Console.Error, new HydroCliSettings(), stop.Token);
