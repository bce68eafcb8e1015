using System.Text.Json.Nodes;
using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>
/// The FHNN paper's chain on real data, small: FHNN forecasts pre-trained on the CAMELS-US SAC-SMA simulation
/// (<c>targets: [sacsma_mod_run]</c>) of the two development basins that have one, then fine-tuned on 30 % of their
/// observed streamflow; one short epoch each, so the test checks the chain, not the skill.
/// </summary>
public sealed class SacSmaPretrainTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void PreTrainedOnSacSmaThenFineTunedOnAShareOfTheObservations()
    {
        var pretrain = Train("pretrain.yaml", Experiment("sacsma_pretrain", "sacsma_mod_run", string.Empty));
        Assert.Contains("per lead time", pretrain.Out, StringComparison.Ordinal);
        var source = pretrain.Out.Split('\n').Single(l => l.StartsWith("run: ", StringComparison.Ordinal))[5..].Trim();
        var statistics = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "normalization.json")))!;
        Assert.Equal("sacsma_mod_run", (string?)statistics["targets"]![0]!["name"]);

        var tuned = Train("finetune.yaml", Experiment("observed_finetune", "streamflow", $"""

              init_from: "{Path.Combine(dir.Combine("runs"), "sacsma_pretrain_*")}"
              observation_fraction: 0.3
            """));
        var run = tuned.Out.Split('\n').Single(l => l.StartsWith("run: ", StringComparison.Ordinal))[5..].Trim();
        Assert.Equal(source, (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(run, "init_from.json")))!["source_run"]);

        // The source's target scaling stands in for the observed target's (init_normalization: source).
        var kept = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "normalization.json")))!["targets"]![0]!;
        Assert.Equal("streamflow", (string?)kept["name"]);
        Assert.Equal((double)statistics["targets"]![0]!["mean"]!, (double)kept["mean"]!);

        // 1999-10-01..2001-09-30 is 731 observed days in both basins; ⌈0.3 · 731⌉ = 220 are kept, from 2001-02-23.
        var fraction = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "observation_fraction.json")))!;
        Assert.Equal(1462, (int)fraction["observed"]!);
        Assert.Equal(440, (int)fraction["kept"]!);
        Assert.All(fraction["per_basin"]!.AsArray(), b => Assert.Equal("2001-02-23", (string?)b!["first_kept"]));
    }

    private CliRun Train(string name, string yaml)
    {
        var file = dir.Combine(name);
        File.WriteAllText(file, yaml);
        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, Bound, "train", file);
        Assert.True(run.Exit == 0, run.ToString());
        return run;
    }

    private string Experiment(string name, string target, string training) => $"""
        experiment_name: {name}
        seed: 1
        device: cpu
        output_dir: {dir.Combine("runs")}
        dataset:
          type: camels_us
          data_dir: {TestData.CamelsUs}
          forcing: daymet
          basins: ["03439000", "13331500"]
        periods:
          train: {"{"}start: 1999-10-01, end: 2001-09-30{"}"}
          validation: {"{"}start: 2001-10-01, end: 2002-09-30{"}"}
          test: {"{"}start: 2002-10-01, end: 2003-09-30{"}"}
        inputs:
          dynamic: [prcp, srad, tmax, tmin, vp]
          static: [p_mean, aridity]
        targets: [{target}]
        forecast:
          horizon: 3
          observed_inputs: true
        model:
          backbone:
            type: fhnn
            hidden_size: 8
            forward_hidden_size: 16
            latent_size: 4
        loss:
          type: nse_star
        optimizer:
          type: adam
          lr: 3e-3
        training:
          epochs: 1
          batch_size: 16
          sequence_length: 60
          samples_per_epoch: 64{training}
        evaluation:
          metrics: [nse]
          period: test
        """;
}
