using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Hydro.Core.Components;
using Hydro.Core.Experiments;
using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Runs;

/// <summary>
/// The files of a run directory (DESIGN "Runs"): <c>runs/&lt;name&gt;_&lt;yyyyMMdd_HHmmss&gt;/</c> with
/// <c>config.yaml</c> (the experiment as loaded), <c>config.json</c> (the bound options, defaults applied),
/// <c>plugins.lock</c>, <c>normalization.json</c>, and per model <c>checkpoints/</c> and <c>training_log.csv</c>
/// (in the run directory itself, or in <c>seed_&lt;N&gt;/</c> for each member of an ensemble).
/// </summary>
public static class RunLayout
{
    /// <summary>The experiment file as it was loaded.</summary>
    public const string ConfigYaml = "config.yaml";

    /// <summary>The bound options, defaults applied.</summary>
    public const string ConfigJson = "config.json";

    /// <summary>The environment variables the experiment file referenced, with their values at training time.</summary>
    public const string EnvironmentJson = "environment.json";

    /// <summary>Checkpoint folder of a model.</summary>
    public const string Checkpoints = "checkpoints";

    /// <summary>Per-epoch training log of a model.</summary>
    public const string TrainingLog = "training_log.csv";

    /// <summary>The best validation checkpoint's file name.</summary>
    public const string BestCheckpoint = "best.safetensors";

    /// <summary>The folder name of a run: <c>&lt;name&gt;_&lt;yyyyMMdd_HHmmss&gt;</c>.</summary>
    public static string RunName(string experimentName, DateTime time) =>
        $"{experimentName}_{time.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// A new run directory path under <paramref name="outputDir"/> that does not exist yet (a suffix <c>_2</c>, <c>_3</c> …
    /// when two runs start in the same second).
    /// </summary>
    public static string NewRunDirectory(string outputDir, string experimentName, DateTime time)
    {
        var baseName = Path.Combine(outputDir, RunName(experimentName, time));
        var path = baseName;
        for (var i = 2; Directory.Exists(path) || File.Exists(path); i++)
        {
            path = $"{baseName}_{i}";
        }

        return Path.GetFullPath(path);
    }

    /// <summary>The folder of one model: the run directory itself, or <c>seed_N</c> in an ensemble.</summary>
    public static string MemberDirectory(string runDirectory, int seed, bool ensemble) =>
        ensemble ? Path.Combine(runDirectory, $"seed_{seed.ToString(CultureInfo.InvariantCulture)}") : runDirectory;

    /// <summary>The checkpoint written after epoch <paramref name="epoch"/>: <c>epoch_NNN.safetensors</c>.</summary>
    public static string EpochCheckpoint(int epoch) => $"epoch_{epoch.ToString("000", CultureInfo.InvariantCulture)}.safetensors";

    /// <summary>The checkpoint written when training stops inside an epoch: <c>epoch_NNN_batch_BBBBBB.safetensors</c> (epoch NNN in progress).</summary>
    public static string BatchCheckpoint(int epoch, int batch) =>
        $"epoch_{epoch.ToString("000", CultureInfo.InvariantCulture)}_batch_{batch.ToString("000000", CultureInfo.InvariantCulture)}.safetensors";

    /// <summary>The text of <see cref="EnvironmentJson"/>: <c>{"NAME": "value" or null}</c>.</summary>
    public static string EnvironmentText(IReadOnlyDictionary<string, string?> environment) =>
        JsonSerializer.Serialize(environment, Indented) + "\n";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Loads a run's <c>config.yaml</c> with the environment values recorded at training time (a run trained with
    /// <c>HYDRO_BACKBONE=ealstm</c> stays an EA-LSTM run); runs without the record use the process environment.
    /// </summary>
    public static ExperimentLoadResult LoadExperiment(string runDirectory, ComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        ArgumentNullException.ThrowIfNull(catalog);
        var recordFile = Path.Combine(runDirectory, EnvironmentJson);
        var options = new ExperimentLoaderOptions();
        if (File.Exists(recordFile))
        {
            var record = JsonSerializer.Deserialize<Dictionary<string, string?>>(File.ReadAllText(recordFile)) ?? [];
            options = new ExperimentLoaderOptions { Environment = name => record.GetValueOrDefault(name) };
        }

        return new ExperimentLoader(catalog, options).Load(Path.Combine(runDirectory, ConfigYaml));
    }

    /// <summary>
    /// The bound options as JSON (snake_case keys, component blocks as <c>{type, …options}</c>), with the dataset's
    /// <c>time_step</c> (ISO 8601 duration: <c>P1D</c>, <c>PT1H</c>) when <paramref name="step"/> is given.
    /// </summary>
    public static string OptionsJson(ExperimentOptions options, TimeSpan? step = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (step is not { } s)
        {
            return JsonSerializer.Serialize(options, Json) + "\n";
        }

        var node = JsonSerializer.SerializeToNode(options, Json)!.AsObject();
        node["time_step"] = Data.TimeSteps.Iso(s);
        return node.ToJsonString(Json) + "\n";
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new ComponentBlockConverter() },
    };

    private sealed class ComponentBlockConverter : JsonConverter<ComponentBlock>
    {
        public override ComponentBlock Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("config.json is written for people and tools; experiments are loaded from config.yaml");

        public override void Write(Utf8JsonWriter writer, ComponentBlock value, JsonSerializerOptions options)
        {
            var node = value.Options is null ? new JsonObject() : JsonSerializer.SerializeToNode(value.Options, value.Options.GetType(), options)!.AsObject();
            var result = new JsonObject { ["type"] = value.Type };
            foreach (var (k, v) in node.ToList())
            {
                node.Remove(k);
                result[k] = v;
            }

            result.WriteTo(writer, options);
        }
    }

    /// <summary>The nearest existing ancestor of <paramref name="directory"/> when it is a regular file (no folder can be made below it), else null.</summary>
    public static string? FileInTheWay(string directory)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(directory)); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return dir;
            }

            if (Directory.Exists(dir))
            {
                return null;
            }
        }

        return null;
    }
}
