namespace Hydro.Core.Experiments;

/// <summary>Limits and hooks of an <see cref="ExperimentLoader"/>.</summary>
public sealed class ExperimentLoaderOptions
{
    /// <summary>Largest file accepted, in bytes (default 10 MiB; experiment files are a few kB).</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Most YAML nodes after expanding aliases (default 50 000; a large experiment has a few thousand), which defuses alias bombs.</summary>
    public int MaxNodes { get; init; } = 50_000;

    /// <summary>Deepest nesting after expanding aliases (default 64).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Looks up <c>${NAME}</c>; the process environment by default.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The days the dataset has data for; when null, periods are not checked against the data.</summary>
    public IExperimentDataBounds? DataBounds { get; init; }

    /// <summary>
    /// Also check the files that <c>training.init_from</c> and <c>simulated_targets</c> name (they exist, the checkpoint
    /// fits the model built on the CPU, the frozen modules and the columns exist). For files a user is about to run;
    /// off for a run's own <c>config.yaml</c>, whose relative paths were resolved at training time.
    /// </summary>
    public bool CheckStartingPoints { get; init; }

    /// <summary>
    /// Also open the dataset and check the file against its description: the dataset's folder and basins, the variables,
    /// every period inside the data, a training window that fits. Reads the description only, no series. For files a
    /// user is about to run (<c>validate</c>, <c>train</c>), so that these errors come with their line before any data
    /// is loaded.
    /// </summary>
    public bool CheckData { get; init; }
}
