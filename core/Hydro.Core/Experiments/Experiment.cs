using Hydro.Core.Experiments.Model;

namespace Hydro.Core.Experiments;

/// <summary>A loaded experiment: the typed options with every component block resolved and bound.</summary>
public sealed class Experiment
{
    internal Experiment(string file, ExperimentOptions options, IReadOnlyDictionary<string, string?> environment)
    {
        File = file;
        Options = options;
        Environment = environment;
    }

    /// <summary>The file it was loaded from, as given to the loader.</summary>
    public string File { get; }

    /// <summary>
    /// The environment variables the file referenced (<c>${NAME}</c>) and the values they had, null for unset ones. A
    /// run records them so that it is reopened with the same values, whatever the environment is then.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>The root options, defaults applied.</summary>
    public ExperimentOptions Options { get; }

    /// <summary>The dataset block.</summary>
    public ComponentBlock Dataset => Options.Dataset;

    /// <summary>The backbone block.</summary>
    public ComponentBlock Backbone => Options.Model.Backbone;

    /// <summary>The parameter-learner block, when the model has one.</summary>
    public ComponentBlock? Learner => Options.Model.Learner;

    /// <summary>The loss block.</summary>
    public ComponentBlock Loss => Options.Loss;

    /// <summary>Every component block present, in the order dataset, backbone, learner, loss.</summary>
    public IEnumerable<ComponentBlock> Components =>
        new[] { Dataset, Backbone, Learner, Loss }.OfType<ComponentBlock>();
}
