using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;

namespace Hydro.Plugins.Data.Synthetic;

/// <summary>
/// Generated basins that need no download: a stochastic weather generator drives an HBV truth model with
/// basin-specific parameters; observed streamflow is the truth with multiplicative noise and about 1 % missing days.
/// Deterministic in (seed, basin); a basin is simulated on each load (milliseconds for decades), nothing is cached.
/// </summary>
/// <remarks>
/// Dynamic: <c>prcp</c> (mm/day), <c>tmean</c> (°C), <c>pet</c> (mm/day, Oudin et al. 2005), <c>streamflow</c>
/// (mm/day, the target). Static: <c>area</c> (km2), <c>elev_mean</c> (m), <c>aridity</c> (-, mean PET / mean
/// precipitation), and the truth model's parameters <c>true_TT</c> … <c>true_K2</c> (see <see cref="TrueParameters"/>;
/// for checking recovered parameters, never as model inputs). Time series may be requested as inputs or targets alike.
/// </remarks>
[Component("synthetic", typeof(SyntheticOptions), Summary = "Generated basins: weather generator + HBV truth model + observation noise; no download needed.")]
public sealed class SyntheticDataset : IDataset
{
    private static readonly VariableInfo[] Variables =
    [
        new("prcp", "mm/day", false),
        new("tmean", "°C", false),
        new("pet", "mm/day", false),
        new("streamflow", "mm/day", false),
        new("area", "km2", true),
        new("elev_mean", "m", true),
        new("aridity", "-", true),
        .. TrueParameters.All.Select(p => new VariableInfo(p.Name, p.Unit, true)),
    ];

    private readonly SyntheticOptions options;
    private readonly string[] basins;

    /// <summary>Creates the dataset (nothing is generated until a basin is loaded).</summary>
    /// <exception cref="ArgumentException">Options outside their documented ranges.</exception>
    public SyntheticDataset(SyntheticOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new ArgumentException("synthetic: " + string.Join("; ", problems.Select(p => $"{string.Join(", ", p.MemberNames)}: {p.ErrorMessage}")), nameof(options));
        }

        this.options = options;
        basins = context.Basins is { } requested ? [.. requested.Select(Checked)] : [.. Enumerable.Range(0, options.Basins).Select(Id)];
    }

    /// <inheritdoc/>
    public DatasetDescription Describe() => new(basins, Variables, At(options.Start), At(options.End)) { Step = TimeSpan.FromDays(1) };

    /// <inheritdoc/>
    public BasinSeries Load(string basin, DataRequest request)
    {
        ArgumentNullException.ThrowIfNull(basin);
        ArgumentNullException.ThrowIfNull(request);
        var index = Array.IndexOf(basins, basin) < 0 ? -1 : IndexOf(basin);
        if (index < 0)
        {
            throw new DataException($"synthetic: unknown basin '{basin}'; this dataset has {basins.Length} basins, "
                + $"{basins[0]} … {basins[^1]} (option 'basins')");
        }

        CheckVariables(basin, request.Dynamic, isStatic: false, "inputs.dynamic");
        CheckVariables(basin, request.Static, isStatic: true, "inputs.static");
        CheckVariables(basin, request.Targets, isStatic: false, "targets");
        CheckPeriod(basin, request);

        var simulation = BasinSimulation.Run(options.Seed, index, options.Start, options.End.DayNumber - options.Start.DayNumber + 1, options.Noise, options.Parameters);
        var offset = DateOnly.FromDateTime(request.Start).DayNumber - options.Start.DayNumber;
        var days = DateOnly.FromDateTime(request.End).DayNumber - DateOnly.FromDateTime(request.Start).DayNumber + 1;
        return new BasinSeries(
            basin,
            request.Start,
            Columns(simulation, request.Dynamic, offset, days),
            [.. request.Static.Select(name => (float)Attribute(simulation.Profile, name))],
            Columns(simulation, request.Targets, offset, days));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <summary>The id of basin <paramref name="index"/>: <c>syn_000</c>, <c>syn_001</c>, …</summary>
    internal static string Id(int index) => string.Create(CultureInfo.InvariantCulture, $"syn_{index:D3}");

    /// <summary>The index of a basin id <c>syn_NNN</c> (each basin is generated from the seed and its index alone), or −1.</summary>
    private static int IndexOf(string basin) =>
        basin.StartsWith("syn_", StringComparison.Ordinal) && int.TryParse(basin.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && i < 100_000 && Id(i) == basin ? i : -1;

    private static string Checked(string basin) => IndexOf(basin) >= 0 ? basin
        : throw new DataException($"synthetic: '{basin}' is not a synthetic basin id; ids are syn_000, syn_001, … (three or more digits)");

    private static float[,] Columns(BasinSimulation simulation, IReadOnlyList<string> names, int offset, int days)
    {
        var result = new float[days, names.Count];
        for (var k = 0; k < names.Count; k++)
        {
            var series = Series(simulation, names[k]);
            for (var t = 0; t < days; t++)
            {
                result[t, k] = (float)series[offset + t];
            }
        }

        return result;
    }

    private static double[] Series(BasinSimulation simulation, string name) => name switch
    {
        "prcp" => simulation.Prcp,
        "tmean" => simulation.Tmean,
        "pet" => simulation.Pet,
        "streamflow" => simulation.Observed,
        _ => throw new InvalidOperationException($"'{name}' is not a time series"),
    };

    private static double Attribute(BasinProfile profile, string name) => name switch
    {
        "area" => profile.Area,
        "elev_mean" => profile.ElevationMean,
        "aridity" => profile.Aridity,
        _ when name.StartsWith(TrueParameters.Prefix, StringComparison.Ordinal) => TrueParameters.All.First(p => p.Name == name).Value(profile.Parameters),
        _ => throw new InvalidOperationException($"'{name}' is not an attribute"),
    };

    private static void CheckVariables(string basin, IReadOnlyList<string> names, bool isStatic, string where)
    {
        foreach (var name in names)
        {
            var variable = Array.Find(Variables, v => v.Name == name);
            if (variable is not null && variable.Static == isStatic)
            {
                continue;
            }

            var valid = string.Join(", ", Variables.Where(v => v.Static == isStatic).Select(v => $"{v.Name} ({v.Unit})"));
            var hint = variable is null ? "" : $"; '{name}' is {(variable.Static ? "a static attribute: list it under inputs.static" : "a time series: list it under inputs.dynamic or targets")}";
            throw new DataException($"synthetic: basin {basin}: unknown {(isStatic ? "static attribute" : "time series")} '{name}' in {where}; "
                + $"valid: {valid}{hint}");
        }
    }

    private void CheckPeriod(string basin, DataRequest request)
    {
        if (request.End < request.Start)
        {
            throw new DataException($"synthetic: basin {basin}: the requested period {Date(request.Start)}..{Date(request.End)} ends before it starts");
        }

        if (request.Start.TimeOfDay != TimeSpan.Zero || request.End.TimeOfDay != TimeSpan.Zero)
        {
            throw new DataException($"synthetic: basin {basin}: the data is daily (stamped at midnight); the requested period {request.Start:yyyy-MM-dd'T'HH:mm}..{request.End:yyyy-MM-dd'T'HH:mm} is not");
        }

        if (request.Start < At(options.Start) || request.End > At(options.End))
        {
            throw new DataException($"synthetic: basin {basin}: the requested period {Date(request.Start)}..{Date(request.End)} is outside "
                + $"the data, {Date(options.Start)}..{Date(options.End)}; move the period inside it or widen the dataset's 'start'/'end' options");
        }
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue);
}
