namespace Hydro.Host.Cli;

/// <summary>Where the command line finds its parts; the defaults suit the installed tool, tests point them elsewhere.</summary>
internal sealed record HydroCliSettings
{
    /// <summary>The folder whose sub-folders are the built-in plugins (default: <c>plugins/</c> beside hydro.dll).</summary>
    public string BuiltInPluginRoot { get; init; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Where unexpected errors are written in full (default: <c>$TMPDIR/hydro/</c>).</summary>
    public string CrashLogDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "hydro");

    /// <summary>Redraw one progress line in place (a terminal) instead of printing plain progress lines (default: when stderr is a terminal).</summary>
    public bool ProgressBar { get; init; } = !Console.IsErrorRedirected;
}
