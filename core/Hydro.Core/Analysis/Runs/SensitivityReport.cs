namespace Hydro.Core.Analysis.Runs;

/// <summary>What a sensitivity analysis wrote (<see cref="SensitivityAnalysis.Run"/>).</summary>
/// <param name="OutputDirectory">The results folder.</param>
/// <param name="Period">The period's name.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day.</param>
/// <param name="Target">The target differentiated.</param>
/// <param name="Unit">Unit of the values: target unit per standard deviation of the input.</param>
/// <param name="Seeds">The members whose mean prediction was differentiated.</param>
/// <param name="Sensitivity">Per-basin values, in <paramref name="Unit"/>, and the ranking.</param>
/// <param name="Warnings">Basins left out and why.</param>
public sealed record SensitivityReport(
    string OutputDirectory,
    string Period,
    DateTime Start,
    DateTime End,
    string Target,
    string Unit,
    IReadOnlyList<int> Seeds,
    StaticSensitivity Sensitivity,
    IReadOnlyList<string> Warnings);
