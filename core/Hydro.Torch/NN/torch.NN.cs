using Hydro.Torch.Native;

namespace Hydro.Torch;

public static partial class torch
{
    /// <summary>
    /// The fused multi-layer LSTM behind nn.LSTM (torch.lstm, unidirectional): <paramref name="parameters"/> holds per
    /// layer w_ih, w_hh[, b_ih, b_hh]. Returns the last layer's output at every step and the final (h, c) of each layer.
    /// </summary>
    public static unsafe (Tensor output, Tensor h_n, Tensor c_n) lstm(Tensor input, (Tensor h0, Tensor c0)? hx, IReadOnlyList<Tensor> parameters, bool has_biases, long num_layers, double dropout, bool train, bool batch_first)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parameters);
        Tensor[] ps = [.. parameters];
        var ptrs = Tensor.Pointers(ps);
        Tensor? h0 = hx?.h0, c0 = hx?.c0;
        Tensor[] r;
        fixed (IntPtr* p = ptrs)
        {
            r = Tensor.FromList(NativeMethods.ht_nn_lstm(input.Handle, Tensor.PointerOrZero(h0), Tensor.PointerOrZero(c0), p, ptrs.Length, has_biases ? 1 : 0, num_layers, dropout, train ? 1 : 0, batch_first ? 1 : 0));
        }

        Tensor.KeepAlive(ps);
        GC.KeepAlive(h0);
        GC.KeepAlive(c0);
        return (r[0], r[1], r[2]);
    }

    /// <summary>One LSTM step (torch.lstm_cell): the new (h, c); zero states when <paramref name="hx"/> is null.</summary>
    public static (Tensor h, Tensor c) lstm_cell(Tensor input, (Tensor h, Tensor c)? hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih = null, Tensor? b_hh = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(w_ih);
        ArgumentNullException.ThrowIfNull(w_hh);
        Tensor? h = hx?.h, c = hx?.c;
        var r = Tensor.FromList(NativeMethods.ht_nn_lstm_cell(input.Handle, Tensor.PointerOrZero(h), Tensor.PointerOrZero(c), w_ih.Handle, w_hh.Handle, Tensor.PointerOrZero(b_ih), Tensor.PointerOrZero(b_hh)));
        GC.KeepAlive(h);
        GC.KeepAlive(c);
        GC.KeepAlive(b_ih);
        GC.KeepAlive(b_hh);
        return (r[0], r[1]);
    }

    internal static unsafe nn.LSTMStates LstmStates(Tensor input, (Tensor h0, Tensor c0)? hx, IReadOnlyList<Tensor> parameters, bool has_biases, long num_layers, double dropout, bool train, bool batch_first)
    {
        ArgumentNullException.ThrowIfNull(input);
        Tensor[] ps = [.. parameters];
        var ptrs = Tensor.Pointers(ps);
        Tensor? h0 = hx?.h0, c0 = hx?.c0;
        Tensor[] r;
        fixed (IntPtr* p = ptrs)
        {
            r = Tensor.FromList(NativeMethods.ht_nn_lstm_states(input.Handle, Tensor.PointerOrZero(h0), Tensor.PointerOrZero(c0), p, ptrs.Length, has_biases ? 1 : 0, num_layers, dropout, train ? 1 : 0, batch_first ? 1 : 0));
        }

        Tensor.KeepAlive(ps);
        GC.KeepAlive(h0);
        GC.KeepAlive(c0);
        return new nn.LSTMStates(r[0], r[1], r[2], r[3]);
    }
}
