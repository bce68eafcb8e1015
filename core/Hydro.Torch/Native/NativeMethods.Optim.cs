using System.Runtime.InteropServices;

namespace Hydro.Torch.Native;

/// <summary>Entry points of native/src/optim.cpp: optimiser steps and gradient clipping.</summary>
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr ht_optim_undefined();
    [LibraryImport(Lib)] internal static partial int ht_optim_defined(TensorHandle t);

    [LibraryImport(Lib)]
    internal static unsafe partial int ht_optim_sgd_step(IntPtr* parameters, int n, IntPtr* buffers, double lr, double momentum, double dampening, double weightDecay, int nesterov, int maximize);

    [LibraryImport(Lib)]
    internal static unsafe partial int ht_optim_adam_step(IntPtr* parameters, int n, IntPtr* expAvgs, IntPtr* expAvgSqs, IntPtr* maxExpAvgSqs, double* steps, double lr, double beta1, double beta2, double eps, double weightDecay, int amsgrad, int decoupled, int maximize);

    [LibraryImport(Lib)]
    internal static unsafe partial int ht_optim_clip_grad_norm(IntPtr* parameters, int n, double maxNorm, double normType, int errorIfNonfinite, out double totalNorm);

    [LibraryImport(Lib)]
    internal static unsafe partial int ht_optim_clip_grad_value(IntPtr* parameters, int n, double clipValue);
}
