using Hydro.Torch.Native;

namespace Hydro.Torch.Optim;

/// <summary>
/// Adam with optional L2 weight decay and AMSGrad; PyTorch 1.13's torch.optim.Adam (single-tensor algorithm).
/// State per parameter: <c>step</c>, <c>exp_avg</c>, <c>exp_avg_sq</c> and, with amsgrad, <c>max_exp_avg_sq</c>.
/// </summary>
public class Adam : Optimizer
{
    private static readonly string[] Names = ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"];

    /// <summary>Adam over one group of parameters.</summary>
    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, betas, eps, weight_decay, amsgrad, maximize)
    {
    }

    /// <summary>Adam over several groups; the other arguments are the defaults of groups without their own.</summary>
    public Adam(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : base(param_groups, lr, new AdamOptions { betas = betas ?? (0.9, 0.999), eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize })
    {
    }

    /// <summary>True for AdamW: weight decay shrinks the parameters directly instead of adding to the gradient.</summary>
    private protected virtual bool Decoupled => false;

    private protected override string[] StateNames => Names;

    private protected override bool HasStepCount => true;

    /// <inheritdoc/>
    public override unsafe void step()
    {
        for (var g = 0; g < param_groups.Count; g++)
        {
            var group = param_groups[g];
            var o = (AdamOptions)group.options;
            var ptrs = BeginStep(g);
            fixed (IntPtr* p = ptrs.Params)
            fixed (IntPtr* m = ptrs.Slots[0])
            fixed (IntPtr* v = ptrs.Slots[1])
            fixed (IntPtr* vmax = ptrs.Slots[2])
            fixed (double* steps = ptrs.Steps)
            {
                NativeMethods.Check(NativeMethods.ht_optim_adam_step(
                    p, ptrs.Params.Length, m, v, vmax, steps, group.lr, o.betas.Item1, o.betas.Item2, o.eps, o.weight_decay,
                    o.amsgrad ? 1 : 0, Decoupled ? 1 : 0, o.maximize ? 1 : 0));
            }

            EndStep(ptrs);
            GC.KeepAlive(group);
        }
    }
}

/// <summary>
/// Adam with decoupled weight decay (default 1e-2); PyTorch 1.13's torch.optim.AdamW (single-tensor algorithm).
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>AdamW over one group of parameters.</summary>
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8, double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false)
        : base(parameters, lr, betas, eps, weight_decay, amsgrad, maximize)
    {
    }

    /// <summary>AdamW over several groups; the other arguments are the defaults of groups without their own.</summary>
    public AdamW(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8, double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false)
        : base(param_groups, lr, betas, eps, weight_decay, amsgrad, maximize)
    {
    }

    private protected override bool Decoupled => true;
}
