namespace Hydro.Host.Tests.Support;

/// <summary>
/// The smallest real-data experiment the run tests train: one CAMELS-US basin, water year 1986, an LSTM of 4 units,
/// evaluated on its training period. Written as NAME.yaml into a test folder, with the runs under its runs/.
/// </summary>
internal static class OneBasinExperiment
{
    /// <summary>The basin: it has forcings and streamflow in ../shared/data.</summary>
    public const string Basin = "01022500";

    /// <summary>Writes the experiment file and returns its path.</summary>
    /// <param name="dir">Where the file and the runs go.</param>
    /// <param name="name">Experiment name and file name.</param>
    /// <param name="dataDir">The camels_us root (a damaged copy in the bad-data tests).</param>
    /// <param name="epochs">Training epochs.</param>
    /// <param name="samples">Windows per epoch.</param>
    /// <param name="statics">The static inputs, comma-separated.</param>
    public static string Write(TempDirectory dir, string name, string dataDir, int epochs = 1, int samples = 32, string statics = "area_gages2")
    {
        var yaml = $"""
            experiment_name: {name}
            output_dir: {dir.Combine("runs")}
            dataset:
              type: camels_us
              data_dir: {dataDir}
              basins: ["{Basin}"]
            periods:
              train: {"{"}start: 1985-10-01, end: 1986-09-30{"}"}
            inputs:
              dynamic: [prcp, tmax, tmin]
              static: [{statics}]
            targets: [streamflow]
            model:
              backbone: {"{"}type: lstm, hidden_size: 4{"}"}
            loss:
              type: mse
            training:
              epochs: {epochs}
              batch_size: 32
              sequence_length: 30
              samples_per_epoch: {samples}
            evaluation:
              period: train
            """;
        var file = dir.Combine(name + ".yaml");
        File.WriteAllText(file, yaml);
        return file;
    }
}
