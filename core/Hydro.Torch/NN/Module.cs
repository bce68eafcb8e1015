using Hydro.Torch.Native;

namespace Hydro.Torch;

/// <summary>Neural-network building blocks: modules, layers, <see cref="functional"/> and <see cref="init"/> (torch.nn).</summary>
public static partial class nn
{
    /// <summary>
    /// Base of every layer and model (torch.nn.Module): a tree of registered parameters, buffers and submodules with
    /// PyTorch's dotted names, train/eval mode, device and dtype moves, and state dicts that load to and from PyTorch.
    /// </summary>
    /// <remarks>
    /// Unlike Python, members are not discovered by assignment: call <see cref="register_parameter"/>,
    /// <see cref="register_buffer"/> and <see cref="register_module"/> in the constructor. The module owns what is
    /// registered and disposes it with itself.
    /// </remarks>
    public abstract partial class Module : IDisposable
    {
        private readonly string name;
        private readonly OrderedDictionary<string, Tensor?> parameters_ = [];
        private readonly OrderedDictionary<string, Tensor?> buffers_ = [];
        private readonly HashSet<string> nonPersistent = [];
        private readonly OrderedDictionary<string, Module> modules_ = [];
        private bool disposed;

        /// <summary>Creates an empty module; <paramref name="name"/> appears in error messages.</summary>
        protected Module(string name) => this.name = name;

        /// <summary>The module's name, as given to its constructor.</summary>
        public string GetName() => name;

        /// <summary>True in training mode (the default), false after <see cref="eval"/>.</summary>
        public bool training { get; private set; } = true;

        // ---- registration ----------------------------------------------------------------------

        /// <summary>
        /// Adds a parameter (null: a declared but absent one, like a disabled bias). A plain tensor is taken over as
        /// is (it leaves its dispose scope); a <see cref="Parameter"/> is the usual choice.
        /// </summary>
        public void register_parameter(string name, Tensor? param)
        {
            CheckName(name, parameters_);
            param?.DetachFromDisposeScope();
            parameters_[name] = param;
        }

        /// <summary>Adds a buffer: state that is not trained but moves with the module and, if persistent, is saved.</summary>
        public void register_buffer(string name, Tensor? tensor, bool persistent = true)
        {
            CheckName(name, buffers_);
            tensor?.DetachFromDisposeScope();
            buffers_[name] = tensor;
            if (persistent)
            {
                nonPersistent.Remove(name);
            }
            else
            {
                nonPersistent.Add(name);
            }
        }

        /// <summary>Adds a submodule; its members appear under <c>name.</c> in the dotted names.</summary>
        public void register_module(string name, Module module)
        {
            ArgumentNullException.ThrowIfNull(module);
            CheckName(name, modules_);
            modules_[name] = module;
        }

        private void CheckName<T>(string name, OrderedDictionary<string, T> own)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            if (name.Contains('.', StringComparison.Ordinal))
            {
                throw new ArgumentException($"{GetName()}: member name can't contain \".\", got '{name}'", nameof(name));
            }

            var taken = (parameters_.ContainsKey(name) && !ReferenceEquals(own, parameters_))
                || (buffers_.ContainsKey(name) && !ReferenceEquals(own, buffers_))
                || (modules_.ContainsKey(name) && !ReferenceEquals(own, modules_));
            if (taken)
            {
                throw new ArgumentException($"{GetName()}: attribute '{name}' already exists", nameof(name));
            }
        }

        /// <summary>The parameter registered under a (dotted) name, or null when absent.</summary>
        public Tensor? get_parameter(string target)
        {
            var (owner, leaf) = Resolve(target);
            return owner is not null && owner.parameters_.TryGetValue(leaf, out var p) ? p : null;
        }

        /// <summary>The buffer registered under a (dotted) name, or null when absent.</summary>
        public Tensor? get_buffer(string target)
        {
            var (owner, leaf) = Resolve(target);
            return owner is not null && owner.buffers_.TryGetValue(leaf, out var b) ? b : null;
        }

        /// <summary>The submodule under a (dotted) name, or null when absent.</summary>
        public Module? get_submodule(string target)
        {
            ArgumentNullException.ThrowIfNull(target);
            Module? m = this;
            foreach (var part in target.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                m = m is not null && m.modules_.TryGetValue(part, out var child) ? child : null;
            }

            return m;
        }

        private (Module? Owner, string Leaf) Resolve(string target)
        {
            ArgumentNullException.ThrowIfNull(target);
            var dot = target.LastIndexOf('.');
            return dot < 0 ? (this, target) : (get_submodule(target[..dot]), target[(dot + 1)..]);
        }

        // ---- traversal -------------------------------------------------------------------------

        /// <summary>This module and every submodule, pre-order, with dotted names ("" for this one); each once.</summary>
        public IEnumerable<(string name, Module module)> named_modules()
        {
            var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
            return NamedModules(string.Empty, seen);
        }

        private IEnumerable<(string name, Module module)> NamedModules(string prefix, HashSet<Module> seen)
        {
            if (!seen.Add(this))
            {
                yield break;
            }

            yield return (prefix, this);
            foreach (var (key, child) in modules_)
            {
                foreach (var item in child.NamedModules(Join(prefix, key), seen))
                {
                    yield return item;
                }
            }
        }

        /// <summary>This module and every submodule, pre-order.</summary>
        public IEnumerable<Module> modules() => named_modules().Select(m => m.module);

