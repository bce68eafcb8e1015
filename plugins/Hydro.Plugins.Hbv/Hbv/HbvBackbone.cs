using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Hbv.Routing;
using Hydro.Plugins.Hbv.Slots;
using Hydro.Torch;

namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>
/// The differentiable HBV of Feng et al. (2022): <c>nmul</c> parallel HBV components per basin driven by P, T and Ep,
/// with parameters from a learner, fluxes averaged over components, then (optionally) gamma unit-hydrograph routing.
/// </summary>
/// <remarks>
/// <para>Parameters arrive as [B, T, P, nmul] in physical units, in <see cref="Parameters"/> order. A dynamic parameter
/// takes its value at each step; a static one its value at the window's last step (the learners in
/// Hydro.Plugins.Lstm repeat that value over the window, so both readings agree).</para>
/// <para>Warm-up: the first <see cref="ComponentContext.Warmup"/> steps run under <c>torch.no_grad()</c>; the stores
/// are then detached and the rest of the window runs with gradients. Every window starts from
/// <see cref="HbvStates.Initial"/>.</para>
/// <para>Outputs: the prediction is routed Q [B, T, 1] (mm/day); extras Q0, Q1, Q2, ET (mm/day) and SNOW, MELT, SM, UZ,
/// LZ (mm, end of step), each [B, T], averaged over the components. <see cref="HbvMassBalance"/> checks the water
/// balance from them. The step equations are in <see cref="HbvStep"/>.</para>
/// </remarks>
[Component("hbv", typeof(HbvOptions), Summary = "Differentiable HBV (original or delta variant): nmul parallel components, learned static or dynamic parameters, gamma routing, neural process slots (Feng et al. 2022).")]
public sealed class HbvBackbone : Backbone<HbvOptions>
{
    private readonly HbvParameterLayout layout;
    private readonly (int P, int T, int Pet) inputs;
    private readonly EffectiveRainfall effectiveRainfall;

    /// <summary>Checks the options against the experiment and builds the process slots on the context's device.</summary>
    /// <exception cref="ArgumentException">Options out of range or inconsistent, forcing variables missing from the inputs, not exactly one target, a step other than a day.</exception>
    public HbvBackbone(HbvOptions options, ComponentContext context)
        : base(options, context)
    {
        var problems = options.Problems().Select(p => p.ErrorMessage).ToList();
        var dynamicInputs = context.DynamicInputs;
        int Input(string option, string name)
        {
            var i = dynamicInputs.ToList().IndexOf(name);
            if (i < 0 && !string.IsNullOrWhiteSpace(name))
            {
                problems.Add($"{option}: '{name}' is not among the experiment's inputs.dynamic [{string.Join(", ", dynamicInputs)}]; add it there or set model.backbone.{option} to the variable that holds it");
            }

            return i;
        }

        inputs = (Input("precipitation", options.Precipitation), Input("temperature", options.Temperature), Input("pet", options.Pet));
        if (context.TimeStep != TimeSpan.FromDays(1))
        {
            // The equations integrate daily fluxes (mm/day, degree-day snowmelt, daily PET); a sub-daily step would need other rates.
            problems.Add($"hbv runs on daily steps (its rates are mm/day and its PET is daily), but the dataset's step is {context.TimeStep:c}; use a daily dataset or a neural backbone such as lstm");
        }

        if (context.Targets.Count != 1)
        {
            problems.Add($"hbv predicts one target (streamflow in mm/day), but the experiment has {context.Targets.Count}: [{string.Join(", ", context.Targets)}]");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"hbv: {string.Join("; ", problems)}", nameof(options));
        }

