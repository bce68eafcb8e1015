namespace Hydro.Torch;

public static partial class nn
{
    /// <summary>
    /// The last layer's hidden and cell states at every step (<see cref="LSTM.forward_with_states"/>): h and c are
    /// [B, T, H] with batch_first, else [T, B, H]; h_n and c_n are the final states of every layer [num_layers, B, H].
    /// </summary>
    public sealed record LSTMStates(Tensor h, Tensor c, Tensor h_n, Tensor c_n);

    /// <summary>
    /// Multi-layer LSTM (torch.nn.LSTM) running libtorch's fused kernel. Parameters are named like PyTorch's
    /// (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, … with gates ordered i, f, g, o), so state dicts move
    /// between the two, and initialised like PyTorch's: U(−1/√hidden_size, 1/√hidden_size) in that order.
    /// </summary>
    /// <remarks>
    /// Input is [T, B, input_size] ([B, T, input_size] with batch_first) or an unbatched [T, input_size]; the result
    /// is (output of the last layer at every step, (h_n, c_n)). Dropout acts between layers in training mode only.
    /// </remarks>
    public sealed class LSTM : Module<Tensor, (Tensor output, (Tensor h_n, Tensor c_n) state)>
    {
        private readonly Parameter[] flat;

        /// <summary>Creates the layers; parameters are drawn from <paramref name="generator"/> (or the global one).</summary>
        public LSTM(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false, double dropout = 0, Generator? generator = null, Device? device = null, ScalarType? dtype = null)
            : base(nameof(LSTM))
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(input_size, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(hidden_size, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(num_layers, 1);
            if (dropout is < 0 or > 1 || double.IsNaN(dropout))
            {
                throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout should be a number in range [0, 1] representing the probability of an element being zeroed");
            }

            this.input_size = input_size;
            this.hidden_size = hidden_size;
            this.num_layers = num_layers;
            this.bias = bias;
            this.batch_first = batch_first;
            this.dropout = dropout;
            var list = new List<Parameter>();
            for (var layer = 0; layer < num_layers; layer++)
            {
                var inputs = layer == 0 ? input_size : hidden_size;
                Add(list, $"weight_ih_l{layer}", [4 * hidden_size, inputs], dtype);
                Add(list, $"weight_hh_l{layer}", [4 * hidden_size, hidden_size], dtype);
                if (bias)
                {
                    Add(list, $"bias_ih_l{layer}", [4 * hidden_size], dtype);
                    Add(list, $"bias_hh_l{layer}", [4 * hidden_size], dtype);
                }
            }

            flat = [.. list];
            var stdv = 1 / Math.Sqrt(hidden_size);
            foreach (var p in flat)
            {
                init.uniform_(p, -stdv, stdv, generator);
            }

            MoveTo(device);
        }

        private void Add(List<Parameter> list, string name, long[] shape, ScalarType? dtype)
        {
            var p = NewParameter(shape, dtype);
            register_parameter(name, p);
            list.Add(p);
        }

        /// <summary>Features per input step.</summary>
        public long input_size { get; }

        /// <summary>Features of the hidden and cell states.</summary>
        public long hidden_size { get; }

        /// <summary>Stacked layers.</summary>
        public long num_layers { get; }

        /// <summary>Whether the layers have biases.</summary>
        public bool bias { get; }

        /// <summary>Whether input and output are [B, T, F] rather than [T, B, F].</summary>
        public bool batch_first { get; }

        /// <summary>Dropout probability on the outputs of every layer but the last, in training mode.</summary>
        public double dropout { get; }

        /// <summary>The parameters in at::lstm's flat order (the order of <see cref="Module.parameters"/>).</summary>
        public IReadOnlyList<Parameter> flat_weights => flat;

        /// <summary>Runs the sequence from zero initial states.</summary>
        public override (Tensor output, (Tensor h_n, Tensor c_n) state) forward(Tensor input) => forward(input, null);

        /// <summary>Runs the sequence from the given initial states h0, c0 [num_layers, B, H] (zeros when null).</summary>
        public (Tensor output, (Tensor h_n, Tensor c_n) state) forward(Tensor input, (Tensor h0, Tensor c0)? hx)
        {
            var (output, h, c) = torch.lstm(input, hx, flat, bias, num_layers, dropout, training, batch_first);
            return (output, (h, c));
        }

        /// <summary>Runs <see cref="forward(Tensor, ValueTuple{Tensor, Tensor}?)"/>.</summary>
        public (Tensor output, (Tensor h_n, Tensor c_n) state) call(Tensor input, (Tensor h0, Tensor c0)? hx) => forward(input, hx);

        /// <summary>
        /// Like <see cref="forward(Tensor, ValueTuple{Tensor, Tensor}?)"/>, but also returns the last layer's cell state at
        /// every step. The lower layers run fused; the last one runs step by step (slower: use it for analysis).
        /// </summary>
        public LSTMStates forward_with_states(Tensor input, (Tensor h0, Tensor c0)? hx = null) =>
            torch.LstmStates(input, hx, flat, bias, num_layers, dropout, training, batch_first);
    }

