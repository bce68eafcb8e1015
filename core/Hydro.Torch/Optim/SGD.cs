using Hydro.Torch.Native;

namespace Hydro.Torch.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum, dampening, weight decay and Nesterov momentum;
/// PyTorch 1.13's torch.optim.SGD (single-tensor algorithm). State: <c>momentum_buffer</c>.
/// </summary>
public sealed class SGD : Optimizer
{
    private static readonly string[] Names = ["momentum_buffer"];

    /// <summary>SGD over one group of parameters.</summary>
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, momentum, dampening, weight_decay, nesterov, maximize)
    {
    }

    /// <summary>SGD over several groups; the other arguments are the defaults of groups without their own.</summary>
    public SGD(IEnumerable<ParamGroup> param_groups, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : base(param_groups, lr, new SGDOptions { momentum = momentum, dampening = dampening, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize })
    {
    }

    private protected override string[] StateNames => Names;

    /// <inheritdoc/>
    public override unsafe void step()
    {
        for (var g = 0; g < param_groups.Count; g++)
        {
            var group = param_groups[g];
            var o = (SGDOptions)group.options;
            var ptrs = BeginStep(g);
            fixed (IntPtr* p = ptrs.Params)
            fixed (IntPtr* buf = ptrs.Slots[0])
            {
                NativeMethods.Check(NativeMethods.ht_optim_sgd_step(
                    p, ptrs.Params.Length, buf, group.lr, o.momentum, o.dampening, o.weight_decay, o.nesterov ? 1 : 0, o.maximize ? 1 : 0));
            }

            EndStep(ptrs);
            GC.KeepAlive(group);
        }
    }
}
