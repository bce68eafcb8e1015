using Hydro.Torch.Native;

namespace Hydro.Torch;

public static partial class nn
{
    /// <summary>
    /// A trainable tensor held by a <see cref="Module"/> (torch.nn.Parameter): a leaf sharing the data it was made
    /// from, with <c>requires_grad</c> set. It belongs to no dispose scope; the module that registers it disposes it.
    /// </summary>
    public sealed class Parameter : Tensor
    {
        /// <summary>A parameter sharing the data of <paramref name="data"/> (which the caller still owns).</summary>
        public Parameter(Tensor data, bool requires_grad = true)
            : base(NativeMethods.Check(NativeMethods.ht_nn_parameter(NotNull(data).Handle, requires_grad ? 1 : 0)))
        {
            DetachFromDisposeScope();
        }

        private static Tensor NotNull(Tensor data)
        {
            ArgumentNullException.ThrowIfNull(data);
            return data;
        }

        /// <summary>Creates a parameter from a freshly made tensor and releases that tensor's handle.</summary>
        internal static Parameter Take(Tensor data, bool requires_grad = true)
        {
            using (data)
            {
                return new Parameter(data, requires_grad);
            }
        }
    }
}