    /// <summary>
    /// One LSTM step (torch.nn.LSTMCell): (h, c) from input [B, input_size] and the previous (h, c) [B, H] (zeros when
    /// omitted). Parameters weight_ih, weight_hh, bias_ih, bias_hh, initialised U(−1/√hidden_size, 1/√hidden_size).
    /// </summary>
    public sealed class LSTMCell : Module<Tensor, (Tensor h, Tensor c)>
    {
        /// <summary>Creates the cell; parameters are drawn from <paramref name="generator"/> (or the global one).</summary>
        public LSTMCell(long input_size, long hidden_size, bool bias = true, Generator? generator = null, Device? device = null, ScalarType? dtype = null)
            : base(nameof(LSTMCell))
        {
            this.input_size = input_size;
            this.hidden_size = hidden_size;
            weight_ih = NewParameter([4 * hidden_size, input_size], dtype);
            weight_hh = NewParameter([4 * hidden_size, hidden_size], dtype);
            register_parameter(nameof(weight_ih), weight_ih);
            register_parameter(nameof(weight_hh), weight_hh);
            if (bias)
            {
                bias_ih = NewParameter([4 * hidden_size], dtype);
                bias_hh = NewParameter([4 * hidden_size], dtype);
            }

            register_parameter(nameof(bias_ih), bias_ih);
            register_parameter(nameof(bias_hh), bias_hh);
            var stdv = 1 / Math.Sqrt(hidden_size);
            foreach (var p in parameters())
            {
                init.uniform_(p, -stdv, stdv, generator);
            }

            MoveTo(device);
        }

        /// <summary>Features of the input.</summary>
        public long input_size { get; }

        /// <summary>Features of the hidden and cell states.</summary>
        public long hidden_size { get; }

        /// <summary>Input-to-hidden weights [4H, input_size] (gates i, f, g, o).</summary>
        public Parameter weight_ih { get; }

        /// <summary>Hidden-to-hidden weights [4H, H].</summary>
        public Parameter weight_hh { get; }

        /// <summary>Input-to-hidden bias [4H], or null.</summary>
        public Parameter? bias_ih { get; }

        /// <summary>Hidden-to-hidden bias [4H], or null.</summary>
        public Parameter? bias_hh { get; }

        /// <summary>One step from zero states.</summary>
        public override (Tensor h, Tensor c) forward(Tensor input) => forward(input, null);

        /// <summary>One step from the given states.</summary>
        public (Tensor h, Tensor c) forward(Tensor input, (Tensor h, Tensor c)? hx) =>
            torch.lstm_cell(input, hx, weight_ih, weight_hh, bias_ih, bias_hh);

        /// <summary>Runs <see cref="forward(Tensor, ValueTuple{Tensor, Tensor}?)"/>.</summary>
        public (Tensor h, Tensor c) call(Tensor input, (Tensor h, Tensor c)? hx) => forward(input, hx);
    }
}
