using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Data;
using Hydro.Core.Experiments.Model;
using Hydro.Core.Experiments.Schema;
using Hydro.Core.Experiments.Yaml;
using Hydro.Core.Training;
using Hydro.Torch;

namespace Hydro.Core.Experiments.Binding;

/// <summary>
/// Rules against the dataset's own description (<see cref="IDataset.Describe"/>): the dataset opens (its folder, its
/// basins), the variables exist with the right kind, every period lies inside the data, and a training window fits.
/// </summary>
/// <remarks>
/// Only the description is read, never a basin's series, so this stays cheap (CAMELS-US: the attribute tables and the
/// first and last line of each forcing file). What needs the series (observed targets, finite inputs) is checked by
/// the training setup once the training period is loaded, before the first epoch.
/// </remarks>
internal sealed partial class CrossFieldRules
{
    /// <summary>Opens the experiment's dataset and checks the file against its description.</summary>
    public void CheckData(Experiment experiment)
    {
        var o = experiment.Options;
        var variables = TrainingSetup.VariablesOf(o);
        IDataset dataset;
        try
        {
            dataset = ComponentFactory.Create<IDataset>(experiment.Dataset, TrainingSetup.Context(variables, Device.CPU, null, null));
        }
        catch (ComponentCreationException e)
        {
            var message = e.InnerException is DataException data ? data.Message : e.Message;
            Add(DatasetKeyIn(message), "dataset opens", null, message);
            return;
        }

        using (dataset)
        {
            DatasetDescription description;
            try
            {
                description = dataset.Describe();
            }
            catch (DataException e)
            {
                Add(DatasetKeyIn(e.Message), "dataset opens", null, e.Message);
                return;
            }

            CheckVariables(o, description);
            CheckPeriodsInside(o, (description.First, description.Last, description.Step));
            CheckTrainingWindow(o, description);
        }
    }

    private void CheckVariables(ExperimentOptions o, DatasetDescription description)
    {
        var known = description.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        void Check(string path, IReadOnlyList<string> names, bool isStatic)
        {
            var sameKind = description.Variables.Where(v => v.Static == isStatic).Select(v => v.Name).ToList();
            for (var i = 0; i < names.Count; i++)
            {
                if (!known.TryGetValue(names[i], out var info))
                {
                    Add($"{path}[{i}]", "a variable of the dataset", names[i],
                        $"'{names[i]}' is not a variable of dataset '{o.Dataset.Type}' (its {(isStatic ? "static attributes" : "time series")}: {Shorten(sameKind)})",
                        Suggestions.Closest(names[i], sameKind));
                }
                else if (info.Static != isStatic)
                {
                    Add($"{path}[{i}]", isStatic ? "a static attribute" : "a time series", names[i],
                        $"'{names[i]}' is a {(info.Static ? "static attribute" : "time series")} in dataset '{o.Dataset.Type}': move it to {(info.Static ? "inputs.static" : "inputs.dynamic")}");
                }
            }
        }

        Check("inputs.dynamic", o.Inputs.Dynamic, isStatic: false);
        Check("inputs.static", o.Inputs.Static, isStatic: true);
        Check("targets", o.Targets, isStatic: false);
    }

    /// <summary>
    /// A window holds <c>sequence_length</c> steps (plus the horizon in a forecast) ending inside the training period;
    /// the steps before the period serve as its history, but only as far back as the data goes.
    /// </summary>
    private void CheckTrainingWindow(ExperimentOptions o, DatasetDescription data)
    {
        if (o.Periods.PerBasinFile is not null || data.Step <= TimeSpan.Zero)
        {
            return; // each basin has its own periods: only the loaded store can tell
        }

        var t = o.Training;
        var (start, end) = o.Periods.Train.Resolve(data.Step);
        if (start < data.First || end > data.Last || end < start)
        {
            return; // reported above
        }

        var historyStart = start - TimeSpan.FromTicks(data.Step.Ticks * (t.SequenceLength - 1L));
        var from = historyStart < data.First ? data.First : historyStart;
        var steps = ((end - from).Ticks / data.Step.Ticks) + 1;
        var length = ForecastWindows.Of(o)?.Length ?? t.SequenceLength;
        if (steps < length)
        {
            string Date(DateTime d) => TimeSteps.Format(d, data.Step);
            Add("training.sequence_length", "a window fits the training period", t.SequenceLength.ToString(Inv),
                $"no training window fits: a window needs {length} steps, but from {Date(from)} (the data start from {Date(data.First)}) to the train period's end {Date(end)} "
                + $"there are only {steps}; shorten sequence_length or move periods.train later");
        }
    }

    /// <summary>
    /// The <c>dataset.*</c> key a dataset's message is about: <c>dataset.basins[i]</c> for a message starting with
    /// <c>basins[i]</c>, else the key whose name or value appears first in it (e.g. <c>data_dir</c>, the basin file's
    /// path), else the dataset block itself.
    /// </summary>
    private string DatasetKeyIn(string message)
    {
        if (message.StartsWith("basins[", StringComparison.Ordinal) && message.IndexOf(']', StringComparison.Ordinal) is > 7 and var close)
        {
            return "dataset." + message[..(close + 1)];
        }

        if (SchemaValidator.Locate(document, "dataset") is not YamlMappingValue block)
        {
            return "dataset";
        }

        var best = (Key: "dataset.type", At: int.MaxValue);
        foreach (var (key, value) in block.Entries.Where(e => e.Key.Text != "type"))
        {
            var at = message.IndexOf(key.Text, StringComparison.Ordinal);
            if (value is YamlScalarValue { Text.Length: > 2 } scalar && message.IndexOf(scalar.Text, StringComparison.Ordinal) is >= 0 and var v)
            {
                at = at < 0 ? v : Math.Min(at, v);
            }

            if (at >= 0 && at < best.At)
            {
                best = ($"dataset.{key.Text}", at);
            }
        }

        return best.Key;
    }

    private static string Shorten(List<string> names) =>
        names.Count <= 12 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(12))} and {names.Count - 12} more";
}
