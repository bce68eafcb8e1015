using Hydro.Torch;

namespace Hydro.Abstractions.Contracts;

/// <summary>One named output of a backbone with its unit, e.g. streamflow <c>Q</c> in mm/day or a state such as snow.</summary>
/// <param name="Name">Output name.</param>
/// <param name="Value">Values [B, T, …].</param>
/// <param name="Unit">Physical unit.</param>
public sealed record BackboneOutput(string Name, Tensor Value, string Unit);

/// <summary>
/// The outputs of a backbone's forward pass: the prediction of the experiment's targets [B, T, K], plus any fluxes
/// and states the model exposes for analysis.
/// </summary>
public sealed class BackboneOutputs : IDisposable
{
    private readonly Dictionary<string, BackboneOutput> extras = [];

    /// <summary>Creates outputs around the prediction of the targets.</summary>
    public BackboneOutputs(Tensor prediction) => Prediction = prediction;

    /// <summary>Prediction of the targets [B, T, K], in target units (normalised if the experiment normalises targets).</summary>
    public Tensor Prediction { get; }

    /// <summary>Additional outputs by name.</summary>
    public IReadOnlyDictionary<string, BackboneOutput> Extras => extras;

    /// <summary>Adds a named output; names are unique.</summary>
    public BackboneOutputs Add(string name, Tensor value, string unit)
    {
        if (!extras.TryAdd(name, new BackboneOutput(name, value, unit)))
        {
            throw new ArgumentException($"output '{name}' is already set", nameof(name));
        }

        return this;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Prediction.Dispose();
        foreach (var o in extras.Values)
        {
            o.Value.Dispose();
        }
    }
}
