using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Data;
using Hydro.Core.Experiments.Model;
using Hydro.Core.Models;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Torch;

namespace Hydro.Core.Experiments.Binding;

/// <summary>Rules of the starting points: <c>training.init_from</c>, <c>training.freeze</c>, <c>simulated_targets</c>.</summary>
internal sealed partial class CrossFieldRules
{
    /// <summary>What the file alone says: <c>init_epoch</c> needs <c>init_from</c>; every <c>simulated_targets.columns</c> key is a target.</summary>
    private void CheckStartingPointOptions(ExperimentOptions o)
    {
        var t = o.Training;
        if (t.InitEpoch is { } epoch && t.InitFrom is null)
        {
            Add("training.init_epoch", "needs training.init_from", epoch.ToString(Inv), "init_epoch picks a checkpoint of the run named by init_from: add training.init_from or remove init_epoch");
        }

        if (o.SimulatedTargets is { } s)
        {
            foreach (var target in s.Columns.Keys.Where(k => !o.Targets.Contains(k, StringComparer.Ordinal)))
            {
                Add($"simulated_targets.columns.{target}", "a target", target, $"'{target}' is not one of the targets [{string.Join(", ", o.Targets)}]",
                    Suggestions.Closest(target, o.Targets));
            }
        }
    }

    /// <summary>
    /// What needs the files (validate before training): the source run, its checkpoints and statistics, the tensor
    /// shapes of the model built on the CPU, the frozen module names, and the simulated-targets folder and columns.
    /// </summary>
    public void CheckStartingPointFiles(Experiment experiment)
    {
        var o = experiment.Options;
        var t = o.Training;
        InitFrom? init = null;
        IReadOnlyList<string> basins = ["validate"];
        if (t.InitFrom is not null)
        {
            try
            {
                init = InitFrom.Of(experiment);
                basins = [.. init!.SourceNormalizer().Basins.Keys];
                init.Normalizer(new Normalizer([], [], [], [], t.NormalizeTargets), o);
            }
            catch (RunException e)
            {
                var path = e.Message.StartsWith("training.init_epoch", StringComparison.Ordinal) ? "training.init_epoch"
                    : e.Message.StartsWith("training.init_normalization", StringComparison.Ordinal) ? "training.init_normalization" : "training.init_from";
                Add(path, "a trained run", path == "training.init_from" ? t.InitFrom : null, Strip(e.Message));
            }
        }

        if (init is not null || t.Freeze is { Count: > 0 })
        {
            CheckModel(experiment, init, basins);
        }

        if (o.SimulatedTargets is { } s)
        {
            try
            {
                var folder = SimulatedTargetsDataset.ResolveFolder(experiment);
                SimulatedTargetsDataset.CheckFolder(folder);
                foreach (var (file, column, header) in SimulatedTargetsDataset.MissingColumns(folder, s.Columns.Values.Distinct(StringComparer.Ordinal)))
                {
                    var target = s.Columns.First(c => c.Value == column).Key;
                    Add($"simulated_targets.columns.{target}", "column exists", column, $"{file} has no column '{column}' (its columns: {header.Replace(",", ", ", StringComparison.Ordinal)})",
                        Suggestions.Closest(column, header.Split(',')));
                }
            }
            catch (DataException e)
            {
                Add("simulated_targets.from", "a results folder", s.From, Strip(e.Message));
            }
        }
    }

    /// <summary>Builds the model on the CPU (cheap: no data) and checks the source checkpoint's shapes and the frozen names.</summary>
    private void CheckModel(Experiment experiment, InitFrom? init, IReadOnlyList<string> basins)
    {
        var t = experiment.Options.Training;
        HydroModel model;
        try
        {
            using var generator = torch.Generator((ulong)experiment.Options.Seed);
            // The dataset is not opened at validation: the shapes checked here do not depend on the time step.
            model = HydroModel.Create(experiment, TrainingSetup.ModelContext(experiment, Device.CPU, generator, null, basins, Data.TimeSteps.Day));
        }
        catch (Exception e) when (e is ComponentCreationException or ModelException)
        {
            Add("model", "model builds", null, $"the model cannot be built to check init_from and freeze: {e.Message}");
            return;
        }

        using (model)
        {
            if (init is not null)
            {
                try
                {
                    var seeds = t.EnsembleSeeds is { Count: > 0 } s ? s : [experiment.Options.Seed];
                    foreach (var seed in seeds.Take(1))
                    {
                        init.Check(model, seed);
                    }
                }
                catch (Exception e) when (e is ModelException or RunException)
                {
                    Add("training.init_from", "checkpoint fits the model", t.InitFrom, Strip(e.Message));
                }
            }

            foreach (var (index, name, message, suggestion) in Freezing.Unknown(model, t.Freeze))
            {
                Add($"training.freeze[{index}]", "a module of the model", name, message, suggestion);
            }
        }
    }

    /// <summary>The message without the YAML path it starts with (the error line shows the path already).</summary>
    private static string Strip(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !message[..colon].Contains(' ', StringComparison.Ordinal) && message[..colon].Contains('.', StringComparison.Ordinal)
            ? message[(colon + 2)..] : message;
    }
}
