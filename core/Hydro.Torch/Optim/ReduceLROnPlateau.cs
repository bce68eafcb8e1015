namespace Hydro.Torch.Optim;

/// <summary>
/// Reduces each group's lr by <see cref="factor"/> when a metric has not improved for more than
/// <see cref="patience"/> epochs (PyTorch 1.13's ReduceLROnPlateau).
/// </summary>
public sealed class ReduceLROnPlateau
{
    private double[] last_lr;

    /// <summary>Attaches to an optimiser.</summary>
    /// <param name="optimizer">The optimiser whose learning rates are reduced.</param>
    /// <param name="mode"><c>min</c>: the metric should decrease; <c>max</c>: increase.</param>
    /// <param name="factor">new lr = lr · factor (&lt; 1).</param>
    /// <param name="patience">Epochs without improvement tolerated before a reduction.</param>
    /// <param name="threshold">Minimal improvement that counts.</param>
    /// <param name="threshold_mode"><c>rel</c>: relative to the best value; <c>abs</c>: absolute.</param>
    /// <param name="cooldown">Epochs after a reduction during which bad epochs are not counted.</param>
    /// <param name="min_lr">Lower bound of every group's lr (see <see cref="min_lrs"/> for per-group bounds).</param>
    /// <param name="eps">Reductions smaller than this are skipped.</param>
    public ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4, string threshold_mode = "rel", int cooldown = 0, double min_lr = 0, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (factor >= 1.0)
        {
            throw new ArgumentException("Factor should be < 1.0.", nameof(factor));
        }

