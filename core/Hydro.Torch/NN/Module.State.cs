using Hydro.Torch.Native;

namespace Hydro.Torch;

public static partial class nn
{
    /// <summary>What <see cref="Module.load_state_dict"/> did not match (empty lists in strict mode).</summary>
    public sealed record LoadStateDictResult(IReadOnlyList<string> missing_keys, IReadOnlyList<string> unexpected_keys);

    public abstract partial class Module
    {
        /// <summary>
        /// Parameters and persistent buffers by dotted name, in PyTorch's order. The values are new handles sharing the
        /// module's data, cut off from autograd (owned by the current dispose scope, or by the caller).
        /// </summary>
        public Dictionary<string, Tensor> state_dict()
        {
            var result = new Dictionary<string, Tensor>();
            foreach (var (key, t) in StateEntries())
            {
                result[key] = t.detach();
            }

            return result;
        }

        /// <summary>
        /// Copies values from a state dict into the parameters and buffers (without recording autograd), converting
        /// dtype and device. Every key and shape is checked before anything is copied.
        /// </summary>
        /// <param name="state_dict">Values by dotted name, e.g. from <see cref="state_dict()"/> or a PyTorch checkpoint.</param>
        /// <param name="strict">Whether missing and unexpected keys are errors.</param>
        /// <exception cref="ArgumentException">Missing or unexpected keys (strict), or shape mismatches.</exception>
        public LoadStateDictResult load_state_dict(IReadOnlyDictionary<string, Tensor> state_dict, bool strict = true)
        {
            ArgumentNullException.ThrowIfNull(state_dict);
            var own = StateEntries().ToList();
            var ownKeys = own.Select(e => e.Key).ToHashSet();
            var missing = own.Where(e => !state_dict.ContainsKey(e.Key)).Select(e => e.Key).ToList();
            var unexpected = state_dict.Keys.Where(k => !ownKeys.Contains(k)).ToList();
            var errors = new List<string>();
            if (strict && unexpected.Count > 0)
            {
                errors.Add("Unexpected key(s) in state_dict: " + Quote(unexpected) + ".");
            }

            if (strict && missing.Count > 0)
            {
                errors.Add("Missing key(s) in state_dict: " + Quote(missing) + ".");
            }

            foreach (var (key, t) in own)
            {
                if (state_dict.TryGetValue(key, out var value) && !value.shape.SequenceEqual(t.shape))
                {
                    errors.Add($"size mismatch for {key}: copying a param with shape [{string.Join(", ", value.shape)}] "
                        + $"from checkpoint, the shape in current model is [{string.Join(", ", t.shape)}].");
                }
            }

            if (errors.Count > 0)
            {
                throw new ArgumentException($"Error(s) in loading state_dict for {GetName()}:\n\t" + string.Join("\n\t", errors));
            }

            foreach (var (key, t) in own)
            {
                if (state_dict.TryGetValue(key, out var value))
                {
                    NativeMethods.Check(NativeMethods.ht_nn_copy_(t.Handle, value.Handle));
                }
            }

            return new LoadStateDictResult(missing, unexpected);
        }

        private static string Quote(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => "\"" + k + "\""));

        // PyTorch's order: each module's parameters, then its persistent buffers, then its children (pre-order).
        private IEnumerable<KeyValuePair<string, Tensor>> StateEntries(string prefix = "")
        {
            foreach (var (key, p) in parameters_)
            {
                if (p is not null)
                {
                    yield return new(prefix + key, p);
                }
            }

            foreach (var (key, b) in buffers_)
            {
                if (b is not null && !nonPersistent.Contains(key))
                {
                    yield return new(prefix + key, b);
                }
            }

            foreach (var (key, child) in modules_)
            {
                foreach (var entry in child.StateEntries(prefix + key + "."))
                {
                    yield return entry;
                }
            }
        }
    }
}
