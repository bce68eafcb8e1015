using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Runs;

namespace Hydro.Core.Data;

/// <summary>Mean and standard deviation of one variable over the training period.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Mean">Mean of the finite values.</param>
/// <param name="Std">Sample standard deviation (n − 1) of the finite values; NaN with fewer than two.</param>
public sealed record VariableStatistics(string Name, double Mean, double Std)
{
    /// <summary>The divisor used when normalising: <see cref="Std"/>, or 1 when it is zero or undefined (a constant variable is only centred).</summary>
    public double Scale => Std > 0 && double.IsFinite(Std) ? Std : 1.0;

    /// <summary>(value − mean) / scale.</summary>
    public float Normalize(float value) => (float)((value - Mean) / Scale);

    /// <summary>value · scale + mean.</summary>
    public double Denormalize(double value) => (value * Scale) + Mean;
}

/// <summary>Per-basin statistics of the raw targets over the training period (NSE* uses <see cref="TargetStd"/>).</summary>
/// <param name="Basin">Basin identifier.</param>
/// <param name="TargetMean">Mean per target, physical units.</param>
/// <param name="TargetStd">Sample standard deviation per target, physical units (NaN with fewer than two observations).</param>
public sealed record BasinTargetStatistics(string Basin, IReadOnlyList<double> TargetMean, IReadOnlyList<double> TargetStd);

/// <summary>
/// Standardisation statistics computed from the training period only (NaN-aware): per dynamic input, per static
/// attribute (over basins) and per target (over all basins and days), plus per-basin target statistics. Saved as
/// portable JSON (<c>normalization.json</c>) and applied unchanged to every later period.
/// </summary>
public sealed class Normalizer
{
    /// <summary>The file name in a run directory.</summary>
    public const string FileName = "normalization.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly Dictionary<string, BasinTargetStatistics> basins;

    /// <summary>Creates a normaliser from known statistics.</summary>
    public Normalizer(IReadOnlyList<VariableStatistics> dynamic, IReadOnlyList<VariableStatistics> @static, IReadOnlyList<VariableStatistics> targets,
        IEnumerable<BasinTargetStatistics> basinStatistics, bool normalizeTargets = true)
    {
        ArgumentNullException.ThrowIfNull(dynamic);
        ArgumentNullException.ThrowIfNull(@static);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(basinStatistics);
        Dynamic = dynamic;
        Static = @static;
        Targets = targets;
        NormalizeTargets = normalizeTargets;
        basins = basinStatistics.ToDictionary(b => b.Basin, StringComparer.Ordinal);
    }

    /// <summary>Statistics of the dynamic inputs, in batch order.</summary>
    public IReadOnlyList<VariableStatistics> Dynamic { get; }

    /// <summary>Statistics of the static attributes (over basins), in batch order.</summary>
    public IReadOnlyList<VariableStatistics> Static { get; }

    /// <summary>Statistics of the targets (over all training basins and days).</summary>
    public IReadOnlyList<VariableStatistics> Targets { get; }

    /// <summary>Statistics of the gridded input channels over the training basins' masked cells (<see cref="GridNormalizer"/>); empty without grids.</summary>
    public IReadOnlyList<VariableStatistics> Gridded { get; init; } = [];

    /// <summary>Whether batches carry standardised targets (false for process backbones that predict physical units).</summary>
    public bool NormalizeTargets { get; }

    /// <summary>Per-basin target statistics by basin.</summary>
    public IReadOnlyDictionary<string, BasinTargetStatistics> Basins => basins;

    /// <summary>Per-basin target statistics, or null for a basin without training data.</summary>
    public BasinTargetStatistics? ForBasin(string basin) => basins.GetValueOrDefault(basin);

    /// <summary>
    /// Computes the statistics from the period rows of <paramref name="training"/> (history rows are ignored).
    /// </summary>
    /// <param name="training">The basins and period to take the statistics of.</param>
    /// <param name="normalizeTargets">Whether the model learns standardised targets.</param>
    /// <param name="observed">False for a store loaded without observations (a simulation): the target statistics are then NaN.</param>
    /// <exception cref="DataException">A variable has no finite value in the training period.</exception>
    public static Normalizer Fit(BasinStore training, bool normalizeTargets = true, bool observed = true)
    {
        ArgumentNullException.ThrowIfNull(training);
        var v = training.Variables;
        var f = v.Dynamic.Count;
        var k = v.Targets.Count;
        var dyn = new RunningMoments[f];
        var tgt = new RunningMoments[k];
        var stat = new RunningMoments[v.Static.Count];
        var perBasin = new List<BasinTargetStatistics>();
        foreach (var b in training.Basins)
        {
            for (var t = b.PeriodStartIndex; t < b.Steps; t++)
            {
                for (var j = 0; j < f; j++)
                {
                    dyn[j].Add(b.Dynamic[(t * f) + j]);
                }
            }

            var own = new RunningMoments[k];
            for (var t = b.PeriodStartIndex; t < b.Steps; t++)
            {
                for (var j = 0; j < k; j++)
                {
                    var value = b.Targets[(t * k) + j];
                    tgt[j].Add(value);
                    own[j].Add(value);
                }
            }

            for (var j = 0; j < stat.Length; j++)
            {
                stat[j].Add(b.Static[j]);
            }

            perBasin.Add(new BasinTargetStatistics(b.Basin, own.Select(m => m.Mean).ToArray(), own.Select(m => m.Std).ToArray()));
        }

        return new Normalizer(
            Finish(dyn, v.Dynamic, "dynamic input"),
            Finish(stat, v.Static, "static attribute"),
            Finish(tgt, v.Targets, "target", required: observed),
            perBasin,
            normalizeTargets)
        {
            Gridded = GridNormalizer.Fit(training),
        };
    }