        /// <summary>The direct submodules with their names.</summary>
        public IEnumerable<(string name, Module module)> named_children()
        {
            var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
            foreach (var (key, child) in modules_)
            {
                if (seen.Add(child))
                {
                    yield return (key, child);
                }
            }
        }

        /// <summary>The direct submodules.</summary>
        public IEnumerable<Module> children() => named_children().Select(m => m.module);

        /// <summary>Parameters with dotted names (e.g. <c>lstm.weight_ih_l0</c>) in PyTorch's order, each once.</summary>
        public IEnumerable<(string name, Tensor parameter)> named_parameters(bool recurse = true) =>
            NamedMembers(m => m.parameters_, recurse);

        /// <summary>Parameters (each once), for an optimiser.</summary>
        public IEnumerable<Tensor> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

        /// <summary>Buffers with dotted names, each once.</summary>
        public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true) =>
            NamedMembers(m => m.buffers_, recurse);

        /// <summary>Buffers, each once.</summary>
        public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(b => b.buffer);

        private IEnumerable<(string, Tensor)> NamedMembers(Func<Module, OrderedDictionary<string, Tensor?>> members, bool recurse)
        {
            var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
            IEnumerable<(string name, Module module)> owners = recurse ? named_modules() : [(string.Empty, this)];
            foreach (var (prefix, module) in owners)
            {
                foreach (var (key, t) in members(module))
                {
                    if (t is not null && seen.Add(t))
                    {
                        yield return (Join(prefix, key), t);
                    }
                }
            }
        }

        private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

        // ---- modes and gradients ---------------------------------------------------------------

        /// <summary>Sets training mode (or eval mode with false) on this module and every submodule.</summary>
        public Module train(bool mode = true)
        {
            foreach (var m in modules())
            {
                m.training = mode;
            }

            return this;
        }

        /// <summary>Sets evaluation mode: dropout off.</summary>
        public Module eval() => train(false);

        /// <summary>Drops (or zeroes) the gradients of every parameter.</summary>
        public void zero_grad(bool set_to_none = true)
        {
            foreach (var p in parameters())
            {
                p.zero_grad(set_to_none);
            }
        }

        /// <summary>Switches gradient recording of every parameter on or off.</summary>
        public Module requires_grad_(bool requires_grad = true)
        {
            foreach (var p in parameters())
            {
                p.requires_grad = requires_grad;
            }

            return this;
        }

        // ---- devices and element types ---------------------------------------------------------

        /// <summary>
        /// Moves every parameter, gradient and buffer to a device and/or converts the floating-point ones to a dtype, in
        /// place: the parameter objects stay the same, so an optimiser holding them keeps working.
        /// </summary>
        public Module to(Device? device, ScalarType? dtype = null)
        {
            using var scope = torch.NewDisposeScope();
            foreach (var t in parameters().Concat(buffers()))
            {
                Convert(t, device, dtype);
                var g = t.grad;
                if (g is not null)
                {
                    Convert(g, device, dtype);
                }
            }

            return this;
        }

        /// <summary>Converts every floating-point parameter and buffer to <paramref name="dtype"/>, in place.</summary>
        public Module to(ScalarType dtype) => to(null, dtype);

        /// <summary>Moves to a device given as text (<c>cpu</c>, <c>cuda:0</c>).</summary>
        public Module to(string device) => to(Device.Parse(device));

        /// <summary>Moves to the host.</summary>
        public Module cpu() => to(Device.CPU);

        /// <summary>Moves to a CUDA device.</summary>
        public Module cuda(int index = -1) => to(new Device(DeviceType.CUDA, index));

        private static void Convert(Tensor t, Device? device, ScalarType? dtype)
        {
            var type = dtype is { } d && t.dtype.IsFloatingPoint() ? d : t.dtype;
            var target = device ?? t.device;
            if (type == t.dtype && target == t.device)
            {
                return;
            }

            var converted = t.to(target, type);
            NativeMethods.Check(NativeMethods.ht_nn_set_data(t.Handle, converted.Handle));
        }

        // ---- disposal --------------------------------------------------------------------------

        /// <summary>Disposes every registered parameter, buffer and submodule.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Disposes the registered members; override to release more, calling the base.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (disposed || !disposing)
            {
                return;
            }

            disposed = true;
            foreach (var child in modules_.Values)
            {
                child.Dispose();
            }

            foreach (var t in parameters_.Values.Concat(buffers_.Values))
            {
                t?.Dispose();
            }
        }
    }

    /// <summary>A module with one input: implement <see cref="forward"/>, call it through <see cref="call"/>.</summary>
    public abstract class Module<TIn, TOut> : Module
    {
        /// <summary>Creates an empty module.</summary>
        protected Module(string name)
            : base(name)
        {
        }

        /// <summary>The computation.</summary>
        public abstract TOut forward(TIn input);

        /// <summary>Runs <see cref="forward"/> (the place for hooks later).</summary>
        public TOut call(TIn input) => forward(input);
    }

    /// <summary>A module with two inputs.</summary>
    public abstract class Module<T1, T2, TOut> : Module
    {
        /// <summary>Creates an empty module.</summary>
        protected Module(string name)
            : base(name)
        {
        }

        /// <summary>The computation.</summary>
        public abstract TOut forward(T1 input1, T2 input2);

        /// <summary>Runs <see cref="forward"/>.</summary>
        public TOut call(T1 input1, T2 input2) => forward(input1, input2);
    }
}
