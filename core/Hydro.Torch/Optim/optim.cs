using Hydro.Torch.Optim;

namespace Hydro.Torch;

/// <summary>Optimisers and learning-rate schedulers: the <c>torch.optim</c> namespace of PyTorch.</summary>
public static partial class optim
{
    /// <summary>Adam (PyTorch's torch.optim.Adam).</summary>
    public static Optim.Adam Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
        new(parameters, lr, betas, eps, weight_decay, amsgrad, maximize);

    /// <summary>Adam over parameter groups with their own settings.</summary>
    public static Optim.Adam Adam(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
        new(param_groups, lr, betas, eps, weight_decay, amsgrad, maximize);

    /// <summary>AdamW: Adam with decoupled weight decay (PyTorch's torch.optim.AdamW).</summary>
    public static Optim.AdamW AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8, double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false) =>
        new(parameters, lr, betas, eps, weight_decay, amsgrad, maximize);

    /// <summary>AdamW over parameter groups with their own settings.</summary>
    public static Optim.AdamW AdamW(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8, double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false) =>
        new(param_groups, lr, betas, eps, weight_decay, amsgrad, maximize);

    /// <summary>Stochastic gradient descent (PyTorch's torch.optim.SGD).</summary>
    public static Optim.SGD SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
        new(parameters, lr, momentum, dampening, weight_decay, nesterov, maximize);

    /// <summary>SGD over parameter groups with their own settings.</summary>
    public static Optim.SGD SGD(IEnumerable<ParamGroup> param_groups, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
        new(param_groups, lr, momentum, dampening, weight_decay, nesterov, maximize);

    /// <summary>Learning-rate schedulers (PyTorch's torch.optim.lr_scheduler).</summary>
    public static class lr_scheduler
    {
        /// <summary>Multiplies the lr by gamma every step_size epochs.</summary>
        public static Optim.StepLR StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) =>
            new(optimizer, step_size, gamma, last_epoch);

        /// <summary>Multiplies the lr by gamma every epoch.</summary>
        public static Optim.ExponentialLR ExponentialLR(Optimizer optimizer, double gamma, int last_epoch = -1) =>
            new(optimizer, gamma, last_epoch);

        /// <summary>Cosine annealing from the initial lr to eta_min over T_max epochs.</summary>
        public static Optim.CosineAnnealingLR CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0, int last_epoch = -1) =>
            new(optimizer, T_max, eta_min, last_epoch);

        /// <summary>Reduces the lr by factor once a metric has stopped improving for patience epochs.</summary>
        public static Optim.ReduceLROnPlateau ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4, string threshold_mode = "rel", int cooldown = 0, double min_lr = 0, double eps = 1e-8) =>
            new(optimizer, mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps);
    }
}
