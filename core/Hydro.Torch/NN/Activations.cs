using Hydro.Torch.Native;

namespace Hydro.Torch;

public static partial class nn
{
    /// <summary>A parameterless element-wise module.</summary>
    public abstract class Activation : Module<Tensor, Tensor>
    {
        private protected Activation(string name)
            : base(name)
        {
        }
    }

    /// <summary>max(x, 0).</summary>
    public sealed class ReLU() : Activation(nameof(ReLU))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.relu(input);
    }

    /// <summary>1 / (1 + e^−x).</summary>
    public sealed class Sigmoid() : Activation(nameof(Sigmoid))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.sigmoid(input);
    }

    /// <summary>Hyperbolic tangent.</summary>
    public sealed class Tanh() : Activation(nameof(Tanh))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.tanh(input);
    }

    /// <summary>x·sigmoid(x).</summary>
    public sealed class SiLU() : Activation(nameof(SiLU))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.silu(input);
    }

    /// <summary>Gaussian error linear unit ("none" or "tanh" approximation).</summary>
    public sealed class GELU(string approximate = "none") : Activation(nameof(GELU))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.gelu(input, approximate);
    }

    /// <summary>log(1 + e^(βx)) / β, linear above the threshold.</summary>
    public sealed class Softplus(double beta = 1, double threshold = 20) : Activation(nameof(Softplus))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.softplus(input, beta, threshold);
    }

    /// <summary>x for x &gt; 0, α(e^x − 1) otherwise.</summary>
    public sealed class ELU(double alpha = 1) : Activation(nameof(ELU))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.elu(input, alpha);
    }

    /// <summary>x for x ≥ 0, slope·x otherwise.</summary>
    public sealed class LeakyReLU(double negative_slope = 0.01) : Activation(nameof(LeakyReLU))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.leaky_relu(input, negative_slope);
    }

    /// <summary>Softmax along a dimension.</summary>
    public sealed class Softmax(long dim) : Activation(nameof(Softmax))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.softmax(input, dim);
    }

    /// <summary>Log-softmax along a dimension.</summary>
    public sealed class LogSoftmax(long dim) : Activation(nameof(LogSoftmax))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.log_softmax(input, dim);
    }

    /// <summary>Returns its input (as a new handle to the same tensor).</summary>
    public sealed class Identity() : Activation(nameof(Identity))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            ArgumentNullException.ThrowIfNull(input);
            return input.alias();
        }
    }

    /// <summary>Flattens dimensions start_dim..end_dim into one (default: all but the batch dimension).</summary>
    public sealed class Flatten(long start_dim = 1, long end_dim = -1) : Activation(nameof(Flatten))
    {
        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            ArgumentNullException.ThrowIfNull(input);
            return Tensor.From(NativeMethods.ht_nn_flatten(input.Handle, start_dim, end_dim));
        }
    }

    /// <summary>
    /// Zeroes elements with probability p and scales the rest by 1/(1−p) in training mode; the identity in eval mode.
    /// The mask comes from <paramref name="generator"/> when one is given, else from the global generator.
    /// </summary>
    public sealed class Dropout(double p = 0.5, Generator? generator = null) : Module<Tensor, Tensor>(nameof(Dropout))
    {
        /// <summary>The probability of zeroing an element.</summary>
        public double p { get; } = p is >= 0 and <= 1
            ? p
            : throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability has to be between 0 and 1");

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.dropout(input, p, training, generator);
    }

    /// <summary>Layer normalisation over the trailing dimensions, with learnable weight (ones) and bias (zeros).</summary>
    public sealed class LayerNorm : Module<Tensor, Tensor>
    {
        private readonly long[] shape;

        /// <summary>Normalises over the trailing <paramref name="normalized_shape"/> dimensions.</summary>
        public LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true, Device? device = null, ScalarType? dtype = null)
            : base(nameof(LayerNorm))
        {
            ArgumentNullException.ThrowIfNull(normalized_shape);
            shape = [.. normalized_shape];
            this.eps = eps;
            if (elementwise_affine)
            {
                weight = init.ones_(NewParameter(shape, dtype));
                bias = init.zeros_(NewParameter(shape, dtype));
            }

            register_parameter(nameof(weight), weight);
            register_parameter(nameof(bias), bias);
            MoveTo(device);
        }

        /// <summary>Normalises over the last dimension of size <paramref name="normalized_shape"/>.</summary>
        public LayerNorm(long normalized_shape, double eps = 1e-5, bool elementwise_affine = true, Device? device = null, ScalarType? dtype = null)
            : this([normalized_shape], eps, elementwise_affine, device, dtype)
        {
        }

        /// <summary>Added to the variance for stability.</summary>
        public double eps { get; }

        /// <summary>Scale, or null without elementwise_affine.</summary>
        public Tensor? weight { get; }

        /// <summary>Shift, or null without elementwise_affine.</summary>
        public Tensor? bias { get; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.layer_norm(input, shape, weight, bias, eps);
    }
}
