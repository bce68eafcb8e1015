using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;

namespace Hydro.Plugins.Data.SyntheticGrid;

/// <summary>
/// Generated gridded basins with a planted truth: daily fields of C channels on an H × W grid of 1 km cells, an
/// irregular basin mask, and a streamflow made only from <c>precip</c> and <c>pet</c> over a known block of cells
/// (<see cref="SyntheticGridTruth"/>), so that a spatial model's attention can be checked against the truth.
/// Deterministic in (seed, basin index, start, end, sizes); generating a basin of 16 × 16 × 6 channels × 5 years takes
/// milliseconds, and the last basin generated is kept for the next call.
/// </summary>
/// <remarks>
/// <para>Channels (grid, <see cref="IGriddedDataset"/>): <c>precip</c> (mm/day; Markov wet/dry days, exponential
/// amounts, one storm per day at a random centre), <c>pet</c> (mm/day; 0.12·(temp + 5)⁺ times a daily factor),
/// <c>temp</c> (°C; seasonal cycle, AR(1) anomaly, a north–south gradient), <c>noise_1</c> … (-; AR(1) per cell).</para>
/// <para>Lumped (dynamic): each channel's mean over the basin mask under the same name, and <c>streamflow</c> (mm/day,
/// the target, exactly the truth: no noise, no gaps). Static: <c>area</c> (km2, masked cells),
/// <c>truth_region_fraction</c> (-, share of the masked cells in the truth region), <c>truth_region_cells</c> (-) and
/// <c>truth_reservoir_days</c> (day); the truth attributes are answers for checks, never model inputs.</para>
/// <para>Coordinates: Lambert-93 (EPSG:2154) metres, basin b's grid starting at x = 600 000 + 40 000·(b mod 20),
/// y = 6 600 000 − 40 000·⌊b / 20⌋ (north-west corner); row 0 is the northernmost.</para>
/// </remarks>
[Component("synthetic_grid", typeof(SyntheticGridOptions), Summary = "Generated gridded basins (H × W fields, mask) whose streamflow comes only from precip − pet over a known block of cells.")]
public sealed class SyntheticGridDataset : IGriddedDataset
{
    private const double CellSize = 1000;
    private static readonly string[] Physical = ["precip", "pet", "temp"];
    private static readonly double[] StandardParallels = [49.0, 44.0];
    private readonly SyntheticGridOptions options;
    private readonly string[] basins;
    private readonly VariableInfo[] channels;
    private readonly VariableInfo[] variables;
    private readonly Lock gate = new();
    private GridBasin? last;

    /// <summary>Creates the dataset (nothing is generated until a basin is loaded).</summary>
    /// <exception cref="ArgumentException">Options outside their documented ranges.</exception>
    public SyntheticGridDataset(SyntheticGridOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new ArgumentException("synthetic_grid: " + string.Join("; ", problems.Select(p => $"{string.Join(", ", p.MemberNames)}: {p.ErrorMessage}")), nameof(options));
        }

