using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Core.Analysis;

/// <summary>
/// The method of Morris as Kratzert et al. (2019, eq. 14–15) apply it to a neural network: the exact derivative of the
/// prediction at each step with respect to each standardised static input, averaged in absolute value per basin over
/// the steps of a period. Add the batches of a period one by one, then read <see cref="Result"/>.
/// </summary>
/// <remarks>
/// <c>EE_i(b, t) = ∂ŷ(b, t) / ∂x_s,i(b)</c>; the per-basin sensitivity is <c>mean_t |EE_i(b, t)|</c> over the scored steps
/// of all windows of basin b. The statics of a batch become a leaf that requires grad and each scored step t is one
/// backward pass of <c>Σ_b ŷ(b, t)</c>: rows of a batch must not depend on each other (true of every backbone here),
/// so row b of the gradient is ∂ŷ(b, t)/∂x_s(b). The cost is one forward pass and one backward pass per scored step:
/// window the period so that few steps per window are scored (e.g. <c>predict_last_n</c> = 1, the paper's
/// sequence-to-one set-up, or tiled windows with a long scored tail). Gradients are taken in the model's current mode
/// (call <c>eval()</c> first) and with autograd on, even inside <c>torch.no_grad()</c>.
/// </remarks>
public sealed class MorrisSensitivity
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> basins = [];
    private readonly List<double[]> sums = [];
    private readonly List<long> steps = [];

    /// <summary>Starts an empty accumulation over the static inputs <paramref name="features"/> (the order of the statics' last axis).</summary>
    public MorrisSensitivity(IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            throw new ArgumentException("sensitivity needs at least one static input", nameof(features));
        }

        Features = features;
    }

    /// <summary>Names of the static inputs.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>Adds the gradients of one batch of a plain function of the statics.</summary>
    /// <param name="model">Maps statics [B, S] to predictions [B, T, K] (or [B, T]); everything else it needs is captured.</param>
    /// <param name="statics">Standardised static inputs [B, S] (not modified).</param>
    /// <param name="rowBasins">The basin of each row, length B; rows of the same basin (several windows) are pooled.</param>
    /// <param name="firstStep">First scored step of each window (earlier steps are warm-up), 0 ≤ firstStep &lt; T.</param>
    /// <param name="target">Which target (last axis of a [B, T, K] prediction).</param>
    public void Add(Func<Tensor, Tensor> model, Tensor statics, IReadOnlyList<string> rowBasins, int firstStep = 0, int target = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(statics);
        ArgumentNullException.ThrowIfNull(rowBasins);
        Shapes.Require(statics, "statics", rowBasins.Count, Features.Count);
        using var scope = torch.NewDisposeScope();
        using var grad = torch.enable_grad();
        var x = statics.detach().clone().requires_grad_();
        var y = Select(model(x), target);
        if (!y.requires_grad)
        {
            throw new ArgumentException("the prediction does not depend on the static inputs (no gradient reaches them); is the model built with these statics?", nameof(model));
        }

        var count = y.size(1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstStep);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(firstStep, count);
        var total = torch.zeros([rowBasins.Count, Features.Count], ScalarType.Float64, statics.device);
        for (var t = firstStep; t < count; t++)
        {
            x.grad = null;
            y.select(1, t).sum().backward(retain_graph: t < count - 1);
            total += x.grad!.abs().to(ScalarType.Float64);
        }

        Accumulate(total.data<double>(), rowBasins, count - firstStep);
    }

    /// <summary>
    /// Adds the gradients of one batch of a backbone (fed by <paramref name="learner"/> when it takes physical
    /// parameters). The model's own parameters are not differentiated (their <c>requires_grad</c> is restored after).
    /// </summary>
    /// <param name="backbone">The trained backbone.</param>
    /// <param name="batch">A batch with standardised statics.</param>
    /// <param name="firstStep">First scored step of each window.</param>
    /// <param name="target">Which target.</param>
    /// <param name="learner">The parameter learner of a process backbone, or null.</param>
    public void Add(IBackbone backbone, Batch batch, int firstStep = 0, int target = 0, IParameterLearner? learner = null)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(batch);
        var statics = batch.Static ?? throw new ArgumentException("the batch has no static inputs to differentiate", nameof(batch));
        var frozen = Freeze(backbone.Network, learner?.Network);
        try
        {
            Add(s =>
            {
                var b = WithStatics(batch, s);
                var parameters = learner?.Forward(b, backbone.Parameters ?? throw new ArgumentException("a learner is given but the backbone takes no parameters", nameof(learner)));
                return backbone.Forward(b, parameters).Prediction;
            }, statics, batch.Basins, firstStep, target);
        }
        finally
        {
            foreach (var (p, requires) in frozen)
            {
                p.requires_grad = requires;
            }
        }
    }

    /// <summary>The per-basin mean absolute gradients so far, basins in the order first seen.</summary>
    public StaticSensitivity Result()
    {
        var values = new double[basins.Count, Features.Count];
        for (var b = 0; b < basins.Count; b++)
        {
            for (var i = 0; i < Features.Count; i++)
            {
                values[b, i] = sums[b][i] / steps[b];
            }
        }

        return new StaticSensitivity([.. basins], Features, values, [.. steps]);
    }

    private static Tensor Select(Tensor prediction, int target) => prediction.dim() switch
    {
        2 => prediction,
        3 => prediction.select(2, target),
        _ => throw new ArgumentException($"the model's prediction must be [B, T, K] or [B, T], got [{string.Join(", ", prediction.shape)}]", nameof(prediction)),
    };

    private void Accumulate(double[] total, IReadOnlyList<string> rowBasins, long scored)
    {
        var s = Features.Count;
        for (var row = 0; row < rowBasins.Count; row++)
        {
            if (!index.TryGetValue(rowBasins[row], out var b))
            {
                b = basins.Count;
                index[rowBasins[row]] = b;
                basins.Add(rowBasins[row]);
                sums.Add(new double[s]);
                steps.Add(0);
            }

            for (var i = 0; i < s; i++)
            {
                sums[b][i] += total[(row * s) + i];
            }

            steps[b] += scored;
        }
    }

    private static List<(Tensor Parameter, bool RequiresGrad)> Freeze(params nn.Module?[] modules)
    {
        var frozen = new List<(Tensor, bool)>();
        foreach (var p in modules.Where(m => m is not null).SelectMany(m => m!.parameters()))
        {
            frozen.Add((p, p.requires_grad));
            p.requires_grad = false;
        }

        return frozen;
    }

    internal static Batch WithStatics(Batch batch, Tensor statics) => new()
    {
        Dynamic = batch.Dynamic,
        DynamicPhysical = batch.DynamicPhysical,
        Static = statics,
        Target = batch.Target,
        TargetMask = batch.TargetMask,
        Gridded = batch.Gridded,
        Basins = batch.Basins,
        Statistics = batch.Statistics,
        DynamicNames = batch.DynamicNames,
        StaticNames = batch.StaticNames,
        TargetNames = batch.TargetNames,
    };
}
