using Hydro.Core.Runs;
using Hydro.Core.Training;

namespace Hydro.Core.Tests.Analysis.Runs;

/// <summary>Small runs on <see cref="AnalysisDataset"/>, trained once per test class in a temporary folder.</summary>
public sealed class TrainedRuns : IDisposable
{
    private readonly Dictionary<string, string> runs = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"hydro-analysis-{Guid.NewGuid():N}");

    /// <summary>The run directory of <paramref name="yaml"/>, trained on first use.</summary>
    public string Train(string name, string yaml)
    {
        lock (gate)
        {
            if (runs.TryGetValue(name, out var done))
            {
                return done;
            }

            var result = new TrainingService(AnalysisCatalog.Create()).Train(Load(yaml), new TrainOptions
            {
                RunDirectory = Path.Combine(Root, name),
                ExperimentText = yaml,
            });
            Assert.Equal(TrainingStatus.Completed, result.Status);
            runs[name] = result.RunDirectory;
            return result.RunDirectory;
        }
    }

    public static TrainedRun Open(string run, int? seed = null, int? epoch = null) => TrainedRun.Open(run, AnalysisCatalog.Create(), epoch, seed);

    public static Hydro.Core.Experiments.Experiment Load(string yaml)
    {
        var result = new Hydro.Core.Experiments.ExperimentLoader(AnalysisCatalog.Create()).LoadText(yaml);
        Assert.True(result.Succeeded, result.ToString());
        return result.Experiment!;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