        layout = new HbvParameterLayout(options);
        var r = options.ParameterRanges;
        effectiveRainfall = EffectiveRainfall.Create(options.Slots.EffectiveRainfall, (r.Fc[0], r.Fc[1]), (r.Beta[0], r.Beta[1]), context.Generator);
        register_module("effective_rainfall", effectiveRainfall);
        to(context.Device);
    }

    /// <inheritdoc/>
    public override ParameterRequest Parameters => layout.Request;

    /// <inheritdoc/>
    /// <remarks>Shapes: physical dynamic inputs [B, T, F]; parameters [B, T, P, nmul]; prediction [B, T, 1].</remarks>
    protected override BackboneOutputs ForwardCore(Batch batch, Tensor? parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var physical = batch.DynamicPhysical ?? throw new ArgumentException(
            "hbv needs the dynamic inputs in physical units (Batch.DynamicPhysical: P in mm/day, T in °C, Ep in mm/day), but the batch has none");
        Shapes.Require(physical, "batch.DynamicPhysical", batch.Size, batch.Steps, Context.DynamicInputs.Count);

        using var scope = torch.NewDisposeScope();
        var steps = (int)batch.Steps;
        var dtype = parameters.dtype;
        Tensor Forcing(int index) => physical.select(2, index).to(dtype).unsqueeze(2);
        var (p, t, ep) = (Forcing(inputs.P), Forcing(inputs.T), Forcing(inputs.Pet));

        var source = new StepParameterSource(layout, parameters);
        var series = Simulate(p, t, ep, source, Math.Min(Context.Warmup, steps));
        var runoff = series.Q0 + series.Q1 + series.Q2;
        var q = Options.Routing ? Route(runoff, source.Last) : runoff;

        var outputs = new BackboneOutputs(q.unsqueeze(2).MoveToOuterDisposeScope());
        outputs.Add("Q0", series.Q0.MoveToOuterDisposeScope(), "mm/day")
            .Add("Q1", series.Q1.MoveToOuterDisposeScope(), "mm/day")
            .Add("Q2", series.Q2.MoveToOuterDisposeScope(), "mm/day")
            .Add("ET", series.Evapotranspiration.MoveToOuterDisposeScope(), "mm/day")
            .Add("SNOW", series.Snow.MoveToOuterDisposeScope(), "mm")
            .Add("MELT", series.Melt.MoveToOuterDisposeScope(), "mm")
            .Add("SM", series.SoilMoisture.MoveToOuterDisposeScope(), "mm")
            .Add("UZ", series.UpperZone.MoveToOuterDisposeScope(), "mm")
            .Add("LZ", series.LowerZone.MoveToOuterDisposeScope(), "mm");
        using (torch.no_grad())
        {
            // The closure of every step, for evaluation and hydro simulate to report; no gradient flows through it.
            outputs.Add(HbvMassBalance.Output, HbvMassBalance.Closure(outputs, p.squeeze(2)).MoveToOuterDisposeScope(), "mm");
        }

        return outputs;
    }

    /// <summary>Runs the stores through the window: P, T, Ep [B, T, 1] and each day's parameters → series [B, T] averaged over components.</summary>
    private HbvSeries Simulate(Tensor p, Tensor t, Tensor ep, StepParameterSource source, int warmup)
    {
        var steps = (int)p.size(1);
        var states = HbvStates.Start(p.size(0), Options.Nmul, source.Last.dtype, source.Last.device);
        var collected = new HbvSeries.Builder(steps);
        using (torch.no_grad())
        {
            for (var day = 0; day < warmup; day++)
            {
                states = Step(states, p, t, ep, source, day, collected);
            }
        }

        states = states.Detach();
        for (var day = warmup; day < steps; day++)
        {
            states = Step(states, p, t, ep, source, day, collected);
        }

        return collected.Build();
    }

    /// <summary>One day; its temporaries are freed at once, only the stores and the reported fluxes outlive it.</summary>
    private HbvStates Step(HbvStates states, Tensor p, Tensor t, Tensor ep, StepParameterSource source, int day, HbvSeries.Builder collected)
    {
        using var scope = torch.NewDisposeScope();
        var (next, fluxes) = HbvStep.Run(states, p.select(1, day), t.select(1, day), ep.select(1, day), source.At(day), effectiveRainfall);
        return collected.Add(next, fluxes);
    }

    /// <summary>Routed runoff [B, T] from unrouted runoff [B, T] and the last step's parameters [B, P, nmul]; the routing parameters are averaged over components.</summary>
    private Tensor Route(Tensor runoff, Tensor last)
    {
        var (a, theta) = GammaUnitHydrograph.Positive(
            last.select(1, layout.IndexOf(HbvParameter.RouteA)).mean(1),
            last.select(1, layout.IndexOf(HbvParameter.RouteTheta)).mean(1));
        return GammaUnitHydrograph.Route(runoff, GammaUnitHydrograph.Weights(a, theta));
    }
}
