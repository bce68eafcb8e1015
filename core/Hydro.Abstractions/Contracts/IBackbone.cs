using Hydro.Torch;

namespace Hydro.Abstractions.Contracts;

/// <summary>
/// A model core: (batch, optional physical parameters) → named outputs. Neural backbones (LSTM, EA-LSTM …) declare no
/// parameters; process backbones (HBV …) declare the parameters a learner must produce.
/// </summary>
public interface IBackbone : IDisposable
{
    /// <summary>The trainable module (parameters, train/eval mode, device moves, state dict).</summary>
    nn.Module Network { get; }

    /// <summary>Physical parameters this backbone needs from a learner; empty for purely neural backbones.</summary>
    ParameterRequest? Parameters { get; }

    /// <summary>Runs the model over a batch.</summary>
    /// <param name="batch">Inputs (and targets, unused by the backbone).</param>
    /// <param name="parameters">Physical parameters [B, T, P, components] from the learner, or null.</param>
    BackboneOutputs Forward(Batch batch, Tensor? parameters);
}

/// <summary>Maps inputs to a backbone's physical parameters, scaled into their ranges: [B, T, P, components].</summary>
public interface IParameterLearner : IDisposable
{
    /// <summary>The trainable module.</summary>
    nn.Module Network { get; }

    /// <summary>Produces the parameters for one batch.</summary>
    Tensor Forward(Batch batch, ParameterRequest request);
}
