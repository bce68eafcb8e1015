using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Core.Evaluation;
using Hydro.Core.Experiments;
using Hydro.Core.Models;
using Hydro.Core.Training;
using Hydro.Plugins.Data.Synthetic;

namespace Hydro.Plugins.Tests.Hbv;

/// <summary>hbv run forward with given parameters (the fixed learner, <c>hydro simulate</c>), on synthetic basins.</summary>
public sealed class HbvSimulationTests : IDisposable
{
    private const int Seed = 5;
    private static readonly DateOnly First = new(1980, 1, 1);

    private readonly string root = Path.Combine(Path.GetTempPath(), $"hydro-simulate-{Guid.NewGuid():N}");

    public HbvSimulationTests() => Directory.CreateDirectory(root);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Yaml(string learner, bool normalizeTargets = false) => $$"""
        experiment_name: simulate_truth
        seed: 1
        dataset: {type: synthetic, basins: 2, seed: {{Seed}}, noise: 0, start: 1980-01-01, end: 1985-12-31}
        periods:
          train: {start: 1981-01-01, end: 1983-12-31}
          test: {start: 1984-01-01, end: 1985-12-31}
        inputs:
          dynamic: [prcp, tmean, pet]
        targets: [streamflow]
        model:
          backbone: {type: hbv, variant: original, nmul: 1, routing: false, precipitation: prcp, temperature: tmean, pet: pet}
          learner:
        {{learner}}
        loss: {type: rmse}
        training:
          batch_size: 8
          sequence_length: 1095
          warmup: 730
          predict_last_n: 365
          normalize_targets: {{(normalizeTargets ? "true" : "false")}}
        evaluation: {metrics: [nse], period: test}
        """;

    private const string Values = """
            type: fixed
            values: {BETA: 2, FC: 250, K0: 0.2, K1: 0.05, K2: 0.01, LP: 0.7, PERC: 2, UZL: 20, TT: 0, CFMAX: 3, CFR: 0.05, CWH: 0.1}
        """;

    private static Experiment Load(string yaml)
    {
        var result = new ExperimentLoader(HbvExperimentTests.Catalog()).LoadText(yaml);
        Assert.True(result.Succeeded, result.ToString());
        return result.Experiment!;
    }

    private EvaluationResult Simulate(string yaml, string name) =>
        new Simulator(HbvExperimentTests.Catalog()).Simulate(Load(yaml), new PredictRequest { OutputDirectory = Path.Combine(root, name) });

    private static double[] Column(string csv, string name)
    {
        var lines = File.ReadAllLines(csv);
        var column = Array.IndexOf(lines[0].Split(','), name);
        Assert.True(column >= 0, $"{csv} has no column {name}: {lines[0]}");
        return [.. lines.Skip(1).Select(l => double.Parse(l.Split(',')[column], CultureInfo.InvariantCulture))];
    }

    private static double Nse(double[] sim, double[] obs)
    {
        var mean = obs.Average();
        return 1 - (sim.Zip(obs, (s, o) => (s - o) * (s - o)).Sum() / obs.Sum(o => (o - mean) * (o - mean)));
    }

