namespace Hydro.Host.Cli;

/// <summary>The exit codes of every verb (DESIGN.md, "Command line").</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The work itself failed (an unexpected error, a failed run, cancelled).</summary>
    public const int RunFailed = 1;

    /// <summary>Bad input: command line, experiment file or plugins; nothing was run.</summary>
    public const int BadInput = 2;
}
