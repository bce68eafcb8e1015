using System.Globalization;

namespace Hydro.Torch;

public static partial class nn
{
    /// <summary>Runs modules one after another (torch.nn.Sequential); they are registered as "0", "1", ….</summary>
    public sealed class Sequential : Module<Tensor, Tensor>
    {
        private readonly List<Module<Tensor, Tensor>> layers = [];

        /// <summary>Chains <paramref name="modules"/> in order.</summary>
        public Sequential(params Module<Tensor, Tensor>[] modules)
            : base(nameof(Sequential))
        {
            ArgumentNullException.ThrowIfNull(modules);
            foreach (var m in modules)
            {
                append(m);
            }
        }

        /// <summary>Number of modules.</summary>
        public int Count => layers.Count;

        /// <summary>The module at a position.</summary>
        public Module<Tensor, Tensor> this[int index] => layers[index];

        /// <summary>Adds a module at the end.</summary>
        public Sequential append(Module<Tensor, Tensor> module)
        {
            ArgumentNullException.ThrowIfNull(module);
            register_module(layers.Count.ToString(CultureInfo.InvariantCulture), module);
            layers.Add(module);
            return this;
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (layers.Count == 0)
            {
                return input.alias();
            }

            var x = input;
            foreach (var m in layers)
            {
                var y = m.call(x);
                if (!ReferenceEquals(x, input) && !ReferenceEquals(x, y))
                {
                    x.Dispose();
                }

                x = y;
            }

            return x;
        }
    }
}
