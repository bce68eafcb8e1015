using System.Globalization;

namespace Hydro.Torch.Optim;

/// <summary>
/// Base of the epoch-based learning-rate schedulers (PyTorch 1.13's _LRScheduler, chainable form): each
/// <see cref="step"/> advances <see cref="last_epoch"/> and writes new learning rates into the optimiser's groups.
/// Construction performs the initial step (last_epoch becomes 0).
/// </summary>
public abstract class LRScheduler
{
    /// <summary>Attaches to an optimiser; with last_epoch = -1 the groups' current lr becomes their initial_lr.</summary>
    private protected LRScheduler(Optimizer optimizer, int last_epoch)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        this.optimizer = optimizer;
        var groups = optimizer.param_groups;
        for (var i = 0; i < groups.Count; i++)
        {
            if (last_epoch == -1)
            {
                groups[i].initial_lr ??= groups[i].lr;
            }
            else if (groups[i].initial_lr is null)
            {
                throw new ArgumentException($"param 'initial_lr' is not specified in param_groups[{i}] when resuming an optimizer");
            }
        }

        base_lrs = groups.Select(g => g.initial_lr!.Value).ToArray();
        this.last_epoch = last_epoch;
        last_lr = groups.Select(g => g.lr).ToArray();
    }

    /// <summary>The optimiser whose learning rates are scheduled.</summary>
    public Optimizer optimizer { get; }

    /// <summary>The index of the last epoch (0 after construction).</summary>
    public int last_epoch { get; private set; }

    /// <summary>The groups' initial learning rates.</summary>
    public IReadOnlyList<double> base_lrs { get; private set; }

    /// <summary>How many times <see cref="step"/> has run, the initial step included (PyTorch's _step_count).</summary>
    private protected int step_count { get; private set; }

    private double[] last_lr;

    /// <summary>Advances one epoch and sets the new learning rates.</summary>
    public void step()
    {
        step_count++;
        last_epoch++;
        var values = get_lr();
        var groups = optimizer.param_groups;
        for (var i = 0; i < groups.Count; i++)
        {
            groups[i].lr = values[i];
        }

        last_lr = groups.Select(g => g.lr).ToArray();
    }

    /// <summary>The learning rates set by the last step, one per group.</summary>
    public double[] get_last_lr() => (double[])last_lr.Clone();

    /// <summary>The scheduler's state (type, epoch, counters, base and last lrs, hyper-parameters) as strings, e.g. for safetensors metadata.</summary>
    public Dictionary<string, string> state_dict()
    {
        var d = new Dictionary<string, string>
        {
            ["scheduler"] = GetType().Name,
            ["last_epoch"] = Num(last_epoch),
            ["_step_count"] = Num(step_count),
            ["base_lrs"] = Nums(base_lrs),
            ["_last_lr"] = Nums(last_lr),
        };
        WriteState(d);
        return d;
    }

    /// <summary>Restores a state written by <see cref="state_dict"/> (the optimiser's lrs come from its own state).</summary>
    public void load_state_dict(IReadOnlyDictionary<string, string> state_dict)
    {
        ArgumentNullException.ThrowIfNull(state_dict);
        if (!state_dict.TryGetValue("scheduler", out var type) || type != GetType().Name)
        {
            throw new ArgumentException($"state dict is for scheduler '{type ?? "(none)"}', not {GetType().Name}");
        }

        last_epoch = ParseInt(state_dict["last_epoch"]);
        step_count = ParseInt(state_dict["_step_count"]);
        base_lrs = ParseNums(state_dict["base_lrs"]);
        last_lr = ParseNums(state_dict["_last_lr"]);
        ReadState(state_dict);
    }

    /// <summary>The learning rates of the epoch <see cref="last_epoch"/> has just advanced to (PyTorch's get_lr).</summary>
    private protected abstract double[] get_lr();

    private protected abstract void WriteState(Dictionary<string, string> d);

    private protected abstract void ReadState(IReadOnlyDictionary<string, string> d);

    /// <summary>PyTorch's _initial_step; called at the end of each concrete constructor.</summary>
    private protected void InitialStep()
    {
        step_count = 0;
        step();
    }

    private protected double[] GroupLrs() => optimizer.param_groups.Select(g => g.lr).ToArray();

    internal static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    internal static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

    internal static string Nums(IEnumerable<double> v) => string.Join(",", v.Select(Num));

    internal static double ParseDouble(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    internal static int ParseInt(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    internal static double[] ParseNums(string s) =>
        s.Length == 0 ? [] : s.Split(',').Select(ParseDouble).ToArray();
}

/// <summary>Multiplies each group's lr by gamma every step_size epochs (PyTorch's StepLR).</summary>
public sealed class StepLR : LRScheduler
{
    /// <summary>Attaches to an optimiser and performs the initial step.</summary>
    public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1)
        : base(optimizer, last_epoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step_size, 1);
        this.step_size = step_size;
        this.gamma = gamma;
        InitialStep();
    }

    /// <summary>Period of the decay, in epochs.</summary>
    public int step_size { get; private set; }

    /// <summary>Multiplicative factor of the decay.</summary>
    public double gamma { get; private set; }

    private protected override double[] get_lr()
    {
        var lrs = GroupLrs();
        if (last_epoch == 0 || last_epoch % step_size != 0)
        {
            return lrs;
        }

        return lrs.Select(lr => lr * gamma).ToArray();
    }

    private protected override void WriteState(Dictionary<string, string> d)
    {
        d["step_size"] = Num(step_size);
        d["gamma"] = Num(gamma);
    }

    private protected override void ReadState(IReadOnlyDictionary<string, string> d)
    {
        step_size = ParseInt(d["step_size"]);
        gamma = ParseDouble(d["gamma"]);
    }
}

