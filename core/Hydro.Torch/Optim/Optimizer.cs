using System.Globalization;
using System.Text.Json;
using Hydro.Torch.Native;

namespace Hydro.Torch.Optim;

/// <summary>
/// Base of the optimisers: parameter groups, per-parameter state, zero_grad and state_dict.
/// The state tensors belong to the optimiser (never to a dispose scope) and are freed by <see cref="Dispose()"/>.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly List<ParamGroup> groups = [];
    private readonly List<ParamState> states = [];
    private readonly HashSet<Tensor> seen = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    /// <summary>Creates an optimiser over the given groups; groups lacking lr or options take the defaults.</summary>
    private protected Optimizer(IEnumerable<ParamGroup> param_groups, double lr, OptimizerOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(param_groups);
        ArgumentNullException.ThrowIfNull(defaults);
        CheckLr(lr);
        defaults.Validate();
        default_lr = lr;
        this.defaults = defaults;
        foreach (var g in param_groups)
        {
            add_param_group(g);
        }

        if (groups.Sum(g => g.@params.Count) == 0)
        {
            throw new ArgumentException("optimizer got an empty parameter list");
        }
    }

    /// <summary>The parameter groups, in order; their lr and options may be changed between steps.</summary>
    public IReadOnlyList<ParamGroup> param_groups => groups;

    /// <summary>The hyper-parameters that groups without their own options were given.</summary>
    public OptimizerOptions defaults { get; }

    /// <summary>The learning rate that groups without their own lr were given.</summary>
    public double default_lr { get; }

    /// <summary>Names of the per-parameter state tensors (e.g. exp_avg), in slot order.</summary>
    private protected abstract string[] StateNames { get; }

    /// <summary>Whether each parameter keeps a step count (Adam's "step").</summary>
    private protected virtual bool HasStepCount => false;

    /// <summary>Adds a group of parameters (e.g. layers to be unfrozen) with its own lr and options.</summary>
    public void add_param_group(ParamGroup param_group)
    {
        ArgumentNullException.ThrowIfNull(param_group);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (param_group.options is null)
        {
            param_group.options = defaults.Clone();
        }
        else if (param_group.options.GetType() != defaults.GetType())
        {
            throw new ArgumentException($"{GetType().Name} needs {defaults.GetType().Name}, got {param_group.options.GetType().Name}");
        }

        param_group.lr = param_group.LrOrNull ?? default_lr;
        CheckLr(param_group.lr);
        param_group.options.Validate();
        foreach (var p in param_group.@params)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(param_group));
            if (!p.is_leaf)
            {
                throw new ArgumentException("can't optimize a non-leaf Tensor");
            }

            if (!seen.Add(p))
            {
                throw new ArgumentException("some parameters appear in more than one parameter group");
            }
        }

        foreach (var _ in param_group.@params)
        {
            states.Add(new ParamState(StateNames.Length));
        }

        groups.Add(param_group);
    }

    /// <summary>Resets the gradients of all parameters: drops them (default) or sets them to zero.</summary>
    public void zero_grad(bool set_to_none = true)
    {
        foreach (var g in groups)
        {
            foreach (var p in g.@params)
            {
                p.zero_grad(set_to_none);
            }
        }
    }

    /// <summary>Updates the parameters from their gradients (parameters without a gradient are skipped).</summary>
    public abstract void step();

    /// <summary>Re-evaluates the loss with <paramref name="closure"/> (under grad mode), then steps; returns the loss.</summary>
    public Tensor step(Func<Tensor> closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        Tensor loss;
        using (torch.enable_grad())
        {
            loss = closure();
        }

        step();
        return loss;
    }

    /// <summary>
    /// The optimiser's state as tensors plus metadata, ready for <see cref="Serialization.SafeTensors.Save"/>:
    /// tensors <c>state.{i}.{name}</c> per parameter index i (over all groups, in order) and metadata
    /// <c>optimizer</c> (type name) and <c>param_groups</c> (JSON of the hyper-parameters). The tensors are new
    /// handles to the live state (owned by the current dispose scope), not copies.
    /// </summary>
    public OptimizerStateDict state_dict()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var tensors = new Dictionary<string, Tensor>();
        for (var i = 0; i < states.Count; i++)
        {
            var s = states[i];
            if (!s.Initialised)
            {
                continue;
            }

            for (var k = 0; k < StateNames.Length; k++)
            {
                if (NativeMethods.ht_optim_defined(s.Slots[k].Handle) != 0)
                {
                    tensors[Key(i, StateNames[k])] = s.Slots[k].alias();
                }
            }

            if (HasStepCount)
            {
                tensors[Key(i, "step")] = torch.tensor(s.Step, ScalarType.Float64);
            }
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            var first = 0;
            foreach (var g in groups)
            {
                g.WriteJson(w, first);
                first += g.@params.Count;
            }

            w.WriteEndArray();
        }

        var metadata = new Dictionary<string, string>
        {
            ["optimizer"] = GetType().Name,
            ["param_groups"] = System.Text.Encoding.UTF8.GetString(buffer.ToArray()),
        };
        return new OptimizerStateDict(tensors, metadata);
    }

    /// <summary>
    /// Restores hyper-parameters and state saved by <see cref="state_dict"/> from an optimiser of the same type over
    /// parameters of the same shapes; the state is copied (cast to each parameter's dtype and device). Tensors whose
    /// names do not start with <c>state.</c> (e.g. model parameters saved in the same file) are ignored.
    /// </summary>
    public void load_state_dict(OptimizerStateDict state_dict)
    {
        ArgumentNullException.ThrowIfNull(state_dict);
        ObjectDisposedException.ThrowIf(disposed, this);
        var meta = state_dict.Metadata;
        if (!meta.TryGetValue("optimizer", out var type) || type != GetType().Name)
        {
            throw new ArgumentException($"state dict is for optimizer '{type ?? "(none)"}', not {GetType().Name}");
        }

        if (!meta.TryGetValue("param_groups", out var json))
        {
            throw new ArgumentException("state dict lacks 'param_groups' metadata");
        }

        using var doc = JsonDocument.Parse(json);
        var saved = doc.RootElement;
        if (saved.GetArrayLength() != groups.Count)
        {
            throw new ArgumentException($"loaded state dict has {saved.GetArrayLength()} parameter groups, the optimizer {groups.Count}");
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var n = saved[g].GetProperty("params").GetArrayLength();
            if (n != groups[g].@params.Count)
            {
                throw new ArgumentException($"loaded state dict contains a parameter group ({g}) of {n} parameters that doesn't match the size of optimizer's group ({groups[g].@params.Count})");
            }
        }

        var parameters = groups.SelectMany(g => g.@params).ToList();
        var loaded = new ParamState[states.Count];
        try
        {
            foreach (var (key, value) in state_dict.Tensors)
            {
                if (!key.StartsWith("state.", StringComparison.Ordinal))
                {
                    continue;
                }

                var (i, name) = ParseKey(key, parameters.Count);
                loaded[i] ??= new ParamState(StateNames.Length);
                var p = parameters[i];
                if (name == "step" && HasStepCount)
                {
                    loaded[i].Step = value.item<double>();
                    continue;
                }

                var k = Array.IndexOf(StateNames, name);
                if (k < 0)
                {
                    throw new ArgumentException($"unknown state '{key}' for {GetType().Name}");
                }

                if (!value.shape.SequenceEqual(p.shape))
                {
                    throw new ArgumentException($"state '{key}' has shape [{string.Join(", ", value.shape)}], parameter {i} has [{string.Join(", ", p.shape)}]");
                }

                var dtype = p.dtype.IsFloatingPoint() ? p.dtype : value.dtype;
                loaded[i].Slots[k].Dispose();
                loaded[i].Slots[k] = value.detach().to(p.device, dtype, copy: true).DetachFromDisposeScope();
            }
        }
        catch
        {
            foreach (var s in loaded)
            {
                s?.Dispose();
            }

            throw;
        }

        for (var g = 0; g < groups.Count; g++)
        {
            groups[g].ReadJson(saved[g]);
        }

        for (var i = 0; i < states.Count; i++)
        {
            states[i].Dispose();
            states[i] = loaded[i] ?? new ParamState(StateNames.Length);
        }
    }

    /// <summary>Frees the optimiser's state tensors (not the parameters).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the state tensors.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (disposing)
        {
            foreach (var s in states)
            {
                s.Dispose();
            }
        }
    }

    /// <summary>
    /// Native pointers of one group's parameters, of each state slot, and the step counts, for one native step call;
    /// <see cref="EndStep"/> stores the updated step counts back.
    /// </summary>
    private protected GroupPointers BeginStep(int group)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var first = 0;
        for (var g = 0; g < group; g++)
        {
            first += groups[g].@params.Count;
        }

        var ps = groups[group].@params;
        var n = ps.Count;
        var result = new GroupPointers(first, Tensor.Pointers(ps.ToArray()), new IntPtr[StateNames.Length][], new double[n]);
        for (var k = 0; k < StateNames.Length; k++)
        {
            result.Slots[k] = new IntPtr[n];
        }

        for (var i = 0; i < n; i++)
        {
            var s = states[first + i];
            for (var k = 0; k < StateNames.Length; k++)
            {
                result.Slots[k][i] = s.Slots[k].Handle.DangerousGetHandle();
            }

            result.Steps[i] = s.Step;
        }

        return result;
    }

    private protected void EndStep(GroupPointers pointers)
    {
        for (var i = 0; i < pointers.Steps.Length; i++)
        {
            states[pointers.First + i].Step = pointers.Steps[i];
        }

        GC.KeepAlive(states);
    }

    private static void CheckLr(double lr)
    {
        if (!(lr >= 0))
        {
            throw new ArgumentException($"Invalid learning rate: {lr}");
        }
    }

    private static string Key(int index, string name) => string.Create(CultureInfo.InvariantCulture, $"state.{index}.{name}");

    private static (int Index, string Name) ParseKey(string key, int count)
    {
        var parts = key.Split('.', 3);
        if (parts.Length != 3 || parts[0] != "state" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var i))
        {
            throw new ArgumentException($"unexpected optimizer state key '{key}' (expected state.<index>.<name>)");
        }

        if (i >= count)
        {
            throw new ArgumentException($"state '{key}' refers to parameter {i}, the optimizer has {count}");
        }

        return (i, parts[2]);
    }

    /// <summary>One native step call's arguments for a group (see <see cref="BeginStep"/>).</summary>
    private protected sealed record GroupPointers(int First, IntPtr[] Params, IntPtr[][] Slots, double[] Steps);

    /// <summary>Per-parameter state: slots start as undefined tensors that the native step fills in place.</summary>
    private sealed class ParamState : IDisposable
    {
        internal ParamState(int slots)
        {
            Slots = new Tensor[slots];
            for (var k = 0; k < slots; k++)
            {
                Slots[k] = Tensor.From(NativeMethods.ht_optim_undefined()).DetachFromDisposeScope();
            }
        }

        internal Tensor[] Slots { get; }

        internal double Step { get; set; }

        /// <summary>Whether the parameter has had a step (its first slot is defined).</summary>
        internal bool Initialised => Slots.Length > 0 && Slots.Any(s => NativeMethods.ht_optim_defined(s.Handle) != 0);

        public void Dispose()
        {
            foreach (var s in Slots)
            {
                s.Dispose();
            }
        }
    }
}
