using System.Runtime.InteropServices;

namespace Hydro.Torch.Native;

/// <summary>Entry points of native/src/nn.cpp: parameters, layers, activations, losses, dropout, init.</summary>
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_parameter(TensorHandle t, int requiresGrad);
    [LibraryImport(Lib)] internal static partial int ht_nn_set_data(TensorHandle t, TensorHandle data);
    [LibraryImport(Lib)] internal static partial int ht_nn_copy_(TensorHandle dst, TensorHandle src);
    [LibraryImport(Lib)] internal static partial int ht_nn_fill_(TensorHandle t, NativeScalar value);
    [LibraryImport(Lib)] internal static partial int ht_nn_orthogonal_(TensorHandle t, double gain, IntPtr g);

    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_linear(TensorHandle x, TensorHandle w, IntPtr b);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_nn_conv(TensorHandle x, TensorHandle w, IntPtr b, long* stride, long* padding, long* dilation, int n, long groups, int paddingMode);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_nn_avg_pool(TensorHandle x, long* kernel, long* stride, long* padding, int n, int ceilMode, int countIncludePad);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_nn_max_pool(TensorHandle x, long* kernel, long* stride, long* padding, long* dilation, int n, int ceilMode);
    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_flatten(TensorHandle x, long startDim, long endDim);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_nn_layer_norm(TensorHandle x, long* shape, int n, IntPtr w, IntPtr b, double eps);

    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_nn_lstm(TensorHandle input, IntPtr h0, IntPtr c0, IntPtr* parameters, int nParams, int hasBiases, long numLayers, double dropout, int train, int batchFirst);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_nn_lstm_states(TensorHandle input, IntPtr h0, IntPtr c0, IntPtr* parameters, int nParams, int hasBiases, long numLayers, double dropout, int train, int batchFirst);
    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_lstm_cell(TensorHandle input, IntPtr h, IntPtr c, TensorHandle wIh, TensorHandle wHh, IntPtr bIh, IntPtr bHh);

    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_silu(TensorHandle x);
    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_gelu(TensorHandle x, int tanhApproximation);
    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_leaky_relu(TensorHandle x, double slope);
    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_softmax(TensorHandle x, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_log_softmax(TensorHandle x, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_dropout(TensorHandle x, double p, int train, IntPtr g);

    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_mse_loss(TensorHandle x, TensorHandle y, long reduction);
    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_l1_loss(TensorHandle x, TensorHandle y, long reduction);
    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_smooth_l1_loss(TensorHandle x, TensorHandle y, long reduction, double beta);
    [LibraryImport(Lib)] internal static partial IntPtr ht_nn_huber_loss(TensorHandle x, TensorHandle y, long reduction, double delta);
}
