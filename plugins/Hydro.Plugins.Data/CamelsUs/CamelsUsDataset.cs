using System.Collections.Concurrent;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.Common;

namespace Hydro.Plugins.Data.CamelsUs;

/// <summary>
/// The CAMELS-US distribution as downloaded (Newman et al. 2015; Addor et al. 2017): basin-mean forcings, USGS
/// streamflow, the attribute tables and optional SAC-SMA outputs. Each file is parsed once (thread-safe) and kept as
/// contiguous float columns; <see cref="CamelsUsOptions.CacheDir"/> adds a binary copy keyed by file hash.
/// </summary>
/// <remarks>
/// <para><b>Streamflow</b> (mm/day) = Q[ft³/s] · 0.028316846592 m³/ft³ · 86400 s/day · 1000 mm/m / A[m²], with A the
/// basin area from line 3 of the selected forcing file (as neuralhydrology does), not the attribute
/// <c>area_gages2</c>. Rows flagged <c>M</c> or with negative Q (<c>-999.00</c>) are NaN.</para>
/// <para><b>pet_hargreaves</b>: see <see cref="Hargreaves"/>, with the gauge latitude from line 1 of the forcing
/// file. Rejected for products whose tmax equals tmin on every day (CAMELS NLDAS and Maurer carry the daily mean in
/// both), where it would be zero.</para>
/// <para><b>tmean</b> (°C) = (tmax + tmin) / 2, the daily mean temperature HBV-type models read; for NLDAS and Maurer,
/// whose tmax and tmin both hold the daily mean, it is that mean.</para>
/// <para><b>Statics</b>: every numeric column of the seven attribute tables, by column name (NA → NaN). Categorical
/// columns (e.g. <c>high_prec_timing</c>, <c>dom_land_cover</c>) are not encoded: requesting one throws a
/// <see cref="DataException"/> listing the table's numeric columns.</para>
/// <para><b>Periods</b>: a request gets one row per day; days outside a file's record are NaN. A basin with no data
/// at all in the period is returned all-NaN (not an error), so that the core can report and skip it.</para>
/// </remarks>
[Component("camels_us", typeof(CamelsUsOptions), Summary = "CAMELS-US distribution: Daymet/Maurer/NLDAS forcings, USGS streamflow (mm/day), attributes, SAC-SMA outputs.")]
public sealed class CamelsUsDataset : IDataset
{
    private const string Key = "camels_us";
    private readonly CamelsLayout layout;
    private readonly TableCache cache;
    private readonly IReadOnlyList<string> basins;
    private readonly HashSet<string> basinSet;
    private readonly string[] dynamicNames;
    private readonly Lazy<AttributeSet> attributes;
    private readonly IReadOnlyList<string> staticInputs;
    private readonly ConcurrentDictionary<string, Lazy<DailyTable>> tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Series>> derived = new(StringComparer.Ordinal);
    private DatasetDescription? description;

    /// <summary>Indexes the files of the selected basins; nothing is parsed yet.</summary>
    /// <exception cref="DataException">Missing folders, unknown basins, unreadable basin file.</exception>
    public CamelsUsDataset(CamelsUsOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        layout = new CamelsLayout(options.DataDir, options.Forcing, options.SacsmaSeed);
        cache = new TableCache(options.CacheDir);
        basins = BasinSelection.Resolve(context.Basins ?? options.Basins, context.Basins is null ? options.BasinFile : null, layout.Forcing.Keys, $"{layout.Product} forcing file under {layout.ForcingDirectory}");
        basinSet = new HashSet<string>(basins, StringComparer.Ordinal);
        dynamicNames = [.. CamelsVariables.Dynamic.Select(d => d.Name)];
        attributes = new(ReadAttributes);
        staticInputs = context.StaticInputs;
    }

    /// <inheritdoc/>
    public DatasetDescription Describe()
    {
        if (description is not null)
        {
            return description;
        }

        var variables = CamelsVariables.Dynamic.Select(d => new VariableInfo(d.Name, d.Unit, false)).ToList();
        if (Directory.Exists(layout.AttributeDirectory))
        {
            variables.AddRange(attributes.Value.NumericColumns.Select(n => new VariableInfo(n, CamelsVariables.AttributeUnits.GetValueOrDefault(n, "-"), true)));

            // A requested static that is a text column, or a numeric one with a bad cell, is named here with its file,
            // line and basin, before validate/train report it as "not a variable".
            attributes.Value.CheckRequested(staticInputs);
        }

        int first = int.MaxValue, last = int.MinValue;
        foreach (var basin in basins)
        {
            var (a, b) = ForcingRange(layout.Forcing[basin]);
            first = Math.Min(first, a);
            last = Math.Max(last, b);
        }

        // Daily data: one row per date, stamped at midnight.
        return description = new DatasetDescription(basins, variables, Day(first), Day(last)) { Step = TimeSpan.FromDays(1) };
    }

    /// <inheritdoc/>
    public BasinSeries Load(string basin, DataRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Static.Count > 0)
        {
            attributes.Value.Validate(request.Static);
        }

