using Hydro.Torch.Native;

namespace Hydro.Torch;

public static partial class nn
{
    public static partial class functional
    {
        // ---- activations -----------------------------------------------------------------------

        /// <summary>max(x, 0).</summary>
        public static Tensor relu(Tensor input) => torch.relu(input);

        /// <summary>1 / (1 + e^−x).</summary>
        public static Tensor sigmoid(Tensor input) => torch.sigmoid(input);

        /// <summary>Hyperbolic tangent.</summary>
        public static Tensor tanh(Tensor input) => torch.tanh(input);

        /// <summary>x·sigmoid(x).</summary>
        public static Tensor silu(Tensor input) => Unary(input, NativeMethods.ht_nn_silu);

        /// <summary>Gaussian error linear unit; <paramref name="approximate"/> is "none" or "tanh".</summary>
        public static Tensor gelu(Tensor input, string approximate = "none")
        {
            ArgumentNullException.ThrowIfNull(input);
            var tanh = approximate switch
            {
                "none" => 0,
                "tanh" => 1,
                _ => throw new ArgumentException($"approximate argument must be either none or tanh, got '{approximate}'", nameof(approximate)),
            };
            return Tensor.From(NativeMethods.ht_nn_gelu(input.Handle, tanh));
        }

        /// <summary>log(1 + e^(βx)) / β, linear above <paramref name="threshold"/>.</summary>
        public static Tensor softplus(Tensor input, double beta = 1, double threshold = 20) => torch.softplus(input, beta, threshold);

        /// <summary>x for x &gt; 0, α(e^x − 1) otherwise.</summary>
        public static Tensor elu(Tensor input, double alpha = 1) => torch.elu(input, alpha);

        /// <summary>x for x ≥ 0, slope·x otherwise.</summary>
        public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01)
        {
            ArgumentNullException.ThrowIfNull(input);
            return Tensor.From(NativeMethods.ht_nn_leaky_relu(input.Handle, negative_slope));
        }

        /// <summary>exp(x) normalised to sum 1 along <paramref name="dim"/>.</summary>
        public static Tensor softmax(Tensor input, long dim)
        {
            ArgumentNullException.ThrowIfNull(input);
            return Tensor.From(NativeMethods.ht_nn_softmax(input.Handle, dim));
        }

        /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed stably.</summary>
        public static Tensor log_softmax(Tensor input, long dim)
        {
            ArgumentNullException.ThrowIfNull(input);
            return Tensor.From(NativeMethods.ht_nn_log_softmax(input.Handle, dim));
        }

        private static Tensor Unary(Tensor input, Func<TensorHandle, IntPtr> op)
        {
            ArgumentNullException.ThrowIfNull(input);
            return Tensor.From(op(input.Handle));
        }

        // ---- losses ----------------------------------------------------------------------------

        /// <summary>Mean (or sum, or element-wise with "none") squared error.</summary>
        public static Tensor mse_loss(Tensor input, Tensor target, string reduction = "mean") =>
            Loss(input, target, reduction, (x, y, r) => NativeMethods.ht_nn_mse_loss(x, y, r));

        /// <summary>Mean (or sum, or element-wise) absolute error.</summary>
        public static Tensor l1_loss(Tensor input, Tensor target, string reduction = "mean") =>
            Loss(input, target, reduction, (x, y, r) => NativeMethods.ht_nn_l1_loss(x, y, r));

        /// <summary>0.5·d²/β for |d| &lt; β, |d| − 0.5·β otherwise.</summary>
        public static Tensor smooth_l1_loss(Tensor input, Tensor target, string reduction = "mean", double beta = 1) =>
            Loss(input, target, reduction, (x, y, r) => NativeMethods.ht_nn_smooth_l1_loss(x, y, r, beta));

        /// <summary>0.5·d² for |d| &lt; δ, δ·(|d| − 0.5·δ) otherwise.</summary>
        public static Tensor huber_loss(Tensor input, Tensor target, string reduction = "mean", double delta = 1) =>
            Loss(input, target, reduction, (x, y, r) => NativeMethods.ht_nn_huber_loss(x, y, r, delta));

        private static Tensor Loss(Tensor input, Tensor target, string reduction, Func<TensorHandle, TensorHandle, long, IntPtr> op)
        {
            ArgumentNullException.ThrowIfNull(input);
            ArgumentNullException.ThrowIfNull(target);
            return Tensor.From(op(input.Handle, target.Handle, Reduction(reduction)));
        }

        // at::Reduction: None = 0, Mean = 1, Sum = 2.
        private static long Reduction(string reduction) => reduction switch
        {
            "none" => 0,
            "mean" => 1,
            "sum" => 2,
            _ => throw new ArgumentException($"{reduction} is not a valid value for reduction", nameof(reduction)),
        };
    }
}
