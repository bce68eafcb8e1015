namespace Hydro.Core.Analysis;

/// <summary>One row of the global sensitivity ranking (<see cref="StaticSensitivity.Ranking"/>).</summary>
/// <param name="Rank">1 for the most sensitive feature.</param>
/// <param name="Feature">Static input name.</param>
/// <param name="Score">Mean over basins of the per-basin normalised sensitivity, in [0, 1].</param>
public sealed record FeatureSensitivity(int Rank, string Feature, double Score);