/// <summary>Multiplies each group's lr by gamma every epoch (PyTorch's ExponentialLR).</summary>
public sealed class ExponentialLR : LRScheduler
{
    /// <summary>Attaches to an optimiser and performs the initial step.</summary>
    public ExponentialLR(Optimizer optimizer, double gamma, int last_epoch = -1)
        : base(optimizer, last_epoch)
    {
        this.gamma = gamma;
        InitialStep();
    }

    /// <summary>Multiplicative factor of the decay.</summary>
    public double gamma { get; private set; }

    private protected override double[] get_lr()
    {
        var lrs = GroupLrs();
        return last_epoch == 0 ? lrs : lrs.Select(lr => lr * gamma).ToArray();
    }

    private protected override void WriteState(Dictionary<string, string> d) => d["gamma"] = Num(gamma);

    private protected override void ReadState(IReadOnlyDictionary<string, string> d) => gamma = ParseDouble(d["gamma"]);
}

/// <summary>
/// Cosine annealing from each group's initial lr to eta_min over T_max epochs, then back up (PyTorch's
/// CosineAnnealingLR, recursive form: it composes with other changes of the lr).
/// </summary>
public sealed class CosineAnnealingLR : LRScheduler
{
    /// <summary>Attaches to an optimiser and performs the initial step.</summary>
    public CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0, int last_epoch = -1)
        : base(optimizer, last_epoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(T_max, 1);
        this.T_max = T_max;
        this.eta_min = eta_min;
        InitialStep();
    }

    /// <summary>Half-period in epochs.</summary>
    public int T_max { get; private set; }

    /// <summary>Minimum learning rate.</summary>
    public double eta_min { get; private set; }

    private protected override double[] get_lr()
    {
        var lrs = GroupLrs();
        var result = new double[lrs.Length];
        for (var i = 0; i < lrs.Length; i++)
        {
            var lr = lrs[i];
            var base_lr = base_lrs[i];
            if (last_epoch == 0)
            {
                result[i] = lr;
            }
            else if (step_count == 1 && last_epoch > 0)
            {
                result[i] = eta_min + (base_lr - eta_min) * (1 + Math.Cos(last_epoch * Math.PI / T_max)) / 2;
            }
            else if ((last_epoch - 1 - T_max) % (2 * T_max) == 0)
            {
                result[i] = lr + (base_lr - eta_min) * (1 - Math.Cos(Math.PI / T_max)) / 2;
            }
            else
            {
                result[i] = (1 + Math.Cos(Math.PI * last_epoch / T_max)) / (1 + Math.Cos(Math.PI * (last_epoch - 1) / T_max)) * (lr - eta_min) + eta_min;
            }
        }

        return result;
    }

    private protected override void WriteState(Dictionary<string, string> d)
    {
        d["T_max"] = Num(T_max);
        d["eta_min"] = Num(eta_min);
    }

    private protected override void ReadState(IReadOnlyDictionary<string, string> d)
    {
        T_max = ParseInt(d["T_max"]);
        eta_min = ParseDouble(d["eta_min"]);
    }
}
