using Hydro.Torch.Native;

namespace Hydro.Torch;

public partial class Tensor
{
    /// <summary>Whether operations on this tensor are recorded for autograd. Setting it is only valid on leaves.</summary>
    public bool requires_grad
    {
        get => NativeMethods.ht_requires_grad(Handle) != 0;
        set => NativeMethods.Check(NativeMethods.ht_set_requires_grad(Handle, Bool(value)));
    }

    /// <summary>Sets <see cref="requires_grad"/> and returns this tensor.</summary>
    public Tensor requires_grad_(bool value = true)
    {
        requires_grad = value;
        return this;
    }

    /// <summary>True for tensors created by the user rather than by a recorded operation.</summary>
    public bool is_leaf => NativeMethods.ht_is_leaf(Handle) != 0;

    /// <summary>
    /// The accumulated gradient, or null. Each read returns a new handle to the same gradient (owned by the
    /// current dispose scope); setting replaces it.
    /// </summary>
    public Tensor? grad
    {
        get
        {
            var g = NativeMethods.ht_grad(Handle);
            return g == IntPtr.Zero ? null : new Tensor(g);
        }

        set
        {
            NativeMethods.Check(NativeMethods.ht_set_grad(Handle, PointerOrZero(value)));
            GC.KeepAlive(value);
        }
    }

    /// <summary>Computes gradients of this tensor w.r.t. the graph leaves and accumulates them in their <see cref="grad"/>.</summary>
    /// <param name="gradient">d(loss)/d(this); may be omitted for a scalar.</param>
    /// <param name="retain_graph">Keep the graph so that backward can be called again.</param>
    /// <param name="create_graph">Record the backward pass itself (higher-order gradients).</param>
    public void backward(Tensor? gradient = null, bool retain_graph = false, bool create_graph = false)
    {
        NativeMethods.Check(NativeMethods.ht_backward(Handle, PointerOrZero(gradient), Bool(retain_graph), Bool(create_graph)));
        GC.KeepAlive(gradient);
    }

    /// <summary>Zeroes (or drops, with <paramref name="set_to_none"/>) the accumulated gradient.</summary>
    public void zero_grad(bool set_to_none = true) =>
        NativeMethods.Check(NativeMethods.ht_zero_grad(Handle, Bool(set_to_none)));

    /// <summary>Keeps the gradient of a non-leaf tensor after backward.</summary>
    public Tensor retain_grad()
    {
        NativeMethods.Check(NativeMethods.ht_retain_grad(Handle));
        return this;
    }

    /// <summary>The same data, cut off from the autograd graph.</summary>
    public Tensor detach() => From(NativeMethods.ht_detach(Handle));

    /// <summary>Cuts this tensor off from the autograd graph in place.</summary>
    public Tensor detach_()
    {
        NativeMethods.Check(NativeMethods.ht_detach_(Handle));
        return this;
    }
}
