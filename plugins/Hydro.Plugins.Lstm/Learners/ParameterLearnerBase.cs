using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Lstm.Learners;

/// <summary>
/// What the learners of this plugin share: the parameter request taken from the context at construction, the check
/// that each call asks for the same parameters, the static-parameter rule and the scaling into physical ranges.
/// A learner only maps a batch to values in (0, 1).
/// </summary>
/// <remarks>
/// <para>Static parameters: one value per basin and window, the learner's value at the window's <b>last</b> step
/// (models.md §2), repeated over the window here, so that the parameters a learner returns are exactly those the
/// backbone uses and the evaluation's <c>parameters.csv</c> reports them. Dynamic parameters keep every step's value.</para>
/// <para>Scaling: <c>θ = min + u · (max − min)</c> per <see cref="ParameterSpec"/>, u ∈ (0, 1) from a sigmoid.</para>
/// </remarks>
/// <typeparam name="TOptions">The options class of the component.</typeparam>
public abstract class ParameterLearnerBase<TOptions> : nn.Module, IParameterLearner
    where TOptions : class
{
    private readonly double[] minimum;
    private readonly double[] span;
    private readonly bool[] dynamic;

    /// <summary>Keeps the options, context and request.</summary>
    /// <param name="key">The component's YAML key, for messages.</param>
    /// <param name="options">The bound options.</param>
    /// <param name="context">The context; <see cref="ComponentContext.Parameters"/> must be set.</param>
    /// <exception cref="ArgumentException">No request in the context, or an empty one.</exception>
    protected ParameterLearnerBase(string key, TOptions options, ComponentContext context)
        : base(typeof(TOptions).Name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        Key = key;
        Options = options;
        Context = context;
        Request = context.Parameters ?? throw new ArgumentException(
            $"{key}: built without a parameter request (ComponentContext.Parameters); the host builds a learner after its backbone and passes the backbone's request", nameof(context));
        if (Request.Parameters.Count == 0 || Request.Components < 1)
        {
            throw new ArgumentException($"{key}: the backbone asks for {Request.Parameters.Count} parameters × {Request.Components} components; a learner needs at least one of each", nameof(context));
        }

        minimum = [.. Request.Parameters.Select(p => p.Min)];
        span = [.. Request.Parameters.Select(p => p.Max - p.Min)];
        dynamic = [.. Request.Parameters.Select(p => p.Dynamic)];
    }

    /// <summary>The component's YAML key.</summary>
    public string Key { get; }

    /// <summary>The bound options.</summary>
    public TOptions Options { get; }

    /// <summary>The experiment's variables, device, generator and basins.</summary>
    public ComponentContext Context { get; }

    /// <summary>The parameters to produce.</summary>
    public ParameterRequest Request { get; }

    /// <summary>Values per basin and step the output layer must produce: parameters × components.</summary>
    protected int Outputs => Request.Parameters.Count * Request.Components;

    /// <inheritdoc/>
    nn.Module IParameterLearner.Network => this;

    /// <summary>Parameters [B, T, P, components] in physical units.</summary>
    /// <exception cref="ArgumentException"><paramref name="request"/> differs from the one the learner was built for.</exception>
    public Tensor Forward(Batch batch, ParameterRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Components != Request.Components || !request.Parameters.Select(p => (p.Name, p.Dynamic)).SequenceEqual(Request.Parameters.Select(p => (p.Name, p.Dynamic))))
        {
            throw new ArgumentException($"{Key}: built for {Describe(Request)} but asked for {Describe(request)}", nameof(request));
        }

        using var scope = torch.NewDisposeScope();
        var (b, t, p, c) = (batch.Size, batch.Steps, Request.Parameters.Count, Request.Components);
        var unit = ForwardCore(batch);
        Shapes.Require(unit, $"{Key} output", b, -1, p, c);
        if (unit.size(1) != 1 && unit.size(1) != t)
        {
            throw new ArgumentException($"{Key} output has {unit.size(1)} steps, expected 1 or {t}");
        }

        if (unit.size(1) == t && t > 1 && dynamic.Any(d => !d))
        {
            var last = unit.narrow(1, t - 1, 1);
            unit = dynamic.All(d => !d) ? last : torch.where(Mask(unit), unit, last);
        }

        var min = torch.tensor(minimum, [p, 1], unit.device).to(unit.dtype);
        var range = torch.tensor(span, [p, 1], unit.device).to(unit.dtype);
        return (min + (unit * range)).expand(b, t, p, c).MoveToOuterDisposeScope();
    }

    /// <summary>Values in (0, 1): [B, T, P, components], or [B, 1, P, components] for parameters constant over the window.</summary>
    protected abstract Tensor ForwardCore(Batch batch);

    /// <summary>Throws unless every requested parameter is static (for learners that see no time series).</summary>
    protected void RequireStatic(string why)
    {
        var dynamicNames = Request.Parameters.Where(p => p.Dynamic).Select(p => p.Name).ToList();
        if (dynamicNames.Count > 0)
        {
            throw new ArgumentException($"{Key}: the backbone wants dynamic parameters [{string.Join(", ", dynamicNames)}], but {why}; use the lstm learner or make them static (model.backbone.dynamic_parameters)");
        }
    }

    private Tensor Mask(Tensor like) => torch.tensor(dynamic, [dynamic.Length, 1], like.device);

    private static string Describe(ParameterRequest r) =>
        $"[{string.Join(", ", r.Parameters.Select(p => p.Dynamic ? p.Name + " (dynamic)" : p.Name))}] × {r.Components} components";
}
