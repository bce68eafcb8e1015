using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace Hydro.Plugins.Data.SyntheticGrid;

/// <summary>Options of the <c>synthetic_grid</c> dataset.</summary>
public sealed class SyntheticGridOptions : IValidatableObject
{
    /// <summary>Number of basins (ids <c>grid_000</c>, <c>grid_001</c>, …).</summary>
    [Description("Number of basins, named grid_000, grid_001, …")]
    [Range(1, 1000)]
    public int Basins { get; init; } = 4;

    /// <summary>Seed of every random draw; the same seed gives the same data.</summary>
    [Description("Seed of the masks, weather fields and noise channels; the same seed gives the same data.")]
    public int Seed { get; init; }

    /// <summary>First day of the data (YYYY-MM-DD).</summary>
    [Description("First day of the data, YYYY-MM-DD.")]
    public DateOnly Start { get; init; } = new(2000, 1, 1);

    /// <summary>Last day of the data (YYYY-MM-DD), not before <see cref="Start"/>.</summary>
    [Description("Last day of the data, YYYY-MM-DD (included); not before start.")]
    public DateOnly End { get; init; } = new(2004, 12, 31);

    /// <summary>Grid rows H (north to south).</summary>
    [Description("Grid rows H (row 0 is the northernmost); every basin has an H × W grid of 1 km cells.")]
    [Range(4, 128)]
    public int Height { get; init; } = 16;

    /// <summary>Grid columns W (west to east).</summary>
    [Description("Grid columns W (column 0 is the westernmost).")]
    [Range(4, 128)]
    public int Width { get; init; } = 16;

    /// <summary>Channels C: precip, pet, temp, then noise_1 … noise_(C−3).</summary>
    [Description("Number of grid channels: precip (mm/day), pet (mm/day), temp (°C), then noise_1 … noise_(C−3) (-), which the streamflow never sees.")]
    [Range(3, 32)]
    public int Channels { get; init; } = 6;

    /// <summary>Time constant k of the truth's linear reservoir (days).</summary>
    [Description("Time constant k of the truth's linear reservoir, in days: streamflow q = S / k.")]
    [Range(1.0, 365.0)]
    [Unit("day")]
    public double ReservoirDays { get; init; } = 10;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (End < Start)
        {
            yield return new ValidationResult(
                $"end ({End:yyyy-MM-dd}) is before start ({Start:yyyy-MM-dd}): the synthetic_grid period needs end on or after start",
                [nameof(End)]);
        }
    }
}
