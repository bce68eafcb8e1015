using Hydro.Torch.Native;

namespace Hydro.Torch;

/// <summary>Neural-network building blocks: the <c>torch.nn</c> namespace of PyTorch.</summary>
public static partial class nn
{
    /// <summary>Helpers of <c>torch.nn.utils</c>.</summary>
    public static partial class utils
    {
        /// <summary>
        /// Scales the gradients of <paramref name="parameters"/> in place so that their joint norm (as if concatenated)
        /// is at most <paramref name="max_norm"/>; returns the norm before clipping (PyTorch's clip_grad_norm_).
        /// Parameters without a gradient are ignored; <paramref name="norm_type"/> may be <see cref="double.PositiveInfinity"/>.
        /// </summary>
        /// <exception cref="TorchException">error_if_nonfinite is set and the norm is NaN or infinite.</exception>
        public static unsafe double clip_grad_norm_(IEnumerable<Tensor> parameters, double max_norm, double norm_type = 2.0, bool error_if_nonfinite = false)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            var ps = parameters.ToArray();
            var ptrs = Tensor.Pointers(ps);
            double total;
            fixed (IntPtr* p = ptrs)
            {
                NativeMethods.Check(NativeMethods.ht_optim_clip_grad_norm(p, ptrs.Length, max_norm, norm_type, error_if_nonfinite ? 1 : 0, out total));
            }

            Tensor.KeepAlive(ps);
            return total;
        }

        /// <summary>Clamps every gradient element of <paramref name="parameters"/> into [−clip_value, clip_value], in place.</summary>
        public static unsafe void clip_grad_value_(IEnumerable<Tensor> parameters, double clip_value)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            var ps = parameters.ToArray();
            var ptrs = Tensor.Pointers(ps);
            fixed (IntPtr* p = ptrs)
            {
                NativeMethods.Check(NativeMethods.ht_optim_clip_grad_value(p, ptrs.Length, clip_value));
            }

            Tensor.KeepAlive(ps);
        }
    }
}
