using Hydro.Torch.Serialization;

namespace Hydro.Torch.Optim;

/// <summary>
/// An optimiser's state (<see cref="Optimizer.state_dict"/>): tensors by name plus string metadata, the shape of a
/// safetensors file. Disposing it frees the tensor handles it holds.
/// </summary>
public sealed class OptimizerStateDict : IDisposable
{
    /// <summary>Wraps tensors and metadata (e.g. as read by <see cref="SafeTensors.Load"/>).</summary>
    public OptimizerStateDict(Dictionary<string, Tensor> tensors, Dictionary<string, string> metadata)
    {
        Tensors = tensors ?? throw new ArgumentNullException(nameof(tensors));
        Metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
    }

    /// <summary>State tensors, named <c>state.{parameter index}.{name}</c>.</summary>
    public Dictionary<string, Tensor> Tensors { get; }

    /// <summary>The optimiser type and the hyper-parameters of its groups (JSON).</summary>
    public Dictionary<string, string> Metadata { get; }

    /// <summary>Writes the state to a safetensors file (atomically).</summary>
    public void Save(string path) => SafeTensors.Save(path, Tensors, Metadata);

    /// <summary>Reads a state written by <see cref="Save"/>.</summary>
    public static OptimizerStateDict Load(string path)
    {
        var (tensors, metadata) = SafeTensors.Load(path);
        return new OptimizerStateDict(tensors, metadata);
    }

    /// <summary>Splits into tensors and metadata.</summary>
    public void Deconstruct(out Dictionary<string, Tensor> tensors, out Dictionary<string, string> metadata)
    {
        tensors = Tensors;
        metadata = Metadata;
    }

    /// <summary>Frees the tensor handles (the optimiser's own state is unaffected).</summary>
    public void Dispose()
    {
        foreach (var t in Tensors.Values)
        {
            t.Dispose();
        }
    }
}
