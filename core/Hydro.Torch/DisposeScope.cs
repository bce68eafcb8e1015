namespace Hydro.Torch;

/// <summary>
/// Frees, at its end, every tensor created on this thread while it was the innermost scope — except those
/// moved out with <see cref="Tensor.MoveToOuterDisposeScope"/> or detached with <see cref="Tensor.DetachFromDisposeScope"/>.
/// </summary>
/// <remarks>
/// The pattern of TorchSharp: a training step runs inside <c>using var scope = torch.NewDisposeScope();</c> and
/// allocates nothing native that outlives it, so memory stays flat without waiting for the garbage collector.
/// Scopes nest; they belong to the thread that opened them.
/// </remarks>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic]
    private static DisposeScope? current;

    private readonly List<Tensor> tensors = new(64);
    private bool disposed;

    internal DisposeScope()
    {
        Outer = current;
        current = this;
    }

    /// <summary>The innermost open scope of this thread, or null.</summary>
    public static DisposeScope? Current => current;

    /// <summary>The scope this one is nested in, or null.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>How many tensors this scope currently owns.</summary>
    public int Count => tensors.Count;

    internal void Add(Tensor tensor) => tensors.Add(tensor);

    internal bool Remove(Tensor tensor)
    {
        // Tensors moved out are nearly always among the newest: search from the end.
        var i = tensors.LastIndexOf(tensor);
        if (i < 0)
        {
            return false;
        }

        tensors.RemoveAt(i);
        return true;
    }

    /// <summary>Moves a tensor into this scope's outer scope (or out of any scope when there is none).</summary>
    public T MoveToOuter<T>(T tensor)
        where T : Tensor
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (Remove(tensor))
        {
            Outer?.Add(tensor);
            tensor.Scope = Outer;
        }

        return tensor;
    }

    /// <summary>Disposes every tensor this scope owns, and closes the scope.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (current == this)
        {
            current = Outer;
        }

        foreach (var t in tensors)
        {
            t.Scope = null;
            t.Dispose();
        }

        tensors.Clear();
    }
}
