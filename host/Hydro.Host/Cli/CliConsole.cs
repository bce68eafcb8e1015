namespace Hydro.Host.Cli;

/// <summary>The writers a verb prints to: results on <see cref="Out"/>, errors and logs on <see cref="Error"/>.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error);
