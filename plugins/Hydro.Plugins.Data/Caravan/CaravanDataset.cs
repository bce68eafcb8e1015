using System.Collections.Concurrent;
using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Data.Common;

namespace Hydro.Plugins.Data.Caravan;

/// <summary>
/// The Caravan layout (Kratzert et al. 2023): <c>timeseries/csv/&lt;subset&gt;/&lt;basin&gt;.csv</c> (or
/// <c>.csv.gz</c>) per basin and the attribute CSVs in <c>attributes/&lt;subset&gt;/</c> (key <c>gauge_id</c>).
/// Variables are the time series header columns (target usually <c>streamflow</c>, mm/day) and every numeric
/// attribute column. Each file is parsed once (thread-safe) into contiguous float columns.
/// </summary>
/// <remarks>
/// Empty fields are NaN, never filled. A request gets one row per day of its period; days outside a file's record
/// are NaN, and a basin with no data in the period is returned all-NaN for the core to report and skip.
/// Categorical attribute columns (<c>gauge_name</c>, <c>country</c>) are rejected with the list of numeric ones.
/// </remarks>
[Component("caravan", typeof(CaravanOptions), Summary = "Caravan layout: per-basin time series CSV (.csv/.csv.gz) and attribute CSVs.")]
public sealed class CaravanDataset : IDataset
{
    private const string Key = "caravan";
    private readonly string timeseriesDirectory;
    private readonly string attributeDirectory;
    private readonly Dictionary<string, string> files;
    private readonly IReadOnlyList<string> basins;
    private readonly HashSet<string> basinSet;
    private readonly TableCache cache;
    private readonly Lazy<string[]> dynamicNames;
    private readonly Lazy<AttributeSet> attributes;
    private readonly IReadOnlyList<string> staticInputs;
    private readonly ConcurrentDictionary<string, Lazy<DailyTable>> tables = new(StringComparer.Ordinal);
    private DatasetDescription? description;

    /// <summary>Indexes the time series files of the selected basins; nothing is parsed yet.</summary>
    /// <exception cref="DataException">Missing folders, unknown basins, a basin with both .csv and .csv.gz.</exception>
    public CaravanDataset(CaravanOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(options.DataDir) || !Directory.Exists(options.DataDir))
        {
            throw new DataException($"{Key}: data_dir '{options.DataDir}' is not a directory (expected the Caravan root with timeseries/csv/ and attributes/)");
        }

        timeseriesDirectory = Path.Combine(options.DataDir, "timeseries", "csv", options.Subset);
        attributeDirectory = Path.Combine(options.DataDir, "attributes", options.Subset);
        if (!Directory.Exists(timeseriesDirectory))
        {
            throw new DataException($"{Key}: subset '{options.Subset}' needs the folder {timeseriesDirectory}, which does not exist");
        }

        files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(timeseriesDirectory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var id = name.EndsWith(".csv.gz", StringComparison.Ordinal) ? name[..^7] : name.EndsWith(".csv", StringComparison.Ordinal) ? name[..^4] : null;
            if (id is not null && !files.TryAdd(id, file))
            {
                throw new DataException($"{Key}: basin {id} has two time series files, {files[id]} and {file}; keep one");
            }
        }

        basins = BasinSelection.Resolve(context.Basins ?? options.Basins, context.Basins is null ? options.BasinFile : null, files.Keys, $"time series file <id>.csv or <id>.csv.gz in {timeseriesDirectory}");
        if (basins.Count == 0)
        {
            throw new DataException($"{Key}: no <basin>.csv or <basin>.csv.gz files in {timeseriesDirectory}");
        }

        basinSet = new HashSet<string>(basins, StringComparer.Ordinal);
        cache = new TableCache(options.CacheDir);
        dynamicNames = new(() => HeaderOf(files[basins[0]]));
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

        var variables = dynamicNames.Value.Select(n => new VariableInfo(n, CaravanUnits.Of(n), false)).ToList();
        if (Directory.Exists(attributeDirectory))
        {
            variables.AddRange(attributes.Value.NumericColumns.Select(n => new VariableInfo(n, CaravanUnits.Of(n), true)));

            // As in camels_us: a requested text column or bad cell is named with file, line and basin.
            attributes.Value.CheckRequested(staticInputs);
        }

        int first = int.MaxValue, last = int.MinValue;
        foreach (var basin in basins)
        {
            var (a, b) = Range(basin, files[basin]);
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

        return RequestAssembler.Assemble(Key, basin, request, basinSet, dynamicNames.Value, name => SeriesOf(basin, name), names => attributes.Value.Values(basin, names));
    }

    /// <inheritdoc/>
    public void Dispose() => tables.Clear();

    private Series SeriesOf(string basin, string name)
    {
        var path = files[basin];
        var table = tables.GetOrAdd(path, p => new Lazy<DailyTable>(() => cache.Get(p, CaravanReader.Format, bytes => CaravanReader.Parse(p, basin, bytes)))).Value;
        if (!table.Columns.Contains(name))
        {
            throw DataErrors.At(path, 1, $"no column '{name}' in the header (columns: {string.Join(", ", table.Columns)})");
        }

        return Series.Of(table, name);
    }

    private static string[] HeaderOf(string path)
    {
        var bytes = path.EndsWith(".gz", StringComparison.Ordinal) ? DataFiles.Read(path) : ReadHead(path);
        var reader = new LineReader(bytes);
        if (!reader.TryRead(out var line))
        {
            throw DataErrors.At(path, 1, "empty file (expected a header 'date,<variable>,…')");
        }

        return CaravanReader.Header(path, line);
    }

    private static byte[] ReadHead(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[(int)Math.Min(stream.Length, 65536)];
        stream.ReadExactly(head);
        return head;
    }

    private (int First, int Last) Range(string basin, string path)
    {
        var (first, last) = DataFiles.Edges(path, skipLines: 1);
        static bool TryDay(string line, out int day)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            day = 0;
            return comma > 0 && Dates.TryDayIso(System.Text.Encoding.ASCII.GetBytes(line[..comma]), out day);
        }

        if (TryDay(first, out var a) && TryDay(last, out var b))
        {
            return (a, b);
        }

        var table = tables.GetOrAdd(path, p => new Lazy<DailyTable>(() => cache.Get(p, CaravanReader.Format, bytes => CaravanReader.Parse(p, basin, bytes)))).Value;
        return (table.FirstDay, table.LastDay);
    }

    private AttributeSet ReadAttributes()
    {
        var folders = Directory.Exists(attributeDirectory) ? Directory.GetDirectories(attributeDirectory, "*.csv") : [];
        if (folders.Length > 0)
        {
            // Skipped silently, its columns would only show up as "not a variable" later.
            throw new DataException($"{folders.Order(StringComparer.Ordinal).First()}: is a directory, not an attribute table; replace it with the CSV file or remove it");
        }

        var csvs = Directory.Exists(attributeDirectory) ? Directory.GetFiles(attributeDirectory, "*.csv").Order(StringComparer.Ordinal).ToList() : [];
        if (csvs.Count == 0)
        {
            throw new DataException($"{Key}: no attribute CSV files in {attributeDirectory}");
        }

        return new AttributeSet([.. csvs.Select(f => AttributeTable.Read(f, (byte)','))]);
    }

    private static DateTime Day(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToDateTime(TimeOnly.MinValue);
}
