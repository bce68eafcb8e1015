using Hydro.Core.Experiments;
using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Tests.Experiments;

public sealed class ExperimentLoaderTests
{
    private static readonly string Valid = File.ReadAllText(ExperimentFiles.Output("valid.yaml"));

    private static ExperimentLoadResult Load(string yaml, ExperimentLoaderOptions? options = null) =>
        new ExperimentLoader(TestCatalog.Create(), options).LoadText(yaml, "test.yaml");

    private static Experiment LoadOk(string yaml, ExperimentLoaderOptions? options = null)
    {
        var result = Load(yaml, options);
        Assert.True(result.Succeeded, result.ToString());
        return result.Experiment!;
    }

    [Fact]
    public void ValidFileBindsEveryBlock()
    {
        var result = new ExperimentLoader(TestCatalog.Create()).Load(ExperimentFiles.Output("valid.yaml"));
        Assert.True(result.Succeeded, result.ToString());
        var o = result.Experiment!.Options;

        Assert.Equal("lstm_synthetic.v1", o.ExperimentName);
        Assert.Equal(42, o.Seed);
        Assert.Equal("cuda:0", o.Device);
        Assert.Equal((new DateTime(1990, 12, 31), false), (o.Periods.Train.End.Value, o.Periods.Train.End.HasTime));
        Assert.Equal(new DateTime(1996, 1, 1), o.Periods.Test!.Start.Value);
        Assert.Equal(["prcp", "tmean", "pet"], o.Inputs.Dynamic);
        Assert.Equal(OptimizerType.AdamW, o.Optimizer.Type);
        Assert.Equal([0.9, 0.99], o.Optimizer.Betas!);
        Assert.Equal(SchedulerType.Step, o.Scheduler!.Type);
        Assert.Equal([1, 2, 3], o.Training.EnsembleSeeds!);

        var backbone = result.Experiment.Backbone;
        Assert.Equal("lstm", backbone.Type);
        Assert.Equal(typeof(SampleLstm), backbone.Descriptor.ComponentType);
        Assert.Equal(64, backbone.OptionsAs<SampleLstmOptions>().HiddenSize);
        Assert.Equal(0.2, backbone.OptionsAs<SampleLstmOptions>().Dropout);
        Assert.Equal([32, 32], result.Experiment.Learner!.OptionsAs<SampleMlpOptions>().HiddenSizes);
        Assert.Equal(20, result.Experiment.Dataset.OptionsAs<SyntheticDatasetOptions>().Basins);
        Assert.Equal(4, result.Experiment.Components.Count());
    }

