namespace Hydro.Torch;

public static partial class nn
{
    /// <summary>
    /// y = x·Wᵀ + b (torch.nn.Linear), weight [out_features, in_features] initialised like PyTorch:
    /// U(−1/√in_features, 1/√in_features) for weight and bias.
    /// </summary>
    public sealed class Linear : Module<Tensor, Tensor>
    {
        /// <summary>Creates the layer; parameters are drawn from <paramref name="generator"/> (or the global one).</summary>
        public Linear(long in_features, long out_features, bool hasBias = true, Generator? generator = null, Device? device = null, ScalarType? dtype = null)
            : base(nameof(Linear))
        {
            this.in_features = in_features;
            this.out_features = out_features;
            weight = NewParameter([out_features, in_features], dtype);
            register_parameter(nameof(weight), weight);
            init.kaiming_uniform_(weight, Math.Sqrt(5), generator: generator);
            if (hasBias)
            {
                bias = NewParameter([out_features], dtype);
                register_parameter(nameof(bias), bias);
                var bound = in_features > 0 ? 1 / Math.Sqrt(in_features) : 0;
                init.uniform_(bias, -bound, bound, generator);
            }
            else
            {
                register_parameter(nameof(bias), null);
            }

            MoveTo(device);
        }

        /// <summary>Input features.</summary>
        public long in_features { get; }

        /// <summary>Output features.</summary>
        public long out_features { get; }

        /// <summary>Weight [out_features, in_features].</summary>
        public Parameter weight { get; }

        /// <summary>Bias [out_features], or null.</summary>
        public Parameter? bias { get; }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => functional.linear(input, weight, bias);
    }

    /// <summary>An uninitialised CPU parameter (initialisers draw on the CPU, so a seeded stream gives the same values on every device).</summary>
    internal static Parameter NewParameter(long[] shape, ScalarType? dtype) =>
        Parameter.Take(torch.empty(shape, dtype ?? torch.DefaultDType));

    public abstract partial class Module
    {
        /// <summary>Moves to <paramref name="device"/> unless it is null (layer constructors: initialise on the CPU, then move).</summary>
        private protected void MoveTo(Device? device)
        {
            if (device is not null)
            {
                to(device);
            }
        }
    }
}
