using Hydro.Torch.Native;

namespace Hydro.Torch;

public static partial class nn
{
    /// <summary>
    /// In-place initialisers (torch.nn.init): each fills the tensor without recording autograd and returns it.
    /// Random ones draw from <c>generator</c> when given, else from the global generator.
    /// </summary>
    public static class init
    {
        /// <summary>Uniform samples in [a, b).</summary>
        public static Tensor uniform_(Tensor tensor, double a = 0, double b = 1, Generator? generator = null)
        {
            ArgumentNullException.ThrowIfNull(tensor);
            NativeMethods.Check(NativeMethods.ht_uniform_(tensor.Handle, a, b, Generator.Pointer(generator)));
            GC.KeepAlive(generator);
            return tensor;
        }

        /// <summary>Normal samples with the given mean and standard deviation.</summary>
        public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
        {
            ArgumentNullException.ThrowIfNull(tensor);
            NativeMethods.Check(NativeMethods.ht_normal_(tensor.Handle, mean, std, Generator.Pointer(generator)));
            GC.KeepAlive(generator);
            return tensor;
        }

        /// <summary>Every element set to <paramref name="val"/>.</summary>
        public static Tensor constant_(Tensor tensor, Scalar val)
        {
            ArgumentNullException.ThrowIfNull(tensor);
            NativeMethods.Check(NativeMethods.ht_nn_fill_(tensor.Handle, val.Native));
            return tensor;
        }

        /// <summary>Every element set to 0.</summary>
        public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

        /// <summary>Every element set to 1.</summary>
        public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

        /// <summary>Glorot uniform: U(−a, a) with a = gain·√(6 / (fan_in + fan_out)).</summary>
        public static Tensor xavier_uniform_(Tensor tensor, double gain = 1, Generator? generator = null)
        {
            var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
            var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
            var a = Math.Sqrt(3.0) * std;
            return uniform_(tensor, -a, a, generator);
        }

        /// <summary>Glorot normal: N(0, std²) with std = gain·√(2 / (fan_in + fan_out)).</summary>
        public static Tensor xavier_normal_(Tensor tensor, double gain = 1, Generator? generator = null)
        {
            var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
            var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
            return normal_(tensor, 0, std, generator);
        }

        /// <summary>
        /// He uniform: U(−bound, bound) with bound = gain·√(3 / fan), gain = <see cref="calculate_gain"/>(nonlinearity, a)
        /// and fan = fan_in or fan_out (<paramref name="mode"/>).
        /// </summary>
        public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu", Generator? generator = null)
        {
            ArgumentNullException.ThrowIfNull(tensor);
            if (tensor.shape.Contains(0))
            {
                return tensor;
            }

            var std = calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
            var bound = Math.Sqrt(3.0) * std;
            return uniform_(tensor, -bound, bound, generator);
        }

        /// <summary>He normal: N(0, std²) with std = gain / √fan.</summary>
        public static Tensor kaiming_normal_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu", Generator? generator = null)
        {
            ArgumentNullException.ThrowIfNull(tensor);
            if (tensor.shape.Contains(0))
            {
                return tensor;
            }

            var std = calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
            return normal_(tensor, 0, std, generator);
        }

        /// <summary>A (semi-)orthogonal matrix (trailing dimensions flattened), scaled by <paramref name="gain"/>.</summary>
        public static Tensor orthogonal_(Tensor tensor, double gain = 1, Generator? generator = null)
        {
            ArgumentNullException.ThrowIfNull(tensor);
            NativeMethods.Check(NativeMethods.ht_nn_orthogonal_(tensor.Handle, gain, Generator.Pointer(generator)));
            GC.KeepAlive(generator);
            return tensor;
        }

        /// <summary>The recommended gain for a nonlinearity (PyTorch's table); <paramref name="param"/> is leaky_relu's slope.</summary>
        public static double calculate_gain(string nonlinearity, double? param = null) => nonlinearity switch
        {
            "linear" or "conv1d" or "conv2d" or "conv3d" or "conv_transpose1d" or "conv_transpose2d" or "conv_transpose3d" or "sigmoid" => 1,
            "tanh" => 5.0 / 3,
            "relu" => Math.Sqrt(2.0),
            "leaky_relu" => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
            "selu" => 3.0 / 4,
            _ => throw new ArgumentException($"Unsupported nonlinearity {nonlinearity}", nameof(nonlinearity)),
        };

        /// <summary>(fan_in, fan_out) of a weight: size(1)·receptive field and size(0)·receptive field.</summary>
        public static (long fan_in, long fan_out) calculate_fan_in_and_fan_out(Tensor tensor)
        {
            ArgumentNullException.ThrowIfNull(tensor);
            var shape = tensor.shape;
            if (shape.Length < 2)
            {
                throw new ArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions", nameof(tensor));
            }

            long receptive = 1;
            for (var i = 2; i < shape.Length; i++)
            {
                receptive *= shape[i];
            }

            return (shape[1] * receptive, shape[0] * receptive);
        }

        private static long Fan(Tensor tensor, string mode)
        {
            var (fanIn, fanOut) = calculate_fan_in_and_fan_out(tensor);
            return mode switch
            {
                "fan_in" => fanIn,
                "fan_out" => fanOut,
                _ => throw new ArgumentException($"Mode {mode} not supported, please use one of fan_in, fan_out", nameof(mode)),
            };
        }
    }
}