    [Fact]
    public void HalfOpenRangesValidateWithoutOverflow()
    {
        var valid = File.ReadAllText(ExperimentFiles.Output("valid.yaml"));
        var big = Load(valid.Replace("type: nse", "type: nse\n  weight: 1e300", StringComparison.Ordinal));
        Assert.True(big.Succeeded, big.ToString());
        var negative = Load(valid.Replace("type: nse", "type: nse\n  weight: -1", StringComparison.Ordinal));
        var error = Assert.Single(negative.Errors);
        Assert.Equal("loss.weight", error.Path);
        Assert.Contains("minimum 0", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsentKeysKeepTheirDefaults()
    {
        var e = LoadOk("""
            experiment_name: minimal
            plugins:
              - path: ./plugins/hbv
                sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            dataset: {type: synthetic}
            periods:
              train: {start: 2000-01-01, end: 2001-12-31}
              test: {start: 2002-01-01, end: 2002-12-31}
            inputs: {dynamic: [prcp]}
            targets: [q]
            model:
              backbone: {type: lstm}
            loss: {type: nse}
            """);
        var o = e.Options;
        Assert.Equal("cpu", o.Device);
        Assert.Equal("runs", o.OutputDir);
        Assert.Equal(0, o.Seed);
        Assert.Equal(OptimizerType.Adam, o.Optimizer.Type);
        Assert.Equal(1e-3, o.Optimizer.Lr);
        Assert.Null(o.Scheduler);
        Assert.Equal(30, o.Training.Epochs);
        Assert.Equal(256, o.Training.BatchSize);
        Assert.Equal(365, o.Training.SequenceLength);
        Assert.Equal(1, o.Training.PredictLastN);
        Assert.Equal(["nse", "kge"], o.Evaluation.Metrics);
        Assert.Equal("test", o.Evaluation.Period);
        Assert.Null(e.Learner);
        Assert.Equal("./plugins/hbv", Assert.Single(o.Plugins).Path);
        Assert.Equal(256, e.Backbone.OptionsAs<SampleLstmOptions>().HiddenSize);
        Assert.Equal(SampleHead.Regression, e.Backbone.OptionsAs<SampleLstmOptions>().Head);
        Assert.Equal(0.1, e.Loss.OptionsAs<SampleNseOptions>().Eps);
    }

    [Fact]
    public void EnvironmentVariablesAreSubstitutedAndTyped()
    {
        var env = new Dictionary<string, string> { ["RUN"] = "from_env", ["HIDDEN"] = "128", ["EMPTY"] = "" };
        var options = new ExperimentLoaderOptions { Environment = n => env.GetValueOrDefault(n) };
        var yaml = Valid
            .Replace("experiment_name: lstm_synthetic.v1", "experiment_name: ${RUN}")
            .Replace("hidden_size: 64", "hidden_size: ${HIDDEN}")
            .Replace("epochs: 3", "epochs: ${EPOCHS:-7}")
            .Replace("output_dir", "x")
            .Replace("description: An LSTM on synthetic basins", "description: \"cost $${NOT_A_VAR} ${EMPTY:-none}\"");
        var e = LoadOk(yaml, options);
        Assert.Equal("from_env", e.Options.ExperimentName);
        Assert.Equal(128, e.Backbone.OptionsAs<SampleLstmOptions>().HiddenSize);
        Assert.Equal(7, e.Options.Training.Epochs);
        Assert.Equal("cost ${NOT_A_VAR} none", e.Options.Description);
    }

    [Fact]
    public void UnsetVariableIsAnErrorNamingItAndTheLine()
    {
        var options = new ExperimentLoaderOptions { Environment = _ => null };
        var result = Load(Valid.Replace("seed: 42", "seed: ${SEED}"), options);
        var error = Assert.Single(result.Errors);
        Assert.Equal((4, ExperimentLoadStage.Parse), (error.Line, error.Stage));
        Assert.Contains("'SEED' is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllSchemaErrorsAreReportedTogetherSortedByLine()
    {
        var yaml = Valid
            .Replace("seed: 42", "seed: -3")
            .Replace("hidden_size: 64", "hidden_size: 99999")
            .Replace("epochs: 3", "epoch: 3")
            .Replace("type: nse", "type: nsee");
        var result = Load(yaml);
        Assert.Equal(ExperimentLoadStage.Schema, result.FailedStage);
        Assert.Equal([4, 24, 30, 39], result.Errors.Select(e => e.Line));
        Assert.Equal("nse", result.Errors[2].Suggestion);
    }

    [Fact]
    public void ParseErrorsStopBeforeTheSchemaStage()
    {
        var result = Load(Valid.Replace("seed: 42", "seed: 42\nseed: 1").Replace("hidden_size: 64", "hidden_size: 99999"));
        var error = Assert.Single(result.Errors);
        Assert.Equal(ExperimentLoadStage.Parse, error.Stage);
        Assert.Equal("duplicate key", error.Rule);
    }

    [Fact]
    public void ErrorFormatsAsFileLineColumnPathMessageRuleValueSuggestion()
    {
        var error = Assert.Single(Load(Valid.Replace("hidden_size: 64", "hiden_size: 64")).Errors);
        Assert.Equal(
            "test.yaml:24:5: model.backbone.hiden_size: unknown key 'hiden_size'; valid keys here: 'type', 'hidden_size', 'dropout', "
            + "'initial_forget_bias', 'layers' or 'head' (unknown key; seen 'hiden_size') — did you mean 'hidden_size'?",
            error.ToString());
        Assert.Equal(("test.yaml", 24, 5, "model.backbone.hiden_size", "unknown key"), (error.File, error.Line, error.Column, error.Path, error.Rule));
    }

    [Theory]
    [InlineData("dynamic: [prcp, tmean, pet]", "dynamic: []", "inputs.dynamic", "at least one dynamic input")]
    [InlineData("warmup: 100", "warmup: 270", "training.warmup", "warmup + predict_last_n ≤ sequence_length")]
    [InlineData("type: step", "type: plateau", null, null)]
    [InlineData("betas: [0.9, 0.99]", "betas: [0.9]", "optimizer.betas", "two values in [0, 1)")]
    [InlineData("ensemble_seeds: [1, 2, 3]", "ensemble_seeds: [1, 2, 1]", "training.ensemble_seeds[2]", "no repeats")]
    [InlineData("static: [area, elev_mean]", "static: [area, area]", "inputs.static[1]", "no repeats")]
    public void CrossFieldRules(string from, string to, string? path, string? rule)
    {
        var result = Load(Valid.Replace(from, to));
        if (path is null)
        {
            Assert.True(result.Succeeded, result.ToString());
            var withoutValidation = Load(Valid.Replace(from, to).Replace("  validation:\n    start: 1991-01-01\n    end: 1995-12-31\n", "")
                .Replace("  early_stopping_patience: 2\n", ""));
            Assert.Equal("scheduler.type", Assert.Single(withoutValidation.Errors).Path);
            return;
        }

        var error = Assert.Single(result.Errors);
        Assert.Equal((ExperimentLoadStage.Bind, path, rule), (error.Stage, error.Path, error.Rule));
    }

    [Fact]
    public void ComponentValidationRulesRunAtBinding()
    {
        var error = Assert.Single(Load(Valid.Replace("dropout: 0.2", "dropout: 0.8")).Errors);
        Assert.Equal((ExperimentLoadStage.Bind, 25, "model.backbone.dropout"), (error.Stage, error.Line, error.Path));
    }

    [Fact]
    public void PeriodsOutsideTheDataAreReported()
    {
        var options = new ExperimentLoaderOptions { DataBounds = new FixedBounds(new(1985, 1, 1), new(1999, 12, 31)) };
        var result = Load(Valid, options);
        Assert.Equal([(10, "periods.train.start"), (16, "periods.test.end")], result.Errors.Select(e => (e.Line, e.Path)));
        Assert.All(result.Errors, e => Assert.Equal("inside the data", e.Rule));
    }

    [Fact]
    public void AnchorsAliasesAndMergeKeysAreAllowed()
    {
        var yaml = Valid
            .Replace("  train: {start: 1981-01-01, end: 1990-12-31}", "  train: &p {start: 1981-01-01, end: 1990-12-31}")
            .Replace("dropout: 0.2", "<<: &extra {dropout: 0.1, layers: 2}\n    dropout: 0.3")
            .Replace("training:\n", "training:\n  <<: {epochs: 9}\n");
        var e = LoadOk(yaml);
        Assert.Equal(0.3, e.Backbone.OptionsAs<SampleLstmOptions>().Dropout);
        Assert.Equal(2, e.Backbone.OptionsAs<SampleLstmOptions>().Layers);
        Assert.Equal(3, e.Options.Training.Epochs);
    }

    [Fact]
    public void MissingFileIsAnErrorNotAnException()
    {
        var result = new ExperimentLoader(TestCatalog.Create()).Load(Path.Combine(Path.GetTempPath(), "no-such-experiment.yaml"));
        Assert.Contains("does not exist", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMarkIsAccepted()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hydro-bom-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, Valid, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            Assert.True(new ExperimentLoader(TestCatalog.Create()).Load(path).Succeeded);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class FixedBounds(DateOnly first, DateOnly last) : IExperimentDataBounds
    {
        public (DateTime First, DateTime Last, TimeSpan Step)? Range(ComponentBlock dataset) =>
            (first.ToDateTime(TimeOnly.MinValue), last.ToDateTime(TimeOnly.MinValue), TimeSpan.FromDays(1));
    }
}
