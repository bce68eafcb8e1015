using System.Globalization;
using System.Text.Json;

namespace Hydro.Torch.Optim;

/// <summary>Parameters optimised with the same learning rate and hyper-parameters (PyTorch's param_groups entry).</summary>
public sealed class ParamGroup
{
    /// <summary>A group of parameters; a null lr or options takes the optimiser's defaults.</summary>
    public ParamGroup(IEnumerable<Tensor> parameters, double? lr = null, OptimizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        @params = parameters.ToList().AsReadOnly();
        LrOrNull = lr;
        this.options = options!;
    }

    /// <summary>The parameters of this group (leaf tensors with requires_grad).</summary>
    public IReadOnlyList<Tensor> @params { get; }

    /// <summary>The current learning rate; learning-rate schedulers change it.</summary>
    public double lr
    {
        get => LrOrNull ?? throw new InvalidOperationException("the group's lr is set when it is added to an optimiser");
        set => LrOrNull = value;
    }

    /// <summary>The learning rate a scheduler started from (set by the first scheduler attached; null before).</summary>
    public double? initial_lr { get; set; }

    /// <summary>The optimiser's other hyper-parameters for this group (<see cref="SGDOptions"/>, <see cref="AdamOptions"/>).</summary>
    public OptimizerOptions options { get; internal set; }

    internal double? LrOrNull { get; private set; }

    internal void WriteJson(Utf8JsonWriter w, int firstIndex)
    {
        w.WriteStartObject();
        w.WriteNumber(nameof(lr), lr);
        if (initial_lr is double initial)
        {
            w.WriteNumber(nameof(initial_lr), initial);
        }

        options.WriteJson(w);
        w.WriteStartArray(nameof(@params));
        for (var i = 0; i < @params.Count; i++)
        {
            w.WriteNumberValue(firstIndex + i);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal void ReadJson(JsonElement e)
    {
        lr = e.GetProperty(nameof(lr)).GetDouble();
        initial_lr = e.TryGetProperty(nameof(initial_lr), out var initial) ? initial.GetDouble() : null;
        options.ReadJson(e);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"ParamGroup({@params.Count} params, lr={LrOrNull}, {options})");
}

/// <summary>Hyper-parameters of an optimiser other than the learning rate; one copy per parameter group.</summary>
public abstract class OptimizerOptions
{
    /// <summary>A copy that can be changed independently.</summary>
    public OptimizerOptions Clone() => (OptimizerOptions)MemberwiseClone();

    internal abstract void WriteJson(Utf8JsonWriter w);

    internal abstract void ReadJson(JsonElement e);

    internal abstract void Validate();
}

/// <summary>Hyper-parameters of <see cref="SGD"/>.</summary>
public sealed class SGDOptions : OptimizerOptions
{
    /// <summary>Momentum factor (0: plain SGD).</summary>
    public double momentum { get; set; }

    /// <summary>Dampening of the momentum.</summary>
    public double dampening { get; set; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public double weight_decay { get; set; }

    /// <summary>Nesterov momentum (needs momentum &gt; 0 and dampening 0).</summary>
    public bool nesterov { get; set; }

    /// <summary>Maximise the objective instead of minimising it.</summary>
    public bool maximize { get; set; }

    internal override void WriteJson(Utf8JsonWriter w)
    {
        w.WriteNumber(nameof(momentum), momentum);
        w.WriteNumber(nameof(dampening), dampening);
        w.WriteNumber(nameof(weight_decay), weight_decay);
        w.WriteBoolean(nameof(nesterov), nesterov);
        w.WriteBoolean(nameof(maximize), maximize);
    }

    internal override void ReadJson(JsonElement e)
    {
        momentum = e.GetProperty(nameof(momentum)).GetDouble();
        dampening = e.GetProperty(nameof(dampening)).GetDouble();
        weight_decay = e.GetProperty(nameof(weight_decay)).GetDouble();
        nesterov = e.GetProperty(nameof(nesterov)).GetBoolean();
        maximize = e.GetProperty(nameof(maximize)).GetBoolean();
    }

    internal override void Validate()
    {
        if (momentum < 0)
        {
            throw new ArgumentException($"Invalid momentum value: {momentum}");
        }

        if (weight_decay < 0)
        {
            throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
        }

        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"momentum={momentum}, dampening={dampening}, weight_decay={weight_decay}, nesterov={nesterov}, maximize={maximize}");
}

/// <summary>Hyper-parameters of <see cref="Adam"/> and <see cref="AdamW"/>.</summary>
public sealed class AdamOptions : OptimizerOptions
{
    /// <summary>Decay rates of the first and second moment estimates.</summary>
    public (double, double) betas { get; set; } = (0.9, 0.999);

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double eps { get; set; } = 1e-8;

    /// <summary>Weight decay: an L2 penalty for Adam, decoupled decay for AdamW.</summary>
    public double weight_decay { get; set; }

    /// <summary>Use the AMSGrad variant (maximum of past second moments).</summary>
    public bool amsgrad { get; set; }

    /// <summary>Maximise the objective instead of minimising it.</summary>
    public bool maximize { get; set; }

    internal override void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartArray(nameof(betas));
        w.WriteNumberValue(betas.Item1);
        w.WriteNumberValue(betas.Item2);
        w.WriteEndArray();
        w.WriteNumber(nameof(eps), eps);
        w.WriteNumber(nameof(weight_decay), weight_decay);
        w.WriteBoolean(nameof(amsgrad), amsgrad);
        w.WriteBoolean(nameof(maximize), maximize);
    }

    internal override void ReadJson(JsonElement e)
    {
        var b = e.GetProperty(nameof(betas));
        betas = (b[0].GetDouble(), b[1].GetDouble());
        eps = e.GetProperty(nameof(eps)).GetDouble();
        weight_decay = e.GetProperty(nameof(weight_decay)).GetDouble();
        amsgrad = e.GetProperty(nameof(amsgrad)).GetBoolean();
        maximize = e.GetProperty(nameof(maximize)).GetBoolean();
    }

    internal override void Validate()
    {
        if (eps < 0)
        {
            throw new ArgumentException($"Invalid epsilon value: {eps}");
        }

        if (betas.Item1 is < 0 or >= 1)
        {
            throw new ArgumentException($"Invalid beta parameter at index 0: {betas.Item1}");
        }

        if (betas.Item2 is < 0 or >= 1)
        {
            throw new ArgumentException($"Invalid beta parameter at index 1: {betas.Item2}");
        }

        if (weight_decay < 0)
        {
            throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"betas=({betas.Item1}, {betas.Item2}), eps={eps}, weight_decay={weight_decay}, amsgrad={amsgrad}, maximize={maximize}");
}
