using Hydro.Abstractions.Contracts;
using Hydro.Core.Experiments;
using Hydro.Core.Models;
using Hydro.Core.Runs;
using Hydro.Core.Training;
using Hydro.Torch;

namespace Hydro.Core.Analysis.Runs;

/// <summary>Checks and choices the analyses of a run share: device, static inputs, recurrent states, the member analysed.</summary>
internal static class AnalysisSetup
{
    /// <summary>The device asked for, else the experiment's.</summary>
    public static Device Device(TrainedRun run, string? device) => TrainingSetup.ParseDevice(device ?? run.Experiment.Options.Device);

    /// <summary>Throws unless the run's model takes static inputs.</summary>
    /// <exception cref="RunException">No <c>inputs.static</c>.</exception>
    public static void RequireStatics(TrainedRun run, string what)
    {
        if (run.Experiment.Options.Inputs.Static.Count == 0)
        {
            throw new RunException($"{what} needs a model with static inputs, but the run's experiment has no inputs.static "
                + $"({run.Directory}); train with catchment attributes under inputs.static to analyse them");
        }
    }

    /// <summary>
    /// The model analysed for states and embeddings, which are not comparable across members (cell 3 of one seed is
    /// not cell 3 of another): the member chosen with <c>--seed</c>, else the first of the ensemble.
    /// </summary>
    public static RunMember Member(TrainedRun run) => run.Members[0];

    /// <summary>The backbone as an <see cref="IRecurrentBackbone"/>.</summary>
    /// <exception cref="RunException">The backbone does not expose its states.</exception>
    public static IRecurrentBackbone Recurrent(TrainedRun run, HydroModel model, string what) =>
        model.Backbone as IRecurrentBackbone ?? throw new RunException(
            $"backbone '{run.Experiment.Backbone.Type}' does not expose recurrent states (IRecurrentBackbone), so {what} cannot read them; "
            + "lstm and ealstm do, and a plugin backbone does once it implements Hydro.Abstractions.Contracts.IRecurrentBackbone (HiddenSize, ForwardStates, Embedding)");

    /// <summary>The states of one batch through <paramref name="model"/>'s learner (if any) and recurrent backbone.</summary>
    public static RecurrentStates States(HydroModel model, IRecurrentBackbone backbone, Batch batch) =>
        backbone.ForwardStates(batch, model.Learner?.Forward(batch, model.Backbone.Parameters!));

    /// <summary>"unknown X 'name' (…) — did you mean 'y'?"</summary>
    public static string Unknown(string what, string name, IEnumerable<string> choices)
    {
        var list = choices.ToList();
        var suggestion = Suggestions.Closest(name, list);
        return $"unknown {what} '{name}'" + (suggestion is null ? "" : $" — did you mean '{suggestion}'?")
            + (list.Count <= 40 ? $" (available: {string.Join(", ", list)})" : $" ({list.Count} available)");
    }
}
