using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace Hydro.Core.Experiments.Model;

/// <summary>The model: an optional parameter learner feeding a backbone.</summary>
public sealed class ModelOptions
{
    /// <summary>The backbone (neural network or process model).</summary>
    [Required]
    [ComponentSlot(ComponentKind.Backbone)]
    [Description("The backbone: a neural network or a process model.")]
    public ComponentBlock Backbone { get; init; } = new();

    /// <summary>The network that maps inputs to the backbone's physical parameters; none for pure neural backbones.</summary>
    [ComponentSlot(ComponentKind.ParameterLearner)]
    [Description("The network that maps inputs to the backbone's parameters (differentiable models only).")]
    public ComponentBlock? Learner { get; init; }
}
