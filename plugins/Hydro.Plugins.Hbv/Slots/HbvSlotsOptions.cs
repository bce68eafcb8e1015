using System.ComponentModel;

namespace Hydro.Plugins.Hbv.Slots;

/// <summary>
/// The process slots of the <c>hbv</c> backbone that a neural module may fill; an absent (or null) slot keeps its
/// equation. One property per slot, so that the schema lists the slots and rejects unknown names.
/// </summary>
[Description("Process slots of hbv that a neural module may take over; a slot left out keeps its HBV equation.")]
public sealed class HbvSlotsOptions
{
    /// <summary>The soil's effective rainfall (recharge), models.md §2 option C.</summary>
    [Description("effective_rainfall: the recharge from soil to the upper zone, NN(FC, BETA, SM, SM/FC, Pr + tosoil) in [0, Pr + tosoil] (Feng et al. 2022, option C); the beta function when absent.")]
    public SlotOptions? EffectiveRainfall { get; init; }
}
