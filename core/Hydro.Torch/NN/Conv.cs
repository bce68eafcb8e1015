namespace Hydro.Torch;

public static partial class nn
{
    /// <summary>Shared parts of <see cref="Conv1d"/> and <see cref="Conv2d"/> (PyTorch's _ConvNd).</summary>
    public abstract class ConvNd : Module<Tensor, Tensor>
    {
        private protected ConvNd(string name, long in_channels, long out_channels, long[] kernel_size, long[] stride, long[] padding, int paddingMode, long[] dilation, long groups, bool bias, Generator? generator, Device? device, ScalarType? dtype)
            : base(name)
        {
            if (groups <= 0)
            {
                throw new ArgumentException("groups must be a positive integer", nameof(groups));
            }

            if (in_channels % groups != 0)
            {
                throw new ArgumentException("in_channels must be divisible by groups", nameof(in_channels));
            }

            if (out_channels % groups != 0)
            {
                throw new ArgumentException("out_channels must be divisible by groups", nameof(out_channels));
            }

            this.in_channels = in_channels;
            this.out_channels = out_channels;
            this.kernel_size = kernel_size;
            this.stride = stride;
            this.padding = padding;
            PaddingMode = paddingMode;
            this.dilation = dilation;
            this.groups = groups;
            weight = NewParameter([out_channels, in_channels / groups, .. kernel_size], dtype);
            register_parameter(nameof(weight), weight);
            init.kaiming_uniform_(weight, Math.Sqrt(5), generator: generator);
            if (bias)
            {
                this.bias = NewParameter([out_channels], dtype);
                register_parameter(nameof(bias), this.bias);
                var (fanIn, _) = init.calculate_fan_in_and_fan_out(weight);
                if (fanIn != 0)
                {
                    var bound = 1 / Math.Sqrt(fanIn);
                    init.uniform_(this.bias, -bound, bound, generator);
                }
            }
            else
            {
                register_parameter(nameof(bias), null);
            }

            MoveTo(device);
        }

        /// <summary>Input channels.</summary>
        public long in_channels { get; }

        /// <summary>Output channels.</summary>
        public long out_channels { get; }

        /// <summary>Kernel extent per spatial dimension.</summary>
        public IReadOnlyList<long> kernel_size { get; }

        /// <summary>Stride per spatial dimension.</summary>
        public IReadOnlyList<long> stride { get; }

        /// <summary>Zero padding per spatial dimension (unused with "same"/"valid").</summary>
        public IReadOnlyList<long> padding { get; }

        /// <summary>Dilation per spatial dimension.</summary>
        public IReadOnlyList<long> dilation { get; }

        /// <summary>Number of blocked connections from input to output channels.</summary>
        public long groups { get; }

        /// <summary>Weight [out_channels, in_channels/groups, *kernel_size].</summary>
        public Parameter weight { get; }

        /// <summary>Bias [out_channels], or null.</summary>
        public Parameter? bias { get; }

        private int PaddingMode { get; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) =>
            functional.Conv(input, weight, bias, [.. stride], [.. padding], [.. dilation], groups, PaddingMode);
    }

    /// <summary>1-D convolution over [N, C_in, L] (torch.nn.Conv1d), initialised like PyTorch.</summary>
    public sealed class Conv1d : ConvNd
    {
        /// <summary>Creates the layer with numeric zero padding.</summary>
        public Conv1d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1, long groups = 1, bool bias = true, Generator? generator = null, Device? device = null, ScalarType? dtype = null)
            : base(nameof(Conv1d), in_channels, out_channels, [kernel_size], [stride], [padding], 0, [dilation], groups, bias, generator, device, dtype)
        {
        }

        /// <summary>Creates the layer with padding "same" or "valid".</summary>
        public Conv1d(long in_channels, long out_channels, long kernel_size, long stride, string padding, long dilation = 1, long groups = 1, bool bias = true, Generator? generator = null, Device? device = null, ScalarType? dtype = null)
            : base(nameof(Conv1d), in_channels, out_channels, [kernel_size], [stride], [0], functional.PaddingMode(padding), [dilation], groups, bias, generator, device, dtype)
        {
        }
    }

    /// <summary>2-D convolution over [N, C_in, H, W] (torch.nn.Conv2d), initialised like PyTorch.</summary>
    public sealed class Conv2d : ConvNd
    {
        /// <summary>Creates the layer with a square kernel and the same stride, padding and dilation on both axes.</summary>
        public Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1, long groups = 1, bool bias = true, Generator? generator = null, Device? device = null, ScalarType? dtype = null)
            : base(nameof(Conv2d), in_channels, out_channels, [kernel_size, kernel_size], [stride, stride], [padding, padding], 0, [dilation, dilation], groups, bias, generator, device, dtype)
        {
        }

        /// <summary>Creates the layer with (height, width) kernel, stride, padding and dilation.</summary>
        public Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, long groups = 1, bool bias = true, Generator? generator = null, Device? device = null, ScalarType? dtype = null)
            : base(nameof(Conv2d), in_channels, out_channels, Pair(kernel_size), Pair(stride ?? (1, 1)), Pair(padding ?? (0, 0)), 0, Pair(dilation ?? (1, 1)), groups, bias, generator, device, dtype)
        {
        }

        /// <summary>Creates the layer with padding "same" or "valid".</summary>
        public Conv2d(long in_channels, long out_channels, long kernel_size, long stride, string padding, long dilation = 1, long groups = 1, bool bias = true, Generator? generator = null, Device? device = null, ScalarType? dtype = null)
            : base(nameof(Conv2d), in_channels, out_channels, [kernel_size, kernel_size], [stride, stride], [0, 0], functional.PaddingMode(padding), [dilation, dilation], groups, bias, generator, device, dtype)
        {
        }

        private static long[] Pair((long, long) p) => [p.Item1, p.Item2];
    }
}
