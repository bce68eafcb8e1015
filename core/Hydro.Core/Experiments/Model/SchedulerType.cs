namespace Hydro.Core.Experiments.Model;

/// <summary>The learning-rate schedules an experiment can name.</summary>
public enum SchedulerType
{
    /// <summary>Multiply by gamma every step_size epochs.</summary>
    Step,

    /// <summary>Multiply by gamma every epoch.</summary>
    Exponential,

    /// <summary>Cosine annealing over t_max epochs.</summary>
    Cosine,

    /// <summary>Multiply by gamma when the validation loss stops improving for patience epochs.</summary>
    Plateau,
}
