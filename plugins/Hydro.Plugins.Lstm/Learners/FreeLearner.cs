using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Lstm.Learners;

/// <summary>
/// No network: one free parameter set per training basin, fitted by gradient descent — classic calibration of a
/// differentiable model, one basin or many at once, each with its own parameters. Static parameters only; it cannot
/// predict a basin it was not trained on.
/// </summary>
/// <remarks>
/// A table <c>raw</c> [N, P·nmul] (N training basins in ordinal order of their ids) → rows of <c>Batch.Basins</c> →
/// sigmoid → [B, 1, P, nmul], scaled and repeated over T. The basins come from
/// <see cref="ComponentContext.Basins"/>, which the host sets to the training period's basins.
/// </remarks>
[Component("free", typeof(FreeLearnerOptions), Summary = "One free parameter set per training basin, no network: gradient-descent calibration of each basin's static parameters.")]
public sealed class FreeLearner : ParameterLearnerBase<FreeLearnerOptions>
{
    private readonly nn.Parameter raw;
    private readonly Dictionary<string, long> rows;
    private readonly string[] basins;

    /// <summary>Creates the table on the context's device.</summary>
    /// <exception cref="ArgumentException">No basins in the context, options out of range, or dynamic parameters requested.</exception>
    public FreeLearner(FreeLearnerOptions options, ComponentContext context)
        : base("free learner", options, context)
    {
        if (options.InitialSpread is < 0 or > 10 || double.IsNaN(options.InitialSpread))
        {
            throw new ArgumentException($"free learner: initial_spread must be in 0..10, got {options.InitialSpread}", nameof(options));
        }

        if (context.Basins is not { Count: > 0 } known)
        {
            throw new ArgumentException("free learner: needs the list of training basins (ComponentContext.Basins), which the training host sets; none was given", nameof(context));
        }

        RequireStatic("the free learner holds one fixed value per basin");
        basins = [.. known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        rows = basins.Select((b, i) => (b, (long)i)).ToDictionary(x => x.b, x => x.Item2, StringComparer.Ordinal);
        using (var values = torch.empty([basins.Length, Outputs]))
        {
            nn.init.uniform_(values, -options.InitialSpread, options.InitialSpread, context.Generator);
            raw = new nn.Parameter(values);
        }

        register_parameter(nameof(raw), raw);
        to(context.Device);
    }

    /// <summary>The basins with parameters, in row order.</summary>
    public IReadOnlyList<string> Basins => basins;

    /// <inheritdoc/>
    protected override Tensor ForwardCore(Batch batch)
    {
        var index = new long[batch.Basins.Count];
        for (var i = 0; i < index.Length; i++)
        {
            if (!rows.TryGetValue(batch.Basins[i], out index[i]))
            {
                var known = basins.Length <= 6 ? string.Join(", ", basins) : $"{string.Join(", ", basins.Take(3))} … {basins[^1]}";
                throw new ArgumentException($"free learner: basin '{batch.Basins[i]}' has no parameters; it holds the {basins.Length} training basins ({known}). A per-basin calibration cannot predict other basins: train on this basin, or use the lstm or mlp learner to regionalise");
            }
        }

        using var scope = torch.NewDisposeScope();
        var selected = raw.index_select(0, torch.tensor(index, device: raw.device)).sigmoid();
        return selected.reshape(batch.Size, 1, Request.Parameters.Count, Request.Components).MoveToOuterDisposeScope();
    }
}
