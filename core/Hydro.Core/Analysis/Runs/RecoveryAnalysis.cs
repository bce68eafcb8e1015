using System.Globalization;
using System.Text.Json.Nodes;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Evaluation;
using Hydro.Core.Metrics;
using Hydro.Core.Runs;
using Hydro.Torch;

namespace Hydro.Core.Analysis.Runs;

/// <summary>What <see cref="RecoveryAnalysis.Run"/> compares.</summary>
public sealed record RecoveryRequest
{
    /// <summary>The evaluated period whose <c>results/&lt;period&gt;/parameters.csv</c> holds the learned parameters; <c>evaluation.period</c> when null.</summary>
    public string? Period { get; init; }

    /// <summary>The prefix of the dataset's static variables that hold the true value of each parameter (<c>true_FC</c> for FC).</summary>
    public string Prefix { get; init; } = "true_";

    /// <summary>The results folder; <c>RUN/analysis/recovery_&lt;period&gt;</c> when null. Replaced if it exists.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Stops between steps (nothing is written).</summary>
    public CancellationToken CancellationToken { get; init; }
}

/// <summary>How well one learned parameter matches its true value across basins.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Basins">Basins with both values.</param>
/// <param name="R2">Coefficient of determination of the truth by the learned values, 1 − Σ(θ̂ − θ)² / Σ(θ − θ̄)² (1 is perfect; bias counts).</param>
/// <param name="Pearson2">Squared Pearson correlation of learned and true values (1 when they are linearly related).</param>
/// <param name="Rmse">Root mean square of θ̂ − θ, in the parameter's unit.</param>
/// <param name="Bias">Mean of θ̂ − θ.</param>
/// <param name="TrueMin">Smallest true value.</param>
/// <param name="TrueMax">Largest true value.</param>
public sealed record ParameterRecovery(string Parameter, int Basins, double R2, double Pearson2, double Rmse, double Bias, double TrueMin, double TrueMax);

/// <summary>The recovery of each parameter that has a true value, and where the files are.</summary>
/// <param name="Directory">The results folder.</param>
/// <param name="Period">The evaluated period.</param>
/// <param name="Parameters">One row per parameter with a true value, in the order of parameters.csv.</param>
/// <param name="Warnings">Parameters without a true value, basins without one.</param>
public sealed record RecoveryReport(string Directory, string Period, IReadOnlyList<ParameterRecovery> Parameters, IReadOnlyList<string> Warnings);

/// <summary>
/// <c>hydro recovery</c>: compares the parameters a learner produced (an evaluation's <c>parameters.csv</c>) with the true
/// parameters the dataset serves as static variables (<c>true_FC</c>, … of the <c>synthetic</c> dataset): R², squared
/// correlation, RMSE and bias per parameter, across basins. The check that gradients reach the learner through a
/// process model (Tsai et al. 2021; issue: parameter recovery).
/// </summary>
/// <remarks>
/// Multi-component models report the component mean of each parameter (as parameters.csv does); dynamic parameters
/// their mean over the period. Such means are compared as they are, which is meaningful only for one component.
/// </remarks>
public static class RecoveryAnalysis
{
    /// <summary>The <c>format</c> of its <c>summary.json</c>.</summary>
    public const string Format = "hydro.recovery/1";

    /// <summary>Reads the learned parameters and the truth, compares them and writes <c>recovery.csv</c>, <c>pairs.csv</c> and <c>summary.json</c>.</summary>
    /// <exception cref="RunException">No evaluation of the period, no parameters, no true values.</exception>
    /// <exception cref="DataException">The dataset cannot be read.</exception>
    public static RecoveryReport Run(TrainedRun run, RecoveryRequest request)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        var period = request.Period ?? run.Experiment.Options.Evaluation.Period;
        var (start, _) = run.PeriodOf(period);
        var file = Path.Combine(run.Directory, "results", period, ResultFiles.ParametersCsv);
        if (!File.Exists(file))
        {
            throw new RunException($"{file} does not exist: evaluate the period first (hydro evaluate {run.Directory} --period {period}); "
                + "parameters.csv is written for models with a parameter learner");
        }

        var (names, learned) = ReadParameters(file);
        using var data = run.OpenData(Device.CPU, [.. learned.Keys]);
        var statics = data.Description.Variables.Where(v => v.Static).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var compared = names.Where(n => statics.Contains(request.Prefix + n)).ToList();
        if (compared.Count == 0)
        {
            throw new RunException($"dataset '{run.Experiment.Dataset.Type}' has no static variable {request.Prefix}<NAME> for any of the learned parameters "
                + $"({string.Join(", ", names)}); recovery needs the true parameters, as the synthetic dataset serves them (true_FC, …)");
        }

