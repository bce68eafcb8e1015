namespace Hydro.Host.Tests.Support;

/// <summary>
/// The quickest experiment that trains end to end without real data: two synthetic basins, an LSTM of 4 units,
/// 16 windows per epoch, tested on the second half of 1981. Written as NAME.yaml into a test folder.
/// </summary>
internal static class TinySyntheticExperiment
{
    /// <summary>Writes the experiment file and returns its path.</summary>
    /// <param name="dir">Where the file goes, and the runs (under runs/) unless <paramref name="outputDir"/> is given.</param>
    /// <param name="name">Experiment name and file name.</param>
    /// <param name="epochs">Training epochs.</param>
    /// <param name="device">The experiment's device.</param>
    /// <param name="outputDir">The runs' folder.</param>
    /// <param name="trainingExtra">Text appended to the training block (each line starting with a newline and 2 spaces).</param>
    public static string Write(TempDirectory dir, string name, int epochs = 1, string device = "cpu", string? outputDir = null, string trainingExtra = "")
    {
        var file = dir.Combine(name + ".yaml");
        File.WriteAllText(file, $$"""
            experiment_name: {{name}}
            device: {{device}}
            output_dir: {{outputDir ?? dir.Combine("runs")}}
            dataset: {type: synthetic, basins: 2, start: 1980-01-01, end: 1981-12-31}
            periods:
              train: {start: 1980-01-01, end: 1981-06-30}
              test: {start: 1981-07-01, end: 1981-12-31}
            inputs:
              dynamic: [prcp, pet]
            targets: [streamflow]
            model:
              backbone: {type: lstm, hidden_size: 4}
            loss:
              type: mse
            training:
              epochs: {{epochs}}
              batch_size: 8
              sequence_length: 30
              samples_per_epoch: 16{{trainingExtra}}
            evaluation:
              period: test
            """);
        return file;
    }
}
