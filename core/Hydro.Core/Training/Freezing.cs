using Hydro.Core.Experiments;
using Hydro.Core.Models;
using Hydro.Torch;

namespace Hydro.Core.Training;

/// <summary>
/// <c>training.freeze</c>: submodules, named by their state-dict prefix (<c>backbone</c>, <c>backbone.lstm</c>,
/// <c>learner</c> …), whose parameters get <c>requires_grad = false</c> and are left out of the optimiser, so they stay
/// bit-identical through training (e.g. a pre-trained LSTM body under a head that is fine-tuned).
/// </summary>
internal static class Freezing
{
    /// <summary>Every module path of the model: <c>backbone</c>, <c>backbone.&lt;submodule&gt;</c>…, <c>learner</c>….</summary>
    public static IReadOnlyList<string> ModulePaths(HydroModel model)
    {
        var paths = Paths(model.Backbone.Network, "backbone").ToList();
        if (model.Learner is { } learner)
        {
            paths.AddRange(Paths(learner.Network, "learner"));
        }

        return paths;
    }

    /// <summary>The names in <paramref name="freeze"/> that are not module paths of <paramref name="model"/>, each with a message.</summary>
    public static IReadOnlyList<(int Index, string Name, string Message, string? Suggestion)> Unknown(HydroModel model, IReadOnlyList<string>? freeze)
    {
        if (freeze is null)
        {
            return [];
        }

        var paths = ModulePaths(model);
        var result = new List<(int, string, string, string?)>();
        for (var i = 0; i < freeze.Count; i++)
        {
            var name = freeze[i];
            if (!paths.Contains(name, StringComparer.Ordinal))
            {
                result.Add((i, name, $"'{name}' is not a module of this model; its modules: {string.Join(", ", paths)}", Suggestions.Closest(name, paths)));
            }
        }

        return result;
    }

    /// <summary>
    /// Freezes the named modules and returns the parameters left to train (in the model's order).
    /// </summary>
    /// <exception cref="ModelException">An unknown module name, or nothing left to train.</exception>
    public static List<Tensor> Apply(HydroModel model, IReadOnlyList<string>? freeze)
    {
        if (freeze is not { Count: > 0 })
        {
            return model.Parameters();
        }

        if (Unknown(model, freeze) is { Count: > 0 } unknown)
        {
            throw new ModelException("training.freeze: " + string.Join("; ", unknown.Select(u => u.Message + (u.Suggestion is { } s ? $" (did you mean '{s}'?)" : ""))));
        }

        var trainable = new List<Tensor>();
        foreach (var (name, parameter) in NamedParameters(model))
        {
            if (freeze.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal)))
            {
                parameter.requires_grad = false;
            }
            else
            {
                trainable.Add(parameter);
            }
        }

        if (trainable.Count == 0)
        {
            throw new ModelException($"training.freeze ({string.Join(", ", freeze)}) freezes every parameter of the model: nothing is left to train");
        }

        return trainable;
    }

    private static IEnumerable<(string Name, Tensor Parameter)> NamedParameters(HydroModel model)
    {
        foreach (var (name, p) in model.Backbone.Network.named_parameters())
        {
            yield return (HydroModel.BackbonePrefix + name, p);
        }

        if (model.Learner is { } learner)
        {
            foreach (var (name, p) in learner.Network.named_parameters())
            {
                yield return (HydroModel.LearnerPrefix + name, p);
            }
        }
    }

    private static IEnumerable<string> Paths(nn.Module module, string root) =>
        module.named_modules().Select(m => m.name.Length == 0 ? root : $"{root}.{m.name}");
}