        var warnings = new List<string>();
        var missing = names.Except(compared).ToList();
        if (missing.Count > 0)
        {
            warnings.Add($"no true value for {string.Join(", ", missing)} (no {request.Prefix}<NAME> in the dataset); not compared");
        }

        request.CancellationToken.ThrowIfCancellationRequested();
        var truth = data.Statics([.. compared.Select(n => request.Prefix + n)], start, [.. learned.Keys], request.CancellationToken);
        var basins = learned.Keys.Where(truth.ContainsKey).ToList();
        var rows = compared.Select((name, j) =>
        {
            var column = names.IndexOf(name);
            var pairs = basins.Select(b => (Learned: learned[b][column], True: (double)truth[b][j]))
                .Where(p => double.IsFinite(p.Learned) && double.IsFinite(p.True)).ToList();
            return Compare(name, [.. pairs.Select(p => p.Learned)], [.. pairs.Select(p => p.True)]);
        }).ToList();

        var output = request.OutputDirectory ?? Path.Combine(run.Directory, AnalysisFiles.Folder, $"recovery_{AnalysisFiles.Safe(period)}");
        AtomicDirectory.Create(output, dir =>
        {
            AnalysisFiles.WriteCsv(Path.Combine(dir, "recovery.csv"), ["parameter", "basins", "r2", "pearson_r2", "rmse", "bias", "true_min", "true_max"],
                rows.Select(r => new[] { r.Parameter, AnalysisFiles.Invariant(r.Basins), AnalysisFiles.Number(r.R2), AnalysisFiles.Number(r.Pearson2),
                    AnalysisFiles.Number(r.Rmse), AnalysisFiles.Number(r.Bias), AnalysisFiles.Number(r.TrueMin), AnalysisFiles.Number(r.TrueMax) }));
            AnalysisFiles.WriteCsv(Path.Combine(dir, "pairs.csv"), ["basin", .. compared.SelectMany(n => new[] { n, request.Prefix + n })],
                basins.Select(b => (IEnumerable<string>)[b, .. compared.SelectMany((n, j) => new[] { AnalysisFiles.Number(learned[b][names.IndexOf(n)]), AnalysisFiles.Number(truth[b][j]) })]));
            var summary = AnalysisFiles.Summary(Format, run, run.Members);
            summary["period"] = period;
            summary["parameters_file"] = file;
            summary["basins"] = basins.Count;
            summary["recovery"] = new JsonObject([.. rows.Select(r => KeyValuePair.Create(r.Parameter, (JsonNode?)new JsonObject
            {
                ["r2"] = AnalysisFiles.Json(r.R2),
                ["pearson_r2"] = AnalysisFiles.Json(r.Pearson2),
                ["rmse"] = AnalysisFiles.Json(r.Rmse),
                ["bias"] = AnalysisFiles.Json(r.Bias),
            }))]);
            summary["warnings"] = AnalysisFiles.Strings(warnings);
            AnalysisFiles.WriteJson(Path.Combine(dir, AnalysisFiles.SummaryJson), summary);
        }, replace: true);
        return new RecoveryReport(Path.GetFullPath(output), period, rows, warnings);
    }

    /// <summary>R², squared correlation, RMSE and bias of <paramref name="learned"/> against <paramref name="truth"/>.</summary>
    public static ParameterRecovery Compare(string name, IReadOnlyList<double> learned, IReadOnlyList<double> truth)
    {
        ArgumentNullException.ThrowIfNull(learned);
        ArgumentNullException.ThrowIfNull(truth);
        var n = learned.Count;
        if (n == 0)
        {
            return new ParameterRecovery(name, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        // R² of the truth by the learned values is the NSE with the truth as the observation.
        double[] x = [.. learned], y = [.. truth];
        var r = HydroMetrics.PearsonR(x, y).Value;
        return new ParameterRecovery(name, n, HydroMetrics.Nse(x, y).Value, r * r, HydroMetrics.Rmse(x, y).Value, x.Zip(y, (u, v) => u - v).Average(), y.Min(), y.Max());
    }

    private static (List<string> Names, Dictionary<string, double[]> Values) ReadParameters(string file)
    {
        var lines = File.ReadAllLines(file);
        var header = lines.Length > 0 ? lines[0].Split(',') : [];
        if (header is not ["basin", _, ..])
        {
            throw new RunException($"{file}:1: expected a header basin,NAME,...");
        }

        var values = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            var parts = lines[i].Split(',');
            var row = new double[header.Length - 1];
            if (parts.Length != header.Length || !parts.Skip(1).Select((p, j) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out row[j])).All(ok => ok))
            {
                throw new RunException($"{file}:{i + 1}: expected a basin and {header.Length - 1} numbers, got '{lines[i]}'");
            }

            values[parts[0]] = row;
        }

        return ([.. header.Skip(1)], values);
    }
}
