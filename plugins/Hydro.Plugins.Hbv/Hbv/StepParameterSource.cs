using Hydro.Torch;

namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>
/// Serves each day's parameters [B, nmul] from the learner's [B, T, P, nmul]: a static parameter is cut once at the
/// window's last step, a dynamic one at every day.
/// </summary>
/// <remarks>
/// The cuts are chosen for the backward pass: the last step is selected once before the parameter axis (a select's
/// gradient is a zero tensor of its input's size, so selecting the parameter first would allocate [B, T, P, nmul] per
/// parameter), and a dynamic parameter is unbound along time once (one stacking in backward instead of one
/// [B, T, nmul] zero tensor per day).
/// </remarks>
internal sealed class StepParameterSource
{
    private readonly HbvParameterLayout layout;
    private readonly Tensor?[] fixedValues;
    private readonly Tensor[]?[] series;

    public StepParameterSource(HbvParameterLayout layout, Tensor parameters)
    {
        this.layout = layout;
        var count = layout.Specs.Count;
        fixedValues = new Tensor?[count];
        series = new Tensor[]?[count];
        var last = parameters.select(1, parameters.size(1) - 1);
        Last = last;
        for (var i = 0; i < count; i++)
        {
            if (layout.Specs[i].Dynamic)
            {
                series[i] = parameters.select(2, i).unbind(1);
            }
            else
            {
                fixedValues[i] = last.select(1, i);
            }
        }
    }

    /// <summary>Every parameter at the window's last step, [B, P, nmul].</summary>
    public Tensor Last { get; }

    /// <summary>The parameters of day <paramref name="day"/>.</summary>
    public HbvStepParameters At(int day) => new()
    {
        Beta = Get(HbvParameter.Beta, day),
        Fc = Get(HbvParameter.Fc, day),
        K0 = Get(HbvParameter.K0, day),
        K1 = Get(HbvParameter.K1, day),
        K2 = Get(HbvParameter.K2, day),
        Lp = Get(HbvParameter.Lp, day),
        Perc = Get(HbvParameter.Perc, day),
        Uzl = Get(HbvParameter.Uzl, day),
        Tt = Get(HbvParameter.Tt, day),
        Cfmax = Get(HbvParameter.Cfmax, day),
        Cfr = Get(HbvParameter.Cfr, day),
        Cwh = Get(HbvParameter.Cwh, day),
        Gamma = layout.Has(HbvParameter.Betaet) ? Get(HbvParameter.Betaet, day) : null,
    };

    private Tensor Get(string name, int day)
    {
        var i = layout.IndexOf(name);
        return fixedValues[i] ?? series[i]![day];
    }
}