        this.options = options;
        basins = context.Basins is { } requested ? [.. requested.Select(Checked)] : [.. Enumerable.Range(0, options.Basins).Select(Id)];
        channels = [.. ChannelNames(options.Channels).Select(n => new VariableInfo(n, UnitOf(n), false))];
        variables =
        [
            .. channels,
            new("streamflow", "mm/day", false),
            new("area", "km2", true),
            new("truth_region_fraction", "-", true),
            new("truth_region_cells", "-", true),
            new("truth_reservoir_days", "day", true),
        ];
    }

    /// <summary>The channel names for <paramref name="count"/> channels: precip, pet, temp, noise_1 ….</summary>
    public static IReadOnlyList<string> ChannelNames(int count) =>
        [.. Physical.Take(count), .. Enumerable.Range(1, Math.Max(0, count - 3)).Select(k => string.Create(CultureInfo.InvariantCulture, $"noise_{k}"))];

    /// <inheritdoc/>
    public DatasetDescription Describe() => new(basins, variables, options.Start.ToDateTime(TimeOnly.MinValue), options.End.ToDateTime(TimeOnly.MinValue));

    /// <inheritdoc/>
    public GridDescription DescribeGrid(string basin)
    {
        var index = Index(basin);
        int h = options.Height, w = options.Width;
        var mask = GridBasin.MakeMask(options.Seed, index, h, w);
        var x0 = 600_000.0 + (40_000.0 * (index % 20));
        var y0 = 6_600_000.0 - (40_000.0 * (index / 20));
        var (r0, r1, c0, c1) = SyntheticGridTruth.Rectangle(h, w);
        var crs = new GridCrs(2154, null, new Dictionary<string, object>
        {
            ["grid_mapping_name"] = "lambert_conformal_conic",
            ["standard_parallel"] = StandardParallels.ToArray(),
            ["longitude_of_central_meridian"] = 3.0,
            ["latitude_of_projection_origin"] = 46.5,
            ["false_easting"] = 700_000.0,
            ["false_northing"] = 6_600_000.0,
        }, "m");
        return new GridDescription(
            channels,
            [.. Enumerable.Range(0, w).Select(j => x0 + ((j + 0.5) * CellSize))],
            [.. Enumerable.Range(0, h).Select(i => y0 - ((i + 0.5) * CellSize))],
            mask,
            crs)
        {
            Attributes = new Dictionary<string, string>
            {
                ["truth_channels"] = string.Join(",", SyntheticGridTruth.Channels),
                ["truth_region"] = string.Create(CultureInfo.InvariantCulture, $"rows {r0}..{r1 - 1}, columns {c0}..{c1 - 1} (0-based, inclusive), masked cells only"),
                ["truth_equation"] = "u = mean over the region of max(precip - pet, 0); S += u; q = S / k; S -= q",
                ["truth_reservoir_days"] = options.ReservoirDays.ToString("R", CultureInfo.InvariantCulture),
            },
        };
    }

    /// <inheritdoc/>
    public BasinSeries Load(string basin, DataRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var index = Index(basin);
        Check(basin, request.Dynamic, isStatic: false, "inputs.dynamic");
        Check(basin, request.Static, isStatic: true, "inputs.static");
        Check(basin, request.Targets, isStatic: false, "targets");
        var (offset, days) = Period(basin, request.Start, request.End);
        var b = Generated(index);
        return new BasinSeries(basin, request.Start, Columns(b, request.Dynamic, offset, days),
            [.. request.Static.Select(n => Attribute(b, n))], Columns(b, request.Targets, offset, days));
    }

    /// <inheritdoc/>
    public GridSeries LoadGrid(string basin, GridRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var index = Index(basin);
        var wanted = request.Channels.Select(n => Array.FindIndex(channels, c => c.Name == n) is var k and >= 0 ? k
            : throw new DataException($"synthetic_grid: basin {basin}: '{n}' is not a grid channel; channels: {string.Join(", ", channels.Select(c => c.Name))}")).ToArray();
        var (offset, days) = Period(basin, request.Start, request.End);
        var b = Generated(index);
        var cells = options.Height * options.Width;
        var values = new float[(long)days * wanted.Length * cells];
        for (var t = 0; t < days; t++)
        {
            for (var k = 0; k < wanted.Length; k++)
            {
                b.Values.AsSpan((int)((((long)(offset + t) * b.Channels) + wanted[k]) * cells), cells)
                    .CopyTo(values.AsSpan((int)((((long)t * wanted.Length) + k) * cells), cells));
            }
        }

        return new GridSeries(basin, request.Start, days, wanted.Length, options.Height, options.Width, values);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <summary>The id of basin <paramref name="index"/>: <c>grid_000</c>, <c>grid_001</c>, …</summary>
    internal static string Id(int index) => string.Create(CultureInfo.InvariantCulture, $"grid_{index:D3}");

    private static int IndexOf(string basin) =>
        basin.StartsWith("grid_", StringComparison.Ordinal) && int.TryParse(basin.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && i < 100_000 && Id(i) == basin ? i : -1;

    private static string Checked(string basin) => IndexOf(basin) >= 0 ? basin
        : throw new DataException($"synthetic_grid: '{basin}' is not a basin id; ids are grid_000, grid_001, … (three or more digits)");

    private static string UnitOf(string channel) => channel switch
    {
        "precip" or "pet" => "mm/day",
        "temp" => "°C",
        _ => "-",
    };

    private int Index(string basin)
    {
        ArgumentNullException.ThrowIfNull(basin);
        return Array.IndexOf(basins, basin) >= 0 ? IndexOf(basin)
            : throw new DataException($"synthetic_grid: unknown basin '{basin}'; this dataset has {basins.Length} basins, {basins[0]} … {basins[^1]} (option 'basins')");
    }

    private GridBasin Generated(int index)
    {
        lock (gate)
        {
            if (last?.Index != index)
            {
                last = GridBasin.Generate(options, index);
            }

            return last;
        }
    }

    private float[,] Columns(GridBasin b, IReadOnlyList<string> names, int offset, int days)
    {
        var result = new float[days, names.Count];
        for (var k = 0; k < names.Count; k++)
        {
            var channel = Array.FindIndex(channels, c => c.Name == names[k]);
            for (var t = 0; t < days; t++)
            {
                result[t, k] = channel >= 0 ? b.Means[((offset + t) * b.Channels) + channel] : (float)b.Streamflow[offset + t];
            }
        }

        return result;
    }

    private float Attribute(GridBasin b, string name)
    {
        int masked = 0, region = 0;
        foreach (var m in b.Mask)
        {
            masked += m ? 1 : 0;
        }

        foreach (var r in b.Region)
        {
            region += r ? 1 : 0;
        }

        return name switch
        {
            "area" => (float)(masked * CellSize * CellSize / 1e6),
            "truth_region_fraction" => (float)region / masked,
            "truth_region_cells" => region,
            "truth_reservoir_days" => (float)options.ReservoirDays,
            _ => throw new InvalidOperationException($"'{name}' is not an attribute"),
        };
    }

    private void Check(string basin, IReadOnlyList<string> names, bool isStatic, string where)
    {
        foreach (var name in names)
        {
            var variable = Array.Find(variables, v => v.Name == name);
            if (variable is not null && variable.Static == isStatic)
            {
                continue;
            }

            var valid = string.Join(", ", variables.Where(v => v.Static == isStatic).Select(v => $"{v.Name} ({v.Unit})"));
            throw new DataException($"synthetic_grid: basin {basin}: unknown {(isStatic ? "static attribute" : "time series")} '{name}' in {where}; valid: {valid}");
        }
    }

    private (int Offset, int Days) Period(string basin, DateTime startTime, DateTime endTime)
    {
        if (startTime.TimeOfDay != TimeSpan.Zero || endTime.TimeOfDay != TimeSpan.Zero)
        {
            throw new DataException($"synthetic_grid: basin {basin}: the data is daily (stamped at midnight); the requested period {startTime:yyyy-MM-dd'T'HH:mm}..{endTime:yyyy-MM-dd'T'HH:mm} is not");
        }

        var (start, end) = (DateOnly.FromDateTime(startTime), DateOnly.FromDateTime(endTime));
        if (end < start || start < options.Start || end > options.End)
        {
            throw new DataException($"synthetic_grid: basin {basin}: the requested period {Date(start)}..{Date(end)} is not inside the data, "
                + $"{Date(options.Start)}..{Date(options.End)}; move the period inside it or widen the dataset's 'start'/'end' options");
        }

        return (start.DayNumber - options.Start.DayNumber, end.DayNumber - start.DayNumber + 1);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
