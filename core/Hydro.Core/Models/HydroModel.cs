using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Core.Experiments;
using Hydro.Torch;

namespace Hydro.Core.Models;

/// <summary>
/// One model of an experiment: an optional parameter learner feeding a backbone (DESIGN "Contracts":
/// <c>learner? → backbone</c>). Training, evaluation and the analyses build it the same way, so a checkpoint written by
/// one loads in the others.
/// </summary>
public sealed class HydroModel : IDisposable
{
    /// <summary>State-dict prefix of the backbone's tensors in a checkpoint.</summary>
    public const string BackbonePrefix = "backbone.";

    /// <summary>State-dict prefix of the learner's tensors in a checkpoint.</summary>
    public const string LearnerPrefix = "learner.";

    private HydroModel(IBackbone backbone, IParameterLearner? learner)
    {
        Backbone = backbone;
        Learner = learner;
    }

    /// <summary>The backbone.</summary>
    public IBackbone Backbone { get; }

    /// <summary>The parameter learner, or null for a purely neural backbone.</summary>
    public IParameterLearner? Learner { get; }

    /// <summary>Builds the experiment's backbone and learner with <paramref name="context"/> and moves them to its device.</summary>
    /// <exception cref="ComponentCreationException">A component's constructor failed (bad options, unusable inputs).</exception>
    /// <exception cref="ModelException">The learner and backbone do not fit together.</exception>
    public static HydroModel Create(Experiment experiment, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(context);
        IBackbone? backbone = null;
        IParameterLearner? learner = null;
        try
        {
            backbone = ComponentFactory.Create<IBackbone>(experiment.Backbone, context);
            if (experiment.Learner is { } learnerBlock)
            {
                if (backbone.Parameters is null)
                {
                    throw new ModelException($"model.learner '{learnerBlock.Type}' is set but backbone '{experiment.Backbone.Type}' takes no parameters; remove the learner");
                }

                learner = ComponentFactory.Create<IParameterLearner>(learnerBlock, context with { Parameters = backbone.Parameters });
            }
            else if (backbone.Parameters is { } request)
            {
                throw new ModelException($"backbone '{experiment.Backbone.Type}' needs parameters {string.Join(", ", request.Parameters.Select(p => p.Name))} from a learner; set model.learner");
            }

            backbone.Network.to(context.Device);
            learner?.Network.to(context.Device);
            return new HydroModel(backbone, learner);
        }
        catch
        {
            learner?.Dispose();
            backbone?.Dispose();
            throw;
        }
    }

    /// <summary>The trainable tensors of the backbone and the learner.</summary>
    public List<Tensor> Parameters() => [.. Backbone.Network.parameters(), .. Learner?.Network.parameters() ?? []];

    /// <summary>Training mode (dropout on) or evaluation mode.</summary>
    public void Train(bool on = true)
    {
        Backbone.Network.train(on);
        Learner?.Network.train(on);
    }

    /// <summary>The learner's parameters (or null) and the backbone's outputs for <paramref name="batch"/>.</summary>
    /// <remarks>The backbone and the learner see <see cref="TargetFreeBatch.Of"/>: the inputs only, never the observed targets.</remarks>
    /// <returns>The outputs; the parameters tensor [B, T, P, components], or null without a learner.</returns>
    public (BackboneOutputs Outputs, Tensor? Parameters) Forward(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch = TargetFreeBatch.Of(batch);
        var parameters = Learner?.Forward(batch, Backbone.Parameters!);
        return (Backbone.Forward(batch, parameters), parameters);
    }

    /// <summary>The backbone's and learner's state dicts under <see cref="BackbonePrefix"/> and <see cref="LearnerPrefix"/>.</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (key, value) in Backbone.Network.state_dict())
        {
            tensors[BackbonePrefix + key] = value;
        }

        if (Learner is not null)
        {
            foreach (var (key, value) in Learner.Network.state_dict())
            {
                tensors[LearnerPrefix + key] = value;
            }
        }

        return tensors;
    }

    /// <summary>Loads the tensors of <see cref="StateDict"/> (other keys are ignored).</summary>
    /// <exception cref="ModelException">The tensors do not fit the model; the message names <paramref name="file"/>.</exception>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> tensors, string file)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        Load(Backbone.Network, BackbonePrefix, tensors, file);
        if (Learner is not null)
        {
            Load(Learner.Network, LearnerPrefix, tensors, file);
        }
    }

    private static void Load(nn.Module module, string prefix, IReadOnlyDictionary<string, Tensor> tensors, string file)
    {
        var own = tensors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
        try
        {
            module.load_state_dict(own);
        }
        catch (ArgumentException e)
        {
            throw new ModelException($"{file}: the checkpoint does not fit the model ({prefix.TrimEnd('.')}): {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Learner?.Dispose();
        Backbone.Dispose();
    }
}
