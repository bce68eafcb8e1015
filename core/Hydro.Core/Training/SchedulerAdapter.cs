using System.Text.Json;
using Hydro.Core.Experiments.Model;
using Hydro.Torch.Optim;
using TorchOptimizer = Hydro.Torch.Optim.Optimizer;

namespace Hydro.Core.Training;

/// <summary>The experiment's optimiser and schedule, built from the options.</summary>
internal static class OptimizerFactory
{
    public static TorchOptimizer Create(Experiments.Model.OptimizerOptions o, IEnumerable<Hydro.Torch.Tensor> parameters)
    {
        var betas = o.Betas is { Count: 2 } b ? (b[0], b[1]) : ((double, double)?)null;
        return o.Type switch
        {
            OptimizerType.Adam => Hydro.Torch.optim.Adam(parameters, o.Lr, betas, weight_decay: o.WeightDecay),
            OptimizerType.AdamW => Hydro.Torch.optim.AdamW(parameters, o.Lr, betas, weight_decay: o.WeightDecay),
            OptimizerType.Sgd => Hydro.Torch.optim.SGD(parameters, o.Lr, momentum: o.Momentum, weight_decay: o.WeightDecay),
            _ => throw new TrainingException($"optimizer '{o.Type}' is not supported"),
        };
    }
}

/// <summary>One interface over the epoch schedulers and the plateau scheduler; stepped once per epoch.</summary>
internal sealed class SchedulerAdapter
{
    private readonly LRScheduler? epochScheduler;
    private readonly ReduceLROnPlateau? plateau;

    private SchedulerAdapter(LRScheduler? epochScheduler, ReduceLROnPlateau? plateau)
    {
        this.epochScheduler = epochScheduler;
        this.plateau = plateau;
    }

    public static SchedulerAdapter Create(SchedulerOptions? o, TorchOptimizer optimizer, int epochs) => o?.Type switch
    {
        null => new(null, null),
        SchedulerType.Step => new(Hydro.Torch.optim.lr_scheduler.StepLR(optimizer, o.StepSize, o.Gamma), null),
        SchedulerType.Exponential => new(Hydro.Torch.optim.lr_scheduler.ExponentialLR(optimizer, o.Gamma), null),
        SchedulerType.Cosine => new(Hydro.Torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, o.TMax ?? epochs), null),
        SchedulerType.Plateau => new(null, Hydro.Torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, "min", o.Gamma, o.Patience)),
        _ => throw new TrainingException($"scheduler '{o.Type}' is not supported"),
    };

    /// <summary>End of an epoch; the plateau schedule steps only when the epoch was validated.</summary>
    public void EpochEnd(double? validationLoss)
    {
        epochScheduler?.step();
        if (plateau is not null && validationLoss is { } loss && double.IsFinite(loss))
        {
            plateau.step(loss);
        }
    }

    public string StateJson()
    {
        var d = epochScheduler?.state_dict() ?? plateau?.state_dict() ?? [];
        return JsonSerializer.Serialize(d);
    }

    public void LoadStateJson(string json)
    {
        var d = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        if (d.Count == 0)
        {
            if (epochScheduler is not null || plateau is not null)
            {
                throw new TrainingException("the checkpoint has no scheduler state but the experiment sets a scheduler");
            }

            return;
        }

        if (epochScheduler is not null)
        {
            epochScheduler.load_state_dict(d);
        }
        else if (plateau is not null)
        {
            plateau.load_state_dict(d);
        }
        else
        {
            throw new TrainingException("the checkpoint has scheduler state but the experiment sets no scheduler");
        }
    }
}