    [Fact]
    public void TheTruthModelsParametersFromABasinFileReproduceTheSyntheticStreamflowAndCloseTheWaterBalance()
    {
        var file = Path.Combine(root, "truth.csv");
        var names = new[] { "BETA", "FC", "K0", "K1", "K2", "LP", "PERC", "UZL", "TT", "CFMAX", "CFR", "CWH" };
        var rows = Enumerable.Range(0, 2).Select(b =>
        {
            var p = BasinSimulation.Run(Seed, b, First, 6 * 366, 0).Profile.Parameters;
            double[] v = [p.BETA, p.FC, p.K0, p.K1, p.K2, p.LP, p.PERC, p.UZL, p.TT, p.CFMAX, p.CFR, p.CWH];
            return $"syn_{b:000}," + string.Join(",", v.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
        });
        File.WriteAllLines(file, ["basin," + string.Join(",", names), .. rows]);

        var result = Simulate(Yaml($"    type: fixed\n    basin_file: {file}"), "truth");
        Assert.Equal((2, "test", new DateTime(1984, 1, 1), new DateTime(1985, 12, 31)), (result.Basins, result.Period, result.Start, result.End));
        var offset = new DateTime(1984, 1, 1).DayNumber - First.DayNumber;
        for (var b = 0; b < 2; b++)
        {
            var csv = Path.Combine(result.OutputDirectory, ResultFiles.PredictionsFolder, $"syn_{b:000}.csv");
            var header = File.ReadLines(csv).First();
            Assert.Equal("date,streamflow_sim,BALANCE_ERROR,ET,LZ,MELT,Q0,Q1,Q2,SM,SNOW,UZ", header);
            var simulated = Column(csv, "streamflow_sim");
            var truth = BasinSimulation.Run(Seed, b, First, 6 * 366, 0).Truth.Skip(offset).Take(simulated.Length).ToArray();
            Assert.Equal(731, simulated.Length);
            var nse = Nse(simulated, truth);
            Assert.True(nse > 0.9999, $"syn_{b:000}: NSE {nse:F4} of the truth's own parameters against the truth");
        }

        var parameters = File.ReadAllLines(Path.Combine(result.OutputDirectory, ResultFiles.ParametersCsv));
        var fc = double.Parse(parameters[1].Split(',')[Array.IndexOf(parameters[0].Split(','), "FC")], CultureInfo.InvariantCulture);
        Assert.Equal(BasinSimulation.Run(Seed, 0, First, 6 * 366, 0).Profile.Parameters.FC, fc, 1e-2);

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(result.OutputDirectory, ResultFiles.SummaryJson)))!;
        Assert.Equal("fixed", (string?)summary["learner"]);
        var balance = summary["mass_balance"]!;
        Assert.Equal(2 * 731, (long)balance["steps"]!);
        Assert.InRange((double)balance["max"]!, 0, 1e-2);
    }

    [Fact]
    public void OneSetOfValuesRunsEveryBasinAndTheSameValuesGiveTheSameFlowForTheSameWeather()
    {
        var result = Simulate(Yaml(Values), "values");
        var a = Column(Path.Combine(result.OutputDirectory, ResultFiles.PredictionsFolder, "syn_000.csv"), "streamflow_sim");
        var b = Column(Path.Combine(result.OutputDirectory, ResultFiles.PredictionsFolder, "syn_001.csv"), "streamflow_sim");
        Assert.All(a.Concat(b), q => Assert.True(double.IsFinite(q) && q >= 0, $"Q = {q}"));
        Assert.NotEqual(a, b);
        var again = Simulate(Yaml(Values), "again");
        Assert.Equal(a, Column(Path.Combine(again.OutputDirectory, ResultFiles.PredictionsFolder, "syn_000.csv"), "streamflow_sim"));
    }

    [Theory]
    [InlineData("FC: 250", "FC: 5000", "FC = 5000 is outside its range [50, 1000] mm")]
    [InlineData(", CWH: 0.1", "", "no value for CWH; give every parameter under values")]
    [InlineData("CWH: 0.1", "CWH: 0.1, KX: 1", "values for unknown parameters KX; the backbone's parameters are BETA, FC,")]
    public void BadValuesAreRefusedNamingTheParameter(string from, string to, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => Simulate(Yaml(Values.Replace(from, to, StringComparison.Ordinal)), "bad"));
        Assert.Contains(message, e.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "bad")));
    }

    [Fact]
    public void ValuesAreAMappingOfNumbersCheckedByTheSchemaWithTheirLine()
    {
        var result = new ExperimentLoader(HbvExperimentTests.Catalog()).LoadText(Yaml(Values.Replace("FC: 250", "FC: lots", StringComparison.Ordinal)));
        Assert.False(result.Succeeded);
        Assert.Contains("model.learner.values.FC: expected a number", result.ToString(), StringComparison.Ordinal);

        var list = new ExperimentLoader(HbvExperimentTests.Catalog()).LoadText(Yaml("    type: fixed\n    values: [250, 2]"));
        Assert.Contains("model.learner.values: expected a mapping", list.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ABasinFileWithABadNumberNamesFileAndLine()
    {
        var file = Path.Combine(root, "bad.csv");
        File.WriteAllLines(file, ["basin,FC", "syn_000,250", "syn_001,lots"]);
        var e = Assert.ThrowsAny<Exception>(() => Simulate(Yaml($"    type: fixed\n    basin_file: {file}\n    values: {{BETA: 2, K0: 0.2, K1: 0.05, K2: 0.01, LP: 0.7, PERC: 2, UZL: 20, TT: 0, CFMAX: 3, CFR: 0.05, CWH: 0.1}}"), "bad"));
        Assert.Contains($"{file}:3: FC 'lots' is not a number", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NormalisedTargetsAreRefusedAndTrainingAFixedModelPointsToSimulate()
    {
        var e = Assert.Throws<ModelException>(() => Simulate(Yaml(Values, normalizeTargets: true), "normalised"));
        Assert.Contains("set training.normalize_targets: false", e.Message, StringComparison.Ordinal);

        var train = Assert.ThrowsAny<Exception>(() => new TrainingService(HbvExperimentTests.Catalog()).Train(Load(Yaml(Values)), new TrainOptions { RunDirectory = Path.Combine(root, "run"), ExperimentText = Yaml(Values) }));
        Assert.Contains("has no trainable parameters: nothing to train; run it with hydro simulate", train.ToString(), StringComparison.Ordinal);
    }
}
