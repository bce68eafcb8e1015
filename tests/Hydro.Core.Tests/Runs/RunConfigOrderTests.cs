using Hydro.Core.Data;
using Hydro.Core.Runs;
using Hydro.Core.Tests.Training;
using Hydro.Core.Training;

namespace Hydro.Core.Tests.Runs;

/// <summary>
/// A run whose <c>config.yaml</c> was edited to list its inputs in another order than <c>normalization.json</c> (the
/// order the model was trained with) is refused when reopened, by evaluation and by resume, naming both orders.
/// </summary>
public sealed class RunConfigOrderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("hydro-order-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void ReorderedInputsInAReopenedRunAreRefused()
    {
        var yaml = TrainingCatalog.BaseYaml;
        Assert.Contains("dynamic: [x1, x2]", yaml, StringComparison.Ordinal);
        var run = Path.Combine(root, "run");
        var trained = new TrainingService(TrainingCatalog.Create()).Train(TrainingCatalog.Load(yaml), new TrainOptions
        {
            RunDirectory = run,
            ExperimentText = yaml,
            StopAfterEpoch = 1,
        });
        Assert.Equal(TrainingStatus.Paused, trained.Status);
        Assert.NotNull(TrainedRun.Open(run, TrainingCatalog.Create())); // the untouched run opens
        var checkpoints = Directory.GetFiles(Path.Combine(run, RunLayout.Checkpoints));

        var config = Path.Combine(run, RunLayout.ConfigYaml);
        var lines = File.ReadAllLines(config);
        var line = Array.FindIndex(lines, l => l.Contains("dynamic: [x1, x2]", StringComparison.Ordinal));
        lines[line] = lines[line].Replace("[x1, x2]", "[x2, x1]", StringComparison.Ordinal);
        File.WriteAllLines(config, lines);
        var normalization = Path.Combine(run, Normalizer.FileName);

        var opened = Assert.Throws<RunException>(() => TrainedRun.Open(run, TrainingCatalog.Create()));
        var resumed = Assert.Throws<RunException>(() => new TrainingService(TrainingCatalog.Create()).Resume(run));
        foreach (var e in new[] { opened, resumed })
        {
            Assert.StartsWith($"{config}:{line + 1}:", e.Message, StringComparison.Ordinal);
            Assert.Contains($"inputs.dynamic: [x2, x1] is not the order the run was trained with, [x1, x2] in {normalization}", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("inputs.static", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(checkpoints, Directory.GetFiles(Path.Combine(run, RunLayout.Checkpoints))); // resume trained nothing
    }
}
