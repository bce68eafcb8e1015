using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Hydro.Abstractions.Components;

namespace Hydro.Core.Experiments.Model;

/// <summary>
/// The root of an experiment file. YAML keys are the snake_case of the property names
/// (<c>experiment_name</c> ↔ <see cref="ExperimentName"/>).
/// </summary>
public sealed class ExperimentOptions
{
    /// <summary>The run's name, used in the run folder: letters, digits, '_', '.', '-'.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]+$")]
    [Description("The run's name, used in the run folder name: letters, digits, '_', '.', '-'.")]
    public string ExperimentName { get; init; } = "";

    /// <summary>Free text.</summary>
    [Description("Free text describing the experiment.")]
    public string? Description { get; init; }

    /// <summary>Root seed of every random generator.</summary>
    [Range(0, int.MaxValue)]
    [Description("Root seed of every random generator, 0 to 2147483647.")]
    public int Seed { get; init; }

    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    [RegularExpression("^(cpu|cuda(:[0-9]+)?)$")]
    [Description("The device: cpu, cuda or cuda:N.")]
    public string Device { get; init; } = "cpu";

    /// <summary>Folder under which the run folder is created, relative to the working directory.</summary>
    [Description("Folder under which the run folder is created.")]
    public string OutputDir { get; init; } = "runs";

    /// <summary>Plugins to load in addition to the host's defaults.</summary>
    [Description("Plugins to load in addition to the host's defaults.")]
    public IReadOnlyList<PluginReference> Plugins { get; init; } = [];

    /// <summary>The data source.</summary>
    [Required]
    [ComponentSlot(ComponentKind.Dataset)]
    [Description("The data source; type names a dataset component.")]
    public ComponentBlock Dataset { get; init; } = new();

    /// <summary>Training, validation and test periods.</summary>
    [Required]
    [Description("Training, validation and test periods.")]
    public PeriodsOptions Periods { get; init; } = new();

    /// <summary>Input variables.</summary>
    [Required]
    [Description("Input variables: dynamic (forcings) and static (attributes).")]
    public InputsOptions Inputs { get; init; } = new();

    /// <summary>Target variables (at least one).</summary>
    [Required]
    [MinLength(1)]
    [Description("Target variables, at least one (e.g. streamflow).")]
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>The model.</summary>
    [Required]
    [Description("The model: backbone and optional parameter learner.")]
    public ModelOptions Model { get; init; } = new();

    /// <summary>The loss. Required: the choice (NSE, MSE, …) changes what is learned, so it is never implied.</summary>
    [Required]
    [ComponentSlot(ComponentKind.Loss)]
    [Description("The loss; type names a loss component.")]
    public ComponentBlock Loss { get; init; } = new();

    /// <summary>The optimiser.</summary>
    [Description("The optimiser.")]
    public OptimizerOptions Optimizer { get; init; } = new();

    /// <summary>The learning-rate schedule; constant when absent.</summary>
    [Description("The learning-rate schedule; constant learning rate when absent.")]
    public SchedulerOptions? Scheduler { get; init; }

    /// <summary>The training loop.</summary>
    [Description("The training loop.")]
    public TrainingOptions Training { get; init; } = new();

    /// <summary>What is computed after training.</summary>
    [Description("What is computed after training.")]
    public EvaluationOptions Evaluation { get; init; } = new();

    /// <summary>Targets taken from another run's or a simulation's predictions instead of the dataset's observations.</summary>
    [Description("Replace the observations of some targets by columns of predictions/<basin>.csv of a results or simulation folder (hydro evaluate, predict or simulate), e.g. to pre-train on a process model's output.")]
    public SimulatedTargetsOptions? SimulatedTargets { get; init; }

    /// <summary>Forecast windows (horizon, observed inputs); a simulation (hindcast) experiment when absent.</summary>
    [Description("Forecast H steps ahead from every issue time, with the observed targets up to the issue time as inputs; a simulation (hindcast) when absent.")]
    public ForecastOptions? Forecast { get; init; }
}