        return RequestAssembler.Assemble(Key, basin, request, basinSet, dynamicNames, name => SeriesOf(basin, name), names => attributes.Value.Values(basin, names));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        tables.Clear();
        derived.Clear();
    }

    private Series SeriesOf(string basin, string name)
    {
        if (Array.FindIndex(CamelsVariables.Forcing, f => f.Name == name) >= 0)
        {
            return Series.Of(Forcing(basin), name);
        }

        if (name.StartsWith("sacsma_", StringComparison.Ordinal))
        {
            if (!layout.ModelOutput.TryGetValue(basin, out var path))
            {
                throw new DataException($"{Key}: basin {basin} has no SAC-SMA output <id>_<seed>_model_output.txt under {layout.ModelOutputDirectory}, so '{name}' cannot be loaded");
            }

            return Series.Of(Table(path, ModelOutputReader.Format, (p, b) => ModelOutputReader.Parse(p, basin, b)), name);
        }

        return derived.GetOrAdd(basin + "|" + name, _ => new Lazy<Series>(() => name switch
        {
            CamelsVariables.Streamflow => Streamflow(basin),
            CamelsVariables.PetHargreaves => Pet(basin),
            CamelsVariables.Tmean => MeanTemperature(basin),
            _ => throw new InvalidOperationException(name),
        })).Value;
    }

    private DailyTable Forcing(string basin) => Table(layout.Forcing[basin], ForcingReader.Format, (p, b) => ForcingReader.Parse(p, basin, b));

    private DailyTable Table(string path, string format, Func<string, byte[], DailyTable> parse) =>
        tables.GetOrAdd(path, p => new Lazy<DailyTable>(() => cache.Get(p, format, bytes => parse(p, bytes)))).Value;

    private Series Streamflow(string basin)
    {
        if (!layout.Streamflow.TryGetValue(basin, out var path))
        {
            throw new DataException($"{Key}: basin {basin} has no streamflow file {basin}_streamflow_qc.txt under {Path.Combine(layout.Root, "usgs_streamflow")}");
        }

        var table = Table(path, StreamflowReader.Format, (p, b) => StreamflowReader.Parse(p, basin, b));
        var area = Forcing(basin).Header[ForcingReader.Area];
        var factor = 0.028316846592 * 86400.0 * 1000.0 / area;
        var cfs = table.Column(0);
        var mm = new float[cfs.Length];
        for (var i = 0; i < cfs.Length; i++)
        {
            mm[i] = (float)(cfs[i] * factor);
        }

        return new Series(table.FirstDay, mm);
    }

    private Series MeanTemperature(string basin)
    {
        var table = Forcing(basin);
        var tmax = table.Column("tmax");
        var tmin = table.Column("tmin");
        var mean = new float[table.Length];
        for (var i = 0; i < mean.Length; i++)
        {
            mean[i] = (float)((tmax[i] + (double)tmin[i]) / 2);
        }

        return new Series(table.FirstDay, mean);
    }

    private Series Pet(string basin)
    {
        var table = Forcing(basin);
        var tmax = table.Column("tmax");
        var tmin = table.Column("tmin");
        if (tmax.AsSpan().SequenceEqual(tmin))
        {
            throw new DataException($"{Key}: pet_hargreaves needs the daily temperature range, but in {table.File} tmax equals tmin on every day ({layout.Product} gives the daily mean); use the daymet forcing or another PET");
        }

        var latitude = table.Header[ForcingReader.Latitude];
        var pet = new float[table.Length];
        for (var i = 0; i < pet.Length; i++)
        {
            var day = DateOnly.FromDayNumber(table.FirstDay + i).DayOfYear;
            pet[i] = (float)Hargreaves.Pet(tmax[i], tmin[i], latitude, day);
        }

        return new Series(table.FirstDay, pet);
    }

    private AttributeSet ReadAttributes()
    {
        var expected = CamelsLayout.AttributeTables.Select(t => Path.Combine(layout.AttributeDirectory, $"camels_{t}.txt")).ToList();
        foreach (var path in expected.Where(Directory.Exists))
        {
            // Skipped silently, its columns would only show up as "not a variable" later.
            throw new DataException($"{path}: is a directory, not an attribute table; replace it with the ;-separated file {Path.GetFileName(path)} or remove it");
        }

        var files = expected.Where(File.Exists).ToList();
        if (files.Count == 0)
        {
            throw new DataException($"{Key}: no attribute tables camels_{{{string.Join(",", CamelsLayout.AttributeTables)}}}.txt in {layout.AttributeDirectory}");
        }

        return new AttributeSet([.. files.Select(f => AttributeTable.Read(f, (byte)';'))]);
    }

    private (int First, int Last) ForcingRange(string path)
    {
        var (first, last) = DataFiles.Edges(path, skipLines: 4);
        if (TryDay(first, out var a) && TryDay(last, out var b))
        {
            return (a, b);
        }

        var table = Forcing(Path.GetFileName(path).Split('_')[0]);
        return (table.FirstDay, table.LastDay);
    }

    private static bool TryDay(string line, out int day)
    {
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        day = 0;
        // A line of any other width (a truncated last line) is left to the full parse, which names the file and line.
        return parts.Length == 11 && Dates.TryDay(System.Text.Encoding.ASCII.GetBytes(parts[0]), System.Text.Encoding.ASCII.GetBytes(parts[1]), System.Text.Encoding.ASCII.GetBytes(parts[2]), out day);
    }

    private static DateTime Day(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToDateTime(TimeOnly.MinValue);
}
