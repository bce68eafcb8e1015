using System.Text.Json.Nodes;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>examples/pretrain-simulated.yaml then examples/finetune-observed.yaml, run as their comments say.</summary>
public sealed class PretrainExamplesTests
{
    [Fact]
    public void PretrainingOnTheSimulationThenFineTuningOnObservationsRunsAndRecordsTheSources()
    {
        var root = PretrainChain.Ensure();
        var pretrain = Directory.GetDirectories(Path.Combine(root, "runs"), "pretrain_simulated_*").Single();
        Assert.Equal(Path.Combine(root, "simulation"), (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(pretrain, "simulated_targets.json")))!["from"]);

        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(3), "train", Path.Combine(TestPaths.RepositoryRoot, "examples", "finetune-observed.yaml"), "--no-evaluate");
        Assert.True(run.Exit == 0, run.ToString());
        var tuned = Directory.GetDirectories(Path.Combine(root, "runs"), "finetune_observed_*").Single();
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(tuned, "init_from.json")))!;
        Assert.Equal(pretrain, (string?)record["source_run"]);
        Assert.Equal(Path.Combine(pretrain, "checkpoints", "best.safetensors"), (string?)record["checkpoints"]![0]!["file"]);
    }
}
