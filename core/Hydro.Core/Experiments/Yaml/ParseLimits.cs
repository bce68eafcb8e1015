namespace Hydro.Core.Experiments.Yaml;

/// <summary>Bounds that keep a hostile or broken file from exhausting time or memory.</summary>
/// <param name="MaxBytes">Largest file accepted.</param>
/// <param name="MaxNodes">Most nodes after expanding aliases.</param>
/// <param name="MaxDepth">Deepest nesting after expanding aliases.</param>
internal sealed record ParseLimits(long MaxBytes, int MaxNodes, int MaxDepth);
