using System.Globalization;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Data;
using Hydro.Core.Evaluation;
using Hydro.Core.Runs;

namespace Hydro.Core.Analysis.Runs;

/// <summary>A probe's target per basin and day (NaN where missing), from the run's dataset or another run's prediction files.</summary>
internal sealed class TargetSeries
{
    private readonly Dictionary<string, (DateTime First, TimeSpan Step, float[] Values)> series = new(StringComparer.Ordinal);

    /// <summary>The value at <paramref name="date"/>; NaN outside the series, off its time grid or for an unknown basin.</summary>
    public double At(string basin, DateTime date)
    {
        if (!series.TryGetValue(basin, out var s) || !TimeSteps.OnGrid(date, s.First, s.Step))
        {
            return double.NaN;
        }

        var i = (date - s.First).Ticks / s.Step.Ticks;
        return i >= 0 && i < s.Values.Length ? s.Values[i] : double.NaN;
    }

    /// <summary>A dynamic variable of the run's dataset over the same rows as the model's store.</summary>
    public static TargetSeries FromDataset(RunData data, string variable, string period, DateTime start, DateTime end, IReadOnlyList<string> basins, CancellationToken ct)
    {
        var store = data.Load(period, start, end, new DataVariables([variable], [], []), basins, observations: false, cancellationToken: ct);
        var result = new TargetSeries();
        foreach (var b in store.Basins)
        {
            result.series[b.Basin] = (b.Start, b.Step, b.Dynamic);
        }

        return result;
    }

    /// <summary>The folder of another run's predictions for <paramref name="period"/>.</summary>
    public static string PredictionsFolder(string otherRun, string period) => Path.Combine(otherRun, "results", period, ResultFiles.PredictionsFolder);

    /// <summary>Column <paramref name="column"/> of <c>OTHER/results/&lt;period&gt;/predictions/&lt;basin&gt;.csv</c>; basins without a file are listed in <paramref name="missing"/>.</summary>
    /// <exception cref="RunException">A file lacks the column or has an unreadable line.</exception>
    public static TargetSeries FromRun(string otherRun, string period, string column, IReadOnlyList<string> basins, List<string> missing)
    {
        var folder = PredictionsFolder(otherRun, period);
        var result = new TargetSeries();
        foreach (var basin in basins)
        {
            var file = Path.Combine(folder, ResultFiles.FileName(basin) + ".csv");
            if (!File.Exists(file))
            {
                missing.Add(basin);
                continue;
            }

            using var reader = new StreamReader(file);
            var header = (reader.ReadLine() ?? "").Split(',');
            var j = Array.IndexOf(header, column);
            if (j <= 0)
            {
                throw new RunException($"{file}: " + AnalysisSetup.Unknown("column", column, header.Skip(1)));
            }

            var values = new List<float>();
            var stamps = new List<DateTime>();
            var number = 1;
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                number++;
                var parts = line.Split(',');
                if (parts.Length != header.Length || !Experiments.Model.PeriodDate.TryParse(parts[0], out var stamp)
                    || !float.TryParse(parts[j], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    throw new RunException($"{file}:{number}: expected a date YYYY-MM-DD (or YYYY-MM-DDTHH:MM) and {header.Length - 1} numbers, got '{line}'");
                }

                // The step is that of the first two rows (one day for a single row); every row follows by one step.
                var date = stamp.Value;
                var step = stamps.Count >= 2 ? stamps[1] - stamps[0] : stamps.Count == 1 ? date - stamps[0] : TimeSteps.Day;
                if (stamps.Count > 0 && (step <= TimeSpan.Zero || date != stamps[^1] + step))
                {
                    throw new RunException($"{file}:{number}: {parts[0]} does not follow the previous row by one step; prediction files have one row per step");
                }

                stamps.Add(date);
                values.Add(v);
            }

            if (values.Count > 0)
            {
                result.series[basin] = (stamps[0], stamps.Count > 1 ? stamps[1] - stamps[0] : TimeSteps.Day, values.ToArray());
            }
        }

        return result;
    }

    /// <summary>The columns of the first prediction file of <paramref name="folder"/> (after <c>date</c>), or null without any.</summary>
    public static IReadOnlyList<string>? Columns(string folder)
    {
        var file = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        if (file is null)
        {
            return null;
        }

        using var reader = new StreamReader(file);
        return [.. (reader.ReadLine() ?? "").Split(',').Skip(1)];
    }

    /// <summary>Throws when <paramref name="variable"/> is not a time series of the dataset the model never saw.</summary>
    /// <exception cref="RunException">Unknown, static, an input or a target of the run.</exception>
    public static void CheckDatasetVariable(DatasetDescription description, TrainedRun run, string variable)
    {
        var o = run.Experiment.Options;
        var info = description.Variables.FirstOrDefault(v => v.Name == variable);
        var dataset = run.Experiment.Dataset.Type;
        if (info is null)
        {
            throw new RunException(AnalysisSetup.Unknown($"variable of dataset '{dataset}'", variable, description.Variables.Where(v => !v.Static).Select(v => v.Name))
                + "; a probe target is a time series of the run's dataset, or a column of another run's predictions (--from-run RUN2 --column NAME)");
        }

        if (info.Static)
        {
            throw new RunException($"'{variable}' is a static attribute of dataset '{dataset}' (one value per basin); a probe needs a time series, e.g. swe — select basins by an attribute with --where instead");
        }

        if (o.Targets.Contains(variable))
        {
            throw new RunException($"the model was trained on '{variable}' (targets: {string.Join(", ", o.Targets)}); a probe asks what the states hold that the model was not trained on — choose another variable, e.g. swe");
        }

        if (o.Inputs.Dynamic.Contains(variable))
        {
            throw new RunException($"'{variable}' is an input of the model (inputs.dynamic: {string.Join(", ", o.Inputs.Dynamic)}); a probe would only recover its own input — choose a variable the model never saw, e.g. swe");
        }
    }
}
