using Hydro.Torch.Native;

namespace Hydro.Torch;

public static partial class nn
{
    /// <summary>Stateless layers, activations and losses (torch.nn.functional).</summary>
    public static partial class functional
    {
        // ---- layers ----------------------------------------------------------------------------

        /// <summary>y = x·Wᵀ + b, for weight [out, in] and bias [out].</summary>
        public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null)
        {
            ArgumentNullException.ThrowIfNull(input);
            ArgumentNullException.ThrowIfNull(weight);
            var y = Tensor.From(NativeMethods.ht_nn_linear(input.Handle, weight.Handle, Tensor.PointerOrZero(bias)));
            GC.KeepAlive(bias);
            return y;
        }

        /// <summary>1-D convolution of [N, C_in, L] (or [C_in, L]) with weight [C_out, C_in/groups, k].</summary>
        public static Tensor conv1d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1) =>
            Conv(input, weight, bias, [stride], [padding], [dilation], groups, 0);

        /// <summary>1-D convolution with padding "same" or "valid".</summary>
        public static Tensor conv1d(Tensor input, Tensor weight, Tensor? bias, long stride, string padding, long dilation = 1, long groups = 1) =>
            Conv(input, weight, bias, [stride], [0], [dilation], groups, PaddingMode(padding));

        /// <summary>2-D convolution of [N, C_in, H, W] (or [C_in, H, W]) with weight [C_out, C_in/groups, kh, kw].</summary>
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1) =>
            Conv(input, weight, bias, [stride, stride], [padding, padding], [dilation, dilation], groups, 0);

        /// <summary>2-D convolution with separate (height, width) stride, padding and dilation.</summary>
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias, (long, long) stride, (long, long) padding, (long, long)? dilation = null, long groups = 1)
        {
            var d = dilation ?? (1, 1);
            return Conv(input, weight, bias, [stride.Item1, stride.Item2], [padding.Item1, padding.Item2], [d.Item1, d.Item2], groups, 0);
        }

        /// <summary>2-D convolution with padding "same" or "valid".</summary>
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias, long stride, string padding, long dilation = 1, long groups = 1) =>
            Conv(input, weight, bias, [stride, stride], [0, 0], [dilation, dilation], groups, PaddingMode(padding));

        internal static int PaddingMode(string padding) => padding switch
        {
            "same" => 1,
            "valid" => 2,
            _ => throw new ArgumentException($"Invalid padding string '{padding}', should be one of 'valid' or 'same'", nameof(padding)),
        };

        internal static unsafe Tensor Conv(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] dilation, long groups, int paddingMode)
        {
            ArgumentNullException.ThrowIfNull(input);
            ArgumentNullException.ThrowIfNull(weight);
            fixed (long* s = stride)
            fixed (long* p = padding)
            fixed (long* d = dilation)
            {
                var y = Tensor.From(NativeMethods.ht_nn_conv(input.Handle, weight.Handle, Tensor.PointerOrZero(bias), s, p, d, stride.Length, groups, paddingMode));
                GC.KeepAlive(bias);
                return y;
            }
        }

        // ---- pooling ---------------------------------------------------------------------------

        /// <summary>1-D average pooling over [N, C, L]; stride defaults to the kernel size.</summary>
        public static Tensor avg_pool1d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true) =>
            AvgPool(input, [kernel_size], [stride ?? kernel_size], [padding], ceil_mode, count_include_pad);

        /// <summary>2-D average pooling over [N, C, H, W] with a square window; stride defaults to the kernel size.</summary>
        public static Tensor avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true)
        {
            var s = stride ?? kernel_size;
            return AvgPool(input, [kernel_size, kernel_size], [s, s], [padding, padding], ceil_mode, count_include_pad);
        }

        /// <summary>2-D average pooling with a (height, width) window.</summary>
        public static Tensor avg_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, bool ceil_mode = false, bool count_include_pad = true)
        {
            var s = stride ?? kernel_size;
            var p = padding ?? (0, 0);
            return AvgPool(input, [kernel_size.Item1, kernel_size.Item2], [s.Item1, s.Item2], [p.Item1, p.Item2], ceil_mode, count_include_pad);
        }

        /// <summary>1-D max pooling over [N, C, L]; stride defaults to the kernel size.</summary>
        public static Tensor max_pool1d(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false) =>
            MaxPool(input, [kernel_size], [stride ?? kernel_size], [padding], [dilation], ceil_mode);

        /// <summary>2-D max pooling over [N, C, H, W] with a square window; stride defaults to the kernel size.</summary>
        public static Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false)
        {
            var s = stride ?? kernel_size;
            return MaxPool(input, [kernel_size, kernel_size], [s, s], [padding, padding], [dilation, dilation], ceil_mode);
        }

        /// <summary>2-D max pooling with a (height, width) window.</summary>
        public static Tensor max_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, bool ceil_mode = false)
        {
            var s = stride ?? kernel_size;
            var p = padding ?? (0, 0);
            var d = dilation ?? (1, 1);
            return MaxPool(input, [kernel_size.Item1, kernel_size.Item2], [s.Item1, s.Item2], [p.Item1, p.Item2], [d.Item1, d.Item2], ceil_mode);
        }

        private static unsafe Tensor AvgPool(Tensor input, long[] kernel, long[] stride, long[] padding, bool ceil, bool countPad)
        {
            ArgumentNullException.ThrowIfNull(input);
            fixed (long* k = kernel)
            fixed (long* s = stride)
            fixed (long* p = padding)
            {
                return Tensor.From(NativeMethods.ht_nn_avg_pool(input.Handle, k, s, p, kernel.Length, ceil ? 1 : 0, countPad ? 1 : 0));
            }
        }

        private static unsafe Tensor MaxPool(Tensor input, long[] kernel, long[] stride, long[] padding, long[] dilation, bool ceil)
        {
            ArgumentNullException.ThrowIfNull(input);
            fixed (long* k = kernel)
            fixed (long* s = stride)
            fixed (long* p = padding)
            fixed (long* d = dilation)
            {
                return Tensor.From(NativeMethods.ht_nn_max_pool(input.Handle, k, s, p, d, kernel.Length, ceil ? 1 : 0));
            }
        }

        // ---- normalisation and regularisation -------------------------------------------------------

        /// <summary>Layer normalisation over the trailing <paramref name="normalized_shape"/> dimensions.</summary>
        public static unsafe Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
        {
            ArgumentNullException.ThrowIfNull(input);
            ArgumentNullException.ThrowIfNull(normalized_shape);
            fixed (long* s = normalized_shape)
            {
                var y = Tensor.From(NativeMethods.ht_nn_layer_norm(input.Handle, s, normalized_shape.Length, Tensor.PointerOrZero(weight), Tensor.PointerOrZero(bias), eps));
                GC.KeepAlive(weight);
                GC.KeepAlive(bias);
                return y;
            }
        }

        /// <summary>
        /// Zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1−p) when training;
        /// the identity otherwise. The mask comes from <paramref name="generator"/> when one is given.
        /// </summary>
        public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, Generator? generator = null)
        {
            ArgumentNullException.ThrowIfNull(input);
            var y = Tensor.From(NativeMethods.ht_nn_dropout(input.Handle, p, training ? 1 : 0, Generator.Pointer(generator)));
            GC.KeepAlive(generator);
            return y;
        }
    }
}
