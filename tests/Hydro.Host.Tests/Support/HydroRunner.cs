using System.Diagnostics;
using Hydro.Host.Cli;

namespace Hydro.Host.Tests.Support;

/// <summary>What one run of the command line printed and returned.</summary>
internal sealed record CliRun(int Exit, string Out, string Err, TimeSpan Elapsed)
{
    public override string ToString() => $"exit {Exit} after {Elapsed.TotalSeconds:F2} s\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs <c>hydro</c> in-process (<see cref="HydroCli.RunAsync"/>) or as a real process (<c>dotnet hydro.dll</c>).</summary>
internal static class HydroRunner
{
    /// <summary>Settings with the test plugin as the only built-in plugin.</summary>
    public static HydroCliSettings WithTestPlugin { get; } = new() { BuiltInPluginRoot = TestPaths.TestPluginRoot };

    /// <summary>Settings with the host's real built-in plugins.</summary>
    public static HydroCliSettings WithBuiltIns { get; } = new() { BuiltInPluginRoot = TestPaths.BuiltInPlugins };

    /// <summary>Runs in-process; a generous bound catches hangs only.</summary>
    public static CliRun Run(HydroCliSettings settings, params string[] args) => Run(settings, TimeSpan.FromSeconds(60), args);

    /// <summary>Runs in-process, failing after <paramref name="bound"/> (work such as training takes longer than a check).</summary>
    public static CliRun Run(HydroCliSettings settings, TimeSpan bound, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var watch = Stopwatch.StartNew();
        var task = Task.Run(() => HydroCli.RunAsync(args, output, error, settings));
        Assert.True(task.Wait(bound), $"hydro {string.Join(' ', args)} did not finish within {bound.TotalSeconds} s");
        return new CliRun(task.Result, output.ToString(), error.ToString(), watch.Elapsed);
    }

    /// <summary>Runs <c>dotnet hydro.dll ARGS</c> from the host's build output, in <paramref name="workingDirectory"/>.</summary>
    public static CliRun Process(string workingDirectory, params string[] args) => Process(workingDirectory, TimeSpan.FromSeconds(120), args);

    /// <summary>Runs <c>dotnet hydro.dll ARGS</c>, failing after <paramref name="bound"/>.</summary>
    public static CliRun Process(string workingDirectory, TimeSpan bound, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TestPaths.HostOutput, "hydro.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(bound))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"hydro {string.Join(' ', args)} did not finish within {bound.TotalSeconds} s");
        }

        return new CliRun(process.ExitCode, output.Result, error.Result, watch.Elapsed);
    }
}
