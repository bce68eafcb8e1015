using Hydro.Core.Experiments.Model;
using Hydro.Core.Experiments.Schema;
using Hydro.Core.Experiments.Yaml;

namespace Hydro.Core.Experiments.Binding;

/// <summary>
/// Stage (c), second half: rules that involve more than one key, which a JSON Schema cannot say well.
/// Each error points at the key the user most likely has to change.
/// </summary>
internal sealed partial class CrossFieldRules(YamlMappingValue document, ErrorSink errors)
{
    public void Check(ExperimentOptions o, IExperimentDataBounds? bounds)
    {
        var periods = new[] { ("train", o.Periods.Train), ("validation", o.Periods.Validation), ("test", o.Periods.Test) };
        foreach (var (name, period) in periods)
        {
            if (period is not null && period.End.Value <= period.Start.Value)
            {
                Add($"periods.{name}.end", "end after start", period.End.ToString(),
                    $"the {name} period ends on {period.End}, not after its start {period.Start}");
            }
        }

        var t = o.Training;
        if (t.PredictLastN > t.SequenceLength)
        {
            Add("training.predict_last_n", "predict_last_n ≤ sequence_length", t.PredictLastN.ToString(Inv),
                $"predict_last_n ({t.PredictLastN}) exceeds sequence_length ({t.SequenceLength})");
        }

        if (t.Warmup + t.PredictLastN > t.SequenceLength)
        {
            Add("training.warmup", "warmup + predict_last_n ≤ sequence_length", t.Warmup.ToString(Inv),
                $"warmup ({t.Warmup}) plus predict_last_n ({t.PredictLastN}) exceeds sequence_length ({t.SequenceLength}): no step is left to score");
        }

        if (o.Forecast is { } forecast && t.PredictLastN != 1)
        {
            Add("training.predict_last_n", "1 (or unset) with forecast", t.PredictLastN.ToString(Inv),
                $"a forecast scores the {forecast.Horizon} lead times after each issue time, not the last steps of the history: remove training.predict_last_n (or set it to 1), or remove the forecast block");
        }

        if (t.EarlyStoppingPatience is not null && o.Periods.Validation is null)
        {
            Add("training.early_stopping_patience", "needs periods.validation", null,
                "early stopping needs a validation period: add periods.validation or remove early_stopping_patience");
        }

        if (o.Scheduler?.Type == SchedulerType.Plateau && o.Periods.Validation is null)
        {
            Add("scheduler.type", "needs periods.validation", "plateau",
                "the plateau schedule follows the validation loss: add periods.validation or choose another schedule");
        }

        if (o.Optimizer.Betas is { } betas && (betas.Count != 2 || betas.Any(b => b is < 0 or >= 1)))
        {
            Add("optimizer.betas", "two values in [0, 1)", string.Join(", ", betas),
                "betas must be two values [beta1, beta2], each in [0, 1)");
        }

        var evaluated = o.Evaluation.Period switch
        {
            "train" => o.Periods.Train,
            "validation" => o.Periods.Validation,
            _ => o.Periods.Test,
        };
        if (evaluated is null)
        {
            Add("evaluation.period", "period defined", o.Evaluation.Period,
                $"evaluation.period is '{o.Evaluation.Period}' but periods.{o.Evaluation.Period} is not defined");
        }

        if (o.Inputs.Dynamic.Count == 0)
        {
            Add("inputs.dynamic", "at least one dynamic input", null, "inputs.dynamic must list at least one variable (a forcing such as precipitation)");
        }

        Unique("inputs.dynamic", o.Inputs.Dynamic);
        Unique("inputs.static", o.Inputs.Static);
        Unique("inputs.gridded", o.Inputs.Gridded);
        Unique("targets", o.Targets);
        Unique("evaluation.metrics", o.Evaluation.Metrics);
        if (t.EnsembleSeeds is { } seeds)
        {
            Unique("training.ensemble_seeds", [.. seeds.Select(s => s.ToString(Inv))]);
        }

        CheckStartingPointOptions(o);
        if (bounds?.Range(o.Dataset) is { } range)
        {
            CheckPeriodsInside(o, range);
        }
    }

    /// <summary>Every period inside the data's first and last step and on its time grid.</summary>
    private void CheckPeriodsInside(ExperimentOptions o, (DateTime First, DateTime Last, TimeSpan Step) range)
    {
        var periods = new[] { ("train", o.Periods.Train), ("validation", o.Periods.Validation), ("test", o.Periods.Test) };
        foreach (var (name, period) in periods)
        {
            if (period is null)
            {
                continue;
            }

            var (start, end) = period.Resolve(range.Step);
            string Date(DateTime d) => Data.TimeSteps.Format(d, range.Step);
            if (start < range.First)
            {
                Add($"periods.{name}.start", "inside the data", period.Start.ToString(),
                    $"the {name} period starts before the data: '{o.Dataset.Type}' has data from {Date(range.First)} to {Date(range.Last)}");
            }

            if (end > range.Last)
            {
                Add($"periods.{name}.end", "inside the data", period.End.ToString(),
                    $"the {name} period ends after the data: '{o.Dataset.Type}' has data from {Date(range.First)} to {Date(range.Last)}");
            }

            foreach (var (key, at) in new[] { ("start", start), ("end", end) })
            {
                if (!Data.TimeSteps.OnGrid(at, range.First, range.Step))
                {
                    Add($"periods.{name}.{key}", "on the time grid", key == "start" ? period.Start.ToString() : period.End.ToString(),
                        $"the {name} period's {key} is not on the data's time grid: '{o.Dataset.Type}' has a step every {Data.TimeSteps.Describe(range.Step)} from {Date(range.First)}");
                }
            }
        }
    }

    private static System.Globalization.CultureInfo Inv => System.Globalization.CultureInfo.InvariantCulture;

    private void Unique(string path, IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (!seen.Add(names[i]))
            {
                Add($"{path}[{i}]", "no repeats", names[i], $"'{names[i]}' is listed twice in {path}");
            }
        }
    }

    /// <summary>Reports at the key's node, or at the nearest enclosing block that the file has.</summary>
    private void Add(string path, string rule, string? value, string message, string? suggestion = null)
    {
        var node = Find(path);
        errors.Add(node.Line, node.Column, path, rule, value, message, suggestion);
    }

    private YamlValue Find(string path)
    {
        var probe = path;
        while (true)
        {
            var bracket = probe.LastIndexOf('[');
            if (bracket > 0 && probe.EndsWith(']'))
            {
                if (SchemaValidator.Locate(document, probe[..bracket]) is YamlSequenceValue seq
                    && int.TryParse(probe[(bracket + 1)..^1], out var i) && i < seq.Items.Count)
                {
                    return seq.Items[i];
                }

                probe = probe[..bracket];
                continue;
            }

            if (SchemaValidator.Locate(document, probe) is { } node)
            {
                // A block is reported at its key ("training:"), a value where it stands.
                var dot0 = probe.LastIndexOf('.');
                var parent = dot0 < 0 ? document : SchemaValidator.Locate(document, probe[..dot0]) as YamlMappingValue;
                return node is YamlScalarValue ? node : (YamlValue?)parent?.KeyNode(probe[(dot0 + 1)..]) ?? node;
            }

            var dot = probe.LastIndexOf('.');
            if (dot < 0)
            {
                return document;
            }

            probe = probe[..dot];
        }
    }
}
