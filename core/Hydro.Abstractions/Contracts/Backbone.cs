using Hydro.Abstractions.Components;
using Hydro.Torch;

namespace Hydro.Abstractions.Contracts;

/// <summary>
/// Base class for backbones: keeps the options and context, registers as an <see cref="nn.Module"/>, and checks the
/// shapes going in and out so that a new backbone only writes <see cref="ForwardCore"/>.
/// </summary>
/// <typeparam name="TOptions">The options class named by the component's <see cref="ComponentAttribute"/>.</typeparam>
public abstract class Backbone<TOptions> : nn.Module, IBackbone
    where TOptions : class
{
    /// <summary>Creates the backbone.</summary>
    protected Backbone(TOptions options, ComponentContext context)
        : base(typeof(TOptions).Name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        Options = options;
        Context = context;
    }

    /// <summary>The bound options.</summary>
    public TOptions Options { get; }

    /// <summary>The experiment's variables, device and generator.</summary>
    public ComponentContext Context { get; }

    /// <inheritdoc/>
    public virtual ParameterRequest? Parameters => null;

    /// <inheritdoc/>
    nn.Module IBackbone.Network => this;

    /// <summary>Checks the batch (and parameters) against the context, runs <see cref="ForwardCore"/> and checks its prediction.</summary>
    public BackboneOutputs Forward(Batch batch, Tensor? parameters)
    {
        CheckInputs(batch, parameters);
        var outputs = ForwardCore(batch, parameters);
        CheckPrediction(outputs.Prediction, batch);
        return outputs;
    }

    /// <summary>
    /// The checks <see cref="Forward"/> makes before <see cref="ForwardCore"/>: dynamic [B, T, F] and static [B, S] widths
    /// match the context, gridded inputs [B, T, C, H, W] and their mask [B, H, W] are there when the context names
    /// gridded channels, and parameters [B, T, P, components] are given when <see cref="Parameters"/> asks for them.
    /// Other entry points (e.g. <see cref="IRecurrentBackbone.ForwardStates"/>) call it too.
    /// </summary>
    /// <exception cref="ArgumentException">A shape that does not match, or missing parameters.</exception>
    protected void CheckInputs(Batch batch, Tensor? parameters)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Shapes.Require(batch.Dynamic, "batch.Dynamic", batch.Size, batch.Steps, Context.DynamicInputs.Count);
        if (batch.Static is not null)
        {
            Shapes.Require(batch.Static, "batch.Static", batch.Size, Context.StaticInputs.Count);
        }

        if (Context.GriddedInputs.Count > 0)
        {
            CheckGridded(batch);
        }

        if (Parameters is { } request)
        {
            if (parameters is null)
            {
                throw new ArgumentException($"{GetType().Name} needs parameters {string.Join(", ", request.Parameters.Select(p => p.Name))} from a learner; set model.learner in the experiment");
            }

            Shapes.Require(parameters, "parameters", batch.Size, batch.Steps, request.Parameters.Count, request.Components);
        }
    }

    /// <summary>Gridded inputs [B, T, C, H, W] with C = the context's gridded channels, and their bool mask [B, H, W].</summary>
    private void CheckGridded(Batch batch)
    {
        var names = $"{Context.GriddedInputs.Count} gridded inputs ({string.Join(", ", Context.GriddedInputs)})";
        var grid = batch.Gridded ?? throw new ArgumentException(
            $"{GetType().Name} was built for {names} but the batch has none (batch.Gridded [B, T, C, H, W] is null): the dataset must serve the variables of inputs.gridded");
        var mask = batch.GriddedMask ?? throw new ArgumentException(
            $"{GetType().Name} needs the basin mask of the gridded inputs but the batch has none (batch.GriddedMask [B, H, W] is null)");
        if (grid.dim() != 5)
        {
            throw new ArgumentException($"batch.Gridded has shape [{string.Join(", ", grid.shape)}], expected [B, T, C, H, W]");
        }

        if (grid.size(2) != Context.GriddedInputs.Count)
        {
            throw new ArgumentException($"batch.Gridded has {grid.size(2)} channels but {GetType().Name} was built for {names}");
        }

        Shapes.Require(grid, "batch.Gridded", batch.Size, batch.Steps, Context.GriddedInputs.Count, grid.size(3), grid.size(4));
        Shapes.Require(mask, "batch.GriddedMask", batch.Size, grid.size(3), grid.size(4));
        if (mask.dtype != ScalarType.Bool)
        {
            throw new ArgumentException($"batch.GriddedMask must be bool, got {mask.dtype}");
        }
    }

    /// <summary>The check <see cref="Forward"/> makes after <see cref="ForwardCore"/>: the prediction is [B, T, K].</summary>
    /// <exception cref="ArgumentException">The prediction has another shape.</exception>
    protected void CheckPrediction(Tensor prediction, Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Shapes.Require(prediction, $"{GetType().Name} prediction", batch.Size, batch.Steps, Context.Targets.Count);
    }

    /// <summary>The model itself: shapes are already checked.</summary>
    protected abstract BackboneOutputs ForwardCore(Batch batch, Tensor? parameters);
}
