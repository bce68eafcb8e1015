using Hydro.Host.Tests.Support;

namespace Hydro.Host.Tests.Runs;

/// <summary>
/// Errors that used to surface only after training (issue 19, group 2): a one-basin CAMELS-US experiment on the real
/// data with one key broken per case. <c>hydro validate</c> and <c>hydro train</c> both exit 2 with
/// <c>file:line:column: yaml.path</c> of the key at fault, and <c>train</c> leaves no run directory or checkpoint.
/// </summary>
public sealed class ErrorsBeforeTrainingTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void TheIntactFileValidates()
    {
        var file = Write(Yaml());
        var run = HydroRunner.Run(HydroRunner.WithBuiltIns, "validate", file);
        Assert.True(run.Exit == 0, run.ToString());
    }

    [Theory]
    [InlineData("test: {start: 1987-10-01, end: 1988-09-30}", "test: {start: 2014-01-01, end: 2015-12-31}", "periods.test.end", "the test period ends after the data: 'camels_us' has data from 1980-01-01 to 2014-12-31")]
    [InlineData("validation: {start: 1986-10-01, end: 1987-09-30}", "validation: {start: 1979-01-01, end: 1979-12-31}", "periods.validation.start", "the validation period starts before the data")]
    [InlineData("dynamic: [prcp, tmax, tmin]", "dynamic: [prcp, tmax, tmn]", "inputs.dynamic[2]", "'tmn' is not a variable of dataset 'camels_us'")]
    [InlineData("static: [area_gages2]", "static: [area_gage2]", "inputs.static[0]", "did you mean 'area_gages2'?")]
    [InlineData("static: [area_gages2]", "static: [prcp]", "inputs.static[0]", "'prcp' is a time series in dataset 'camels_us': move it to inputs.dynamic")]
    [InlineData("targets: [streamflow]", "targets: [streamflw]", "targets[0]", "did you mean 'streamflow'?")]
    [InlineData("data_dir: CAMELS", "data_dir: /nonexistent/camels_us", "dataset.data_dir", "data_dir '/nonexistent/camels_us' is not a directory")]
    [InlineData("basins: [\"01022500\"]", "basins: [\"01022500\", \"01022599\"]", "dataset.basins[1]", "basin '01022599' has no daymet forcing file")]
    [InlineData("lr: 0.01", "lr: .nan", "optimizer.lr", "'.nan' is not a finite number")]
    [InlineData("dropout: 0.1", "dropout: .nan", "model.backbone.dropout", "'.nan' is not a finite number")]
    [InlineData("train: {start: 1985-10-01, end: 1986-09-30}", "train: {start: 1980-01-01, end: 1980-01-20}", "training.sequence_length", "no training window fits: a window needs 30 steps")]
    public void ValidateAndTrainNameTheKey(string from, string to, string path, string fragment)
    {
        var file = Write(Yaml(from, to));
        var at = path == "training.sequence_length" ? "sequence_length:" : to.Split(':')[0] + ":";

        var validate = HydroRunner.Run(HydroRunner.WithBuiltIns, "validate", file);
        AssertRefused(validate, file, at, path, fragment);
        var train = Train(file);
        AssertRefused(train, file, at, path, fragment);
    }

    [Fact]
    public void UnknownBasinInTheBasinFileNamesTheFileAndItsLine()
    {
        var basins = dir.Combine("basins.txt");
        File.WriteAllText(basins, "01022500\n# a comment\n99999999\n");
        var file = Write(Yaml("basins: [\"01022500\"]", $"basin_file: {basins}"));

        var validate = HydroRunner.Run(HydroRunner.WithBuiltIns, "validate", file);
        AssertRefused(validate, file, "basin_file:", "dataset.basin_file", $"{basins}:3: basin '99999999' has no daymet forcing file");
        AssertRefused(Train(file), file, "basin_file:", "dataset.basin_file", $"{basins}:3: basin '99999999'");
    }

    [Fact]
    public void NoObservedStreamflowInTheTrainingPeriodIsFoundBeforeTheFirstEpoch()
    {
        // 01022500 has forcings but no streamflow from 2014-10-01 to the end of its record, 2014-12-31: only the loaded
        // series can tell, so validate accepts the file and train refuses it once the training period is loaded.
        var file = Write(Yaml("train: {start: 1985-10-01, end: 1986-09-30}", "train: {start: 2014-10-01, end: 2014-12-31}"));

        Assert.True(HydroRunner.Run(HydroRunner.WithBuiltIns, "validate", file).Exit == 0);
        AssertRefused(Train(file), file, "train:", "periods.train", "no basin of dataset 'camels_us' has an observed streamflow in the training period 2014-10-01..2014-12-31");
    }

    private void AssertRefused(CliRun run, string file, string lineText, string path, string fragment)
    {
        Assert.True(run.Exit == 2, run.ToString());
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        var line = Array.FindIndex(File.ReadAllLines(file), l => l.TrimStart().StartsWith(lineText, StringComparison.Ordinal)) + 1;
        Assert.True(line > 0, $"no line starts with '{lineText}'");
        Assert.True(run.Err.Split('\n').Any(l => l.Contains($"{file}:{line}:", StringComparison.Ordinal) && l.Contains($": {path}: ", StringComparison.Ordinal)
            && l.Contains(fragment, StringComparison.Ordinal)), $"expected {file}:{line}:col: {path}: …{fragment}…; {run}");
        var runs = dir.Combine("runs");
        Assert.Empty(Directory.Exists(runs) ? Directory.GetFileSystemEntries(runs) : []);
    }

    private static CliRun Train(string file) => HydroRunner.Run(HydroRunner.WithBuiltIns, TimeSpan.FromMinutes(2), "train", file, "--no-evaluate");

    private string Write(string yaml)
    {
        var file = dir.Combine("experiment.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    /// <summary>The intact experiment with <paramref name="from"/> replaced by <paramref name="to"/>, then CAMELS pointed at the test data.</summary>
    private string Yaml(string from = "", string to = "") => (from.Length == 0 ? Template() : Template().Replace(from, to, StringComparison.Ordinal))
        .Replace("data_dir: CAMELS", $"data_dir: {TestData.CamelsUs}", StringComparison.Ordinal);

    private string Template() => $$"""
        experiment_name: early
        output_dir: {{dir.Combine("runs")}}
        dataset:
          type: camels_us
          data_dir: CAMELS
          basins: ["01022500"]
        periods:
          train: {start: 1985-10-01, end: 1986-09-30}
          validation: {start: 1986-10-01, end: 1987-09-30}
          test: {start: 1987-10-01, end: 1988-09-30}
        inputs:
          dynamic: [prcp, tmax, tmin]
          static: [area_gages2]
        targets: [streamflow]
        model:
          backbone:
            type: lstm
            hidden_size: 4
            dropout: 0.1
        loss:
          type: mse
        optimizer:
          type: adam
          lr: 0.01
        training:
          epochs: 1
          batch_size: 32
          sequence_length: 30
          samples_per_epoch: 32
        """;
}