    private static VariableStatistics[] Finish(RunningMoments[] moments, IReadOnlyList<string> names, string what, bool required = true)
    {
        var result = new VariableStatistics[moments.Length];
        for (var j = 0; j < moments.Length; j++)
        {
            if (moments[j].Count == 0 && !required)
            {
                result[j] = new VariableStatistics(names[j], double.NaN, double.NaN);
                continue;
            }

            if (moments[j].Count == 0)
            {
                throw new DataException($"{what} '{names[j]}' has no finite value in the training period; check the variable name and the period");
            }

            result[j] = new VariableStatistics(names[j], moments[j].Mean, moments[j].Std);
        }

        return result;
    }

    /// <summary>Writes <c>normalization.json</c> atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>The portable JSON form (invariant culture, round-trip doubles; NaN as null).</summary>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["format"] = "hydro.normalization/1",
            ["normalize_targets"] = NormalizeTargets,
            ["dynamic"] = Vars(Dynamic),
            ["static"] = Vars(Static),
            ["targets"] = Vars(Targets),
        };
        if (Gridded.Count > 0)
        {
            // Only runs with grids carry the key, so lumped runs' files are unchanged.
            root["gridded"] = Vars(Gridded);
        }

        var b = new JsonArray();
        foreach (var s in basins.Values)
        {
            b.Add(new JsonObject
            {
                ["basin"] = s.Basin,
                ["target_mean"] = Numbers(s.TargetMean),
                ["target_std"] = Numbers(s.TargetStd),
            });
        }

        root["basins"] = b;
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a normalisation file; the message names it.</exception>
    public static Normalizer Load(string path)
    {
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{path}: not a valid normalisation file: {e.Message}", e);
        }
    }

    /// <summary>Parses the JSON form.</summary>
    public static Normalizer FromJson(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        if ((string?)root["format"] != "hydro.normalization/1")
        {
            throw new FormatException($"unknown format '{(string?)root["format"]}', expected hydro.normalization/1");
        }

        var basinStats = root["basins"]!.AsArray().Select(n => new BasinTargetStatistics(
            (string)n!["basin"]!, ReadNumbers(n["target_mean"]!), ReadNumbers(n["target_std"]!)));
        return new Normalizer(ReadVars(root["dynamic"]!), ReadVars(root["static"]!), ReadVars(root["targets"]!), basinStats, (bool)root["normalize_targets"]!)
        {
            Gridded = root["gridded"] is { } gridded ? ReadVars(gridded) : [],
        };
    }

    private static JsonArray Vars(IEnumerable<VariableStatistics> vars)
    {
        var a = new JsonArray();
        foreach (var v in vars)
        {
            a.Add(new JsonObject { ["name"] = v.Name, ["mean"] = Number(v.Mean), ["std"] = Number(v.Std) });
        }

        return a;
    }

    private static VariableStatistics[] ReadVars(JsonNode node) =>
        node.AsArray().Select(n => new VariableStatistics((string)n!["name"]!, ReadNumber(n["mean"]), ReadNumber(n["std"]))).ToArray();

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(Number).ToArray());

    private static double ReadNumber(JsonNode? node) => node is null ? double.NaN : node.GetValue<double>();

    private static double[] ReadNumbers(JsonNode node) => node.AsArray().Select(ReadNumber).ToArray();

    /// <summary>Welford's running mean and variance over finite values.</summary>
    private struct RunningMoments
    {
        private double mean;
        private double m2;

        public long Count { get; private set; }

        public readonly double Mean => Count == 0 ? double.NaN : mean;

        public readonly double Std => Count < 2 ? double.NaN : Math.Sqrt(m2 / (Count - 1));

        public void Add(float value)
        {
            if (!float.IsFinite(value))
            {
                return;
            }

            Count++;
            var d = value - mean;
            mean += d / Count;
            m2 += d * (value - mean);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Normalizer({Dynamic.Count} dynamic, {Static.Count} static, {Targets.Count} targets, {basins.Count} basins)");
}
