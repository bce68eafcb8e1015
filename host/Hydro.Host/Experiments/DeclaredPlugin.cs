namespace Hydro.Host.Experiments;

/// <summary>An entry under an experiment file's <c>plugins:</c>, as written, with its position.</summary>
internal sealed record DeclaredPlugin(string Path, string? Sha256, int Line, int Column);