        this.optimizer = optimizer;
        this.factor = factor;
        min_lrs = Enumerable.Repeat(min_lr, optimizer.param_groups.Count).ToArray();
        this.patience = patience;
        this.cooldown = cooldown;
        this.eps = eps;
        this.mode = mode;
        this.threshold = threshold;
        this.threshold_mode = threshold_mode;
        InitIsBetter();
        Reset();
        last_lr = optimizer.param_groups.Select(g => g.lr).ToArray();
    }

    /// <summary>The optimiser whose learning rates are reduced.</summary>
    public Optimizer optimizer { get; }

    /// <summary>Multiplicative factor of a reduction.</summary>
    public double factor { get; private set; }

    /// <summary>Per-group lower bounds of the lr (may be changed).</summary>
    public double[] min_lrs { get; private set; }

    /// <summary>Epochs without improvement tolerated before a reduction.</summary>
    public int patience { get; private set; }

    /// <summary>Epochs after a reduction during which bad epochs are ignored.</summary>
    public int cooldown { get; private set; }

    /// <summary>Remaining cooldown epochs.</summary>
    public int cooldown_counter { get; private set; }

    /// <summary><c>min</c> or <c>max</c>.</summary>
    public string mode { get; private set; }

    /// <summary>Minimal improvement that counts.</summary>
    public double threshold { get; private set; }

    /// <summary><c>rel</c> or <c>abs</c>.</summary>
    public string threshold_mode { get; private set; }

    /// <summary>The best metric seen (±∞ before the first step).</summary>
    public double best { get; private set; }

    /// <summary>Consecutive epochs without improvement.</summary>
    public int num_bad_epochs { get; private set; }

    /// <summary>Reductions smaller than this are skipped.</summary>
    public double eps { get; private set; }

    /// <summary>The number of steps taken.</summary>
    public int last_epoch { get; private set; }

    /// <summary>Whether the scheduler is cooling down after a reduction.</summary>
    public bool in_cooldown => cooldown_counter > 0;

    private double mode_worse;

    /// <summary>Records one epoch's metric and reduces the learning rates if it has stopped improving.</summary>
    public void step(double metrics)
    {
        var current = metrics;
        var epoch = last_epoch + 1;
        last_epoch = epoch;
        if (is_better(current, best))
        {
            best = current;
            num_bad_epochs = 0;
        }
        else
        {
            num_bad_epochs++;
        }

        if (in_cooldown)
        {
            cooldown_counter--;
            num_bad_epochs = 0;
        }

        if (num_bad_epochs > patience)
        {
            ReduceLr();
            cooldown_counter = cooldown;
            num_bad_epochs = 0;
        }

        last_lr = optimizer.param_groups.Select(g => g.lr).ToArray();
    }

    /// <summary>Records one epoch's metric given as a one-element tensor.</summary>
    public void step(Tensor metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        step(metrics.item<double>());
    }

    /// <summary>The learning rates after the last step, one per group.</summary>
    public double[] get_last_lr() => (double[])last_lr.Clone();

    /// <summary>Whether <paramref name="a"/> improves on <paramref name="best"/> by more than the threshold.</summary>
    public bool is_better(double a, double best) => (mode, threshold_mode) switch
    {
        ("min", "rel") => a < best * (1.0 - threshold),
        ("min", _) => a < best - threshold,
        ("max", "rel") => a > best * (threshold + 1.0),
        _ => a > best + threshold,
    };

    /// <summary>The scheduler's state as strings, e.g. for safetensors metadata.</summary>
    public Dictionary<string, string> state_dict() => new()
    {
        ["scheduler"] = nameof(ReduceLROnPlateau),
        ["factor"] = LRScheduler.Num(factor),
        ["min_lrs"] = LRScheduler.Nums(min_lrs),
        ["patience"] = LRScheduler.Num(patience),
        ["cooldown"] = LRScheduler.Num(cooldown),
        ["cooldown_counter"] = LRScheduler.Num(cooldown_counter),
        ["mode"] = mode,
        ["threshold"] = LRScheduler.Num(threshold),
        ["threshold_mode"] = threshold_mode,
        ["best"] = LRScheduler.Num(best),
        ["num_bad_epochs"] = LRScheduler.Num(num_bad_epochs),
        ["eps"] = LRScheduler.Num(eps),
        ["last_epoch"] = LRScheduler.Num(last_epoch),
        ["_last_lr"] = LRScheduler.Nums(last_lr),
    };

    /// <summary>Restores a state written by <see cref="state_dict"/>.</summary>
    public void load_state_dict(IReadOnlyDictionary<string, string> state_dict)
    {
        ArgumentNullException.ThrowIfNull(state_dict);
        if (!state_dict.TryGetValue("scheduler", out var type) || type != nameof(ReduceLROnPlateau))
        {
            throw new ArgumentException($"state dict is for scheduler '{type ?? "(none)"}', not {nameof(ReduceLROnPlateau)}");
        }

        factor = LRScheduler.ParseDouble(state_dict["factor"]);
        min_lrs = LRScheduler.ParseNums(state_dict["min_lrs"]);
        patience = LRScheduler.ParseInt(state_dict["patience"]);
        cooldown = LRScheduler.ParseInt(state_dict["cooldown"]);
        cooldown_counter = LRScheduler.ParseInt(state_dict["cooldown_counter"]);
        mode = state_dict["mode"];
        threshold = LRScheduler.ParseDouble(state_dict["threshold"]);
        threshold_mode = state_dict["threshold_mode"];
        best = LRScheduler.ParseDouble(state_dict["best"]);
        num_bad_epochs = LRScheduler.ParseInt(state_dict["num_bad_epochs"]);
        eps = LRScheduler.ParseDouble(state_dict["eps"]);
        last_epoch = LRScheduler.ParseInt(state_dict["last_epoch"]);
        last_lr = LRScheduler.ParseNums(state_dict["_last_lr"]);
        InitIsBetter();
    }

    private void ReduceLr()
    {
        var groups = optimizer.param_groups;
        for (var i = 0; i < groups.Count; i++)
        {
            var old_lr = groups[i].lr;
            var new_lr = Math.Max(old_lr * factor, min_lrs[i]);
            if (old_lr - new_lr > eps)
            {
                groups[i].lr = new_lr;
            }
        }
    }

    private void Reset()
    {
        best = mode_worse;
        cooldown_counter = 0;
        num_bad_epochs = 0;
    }

    private void InitIsBetter()
    {
        if (mode is not ("min" or "max"))
        {
            throw new ArgumentException($"mode {mode} is unknown!");
        }

        if (threshold_mode is not ("rel" or "abs"))
        {
            throw new ArgumentException($"threshold mode {threshold_mode} is unknown!");
        }

        mode_worse = mode == "min" ? double.PositiveInfinity : double.NegativeInfinity;
    }
}
