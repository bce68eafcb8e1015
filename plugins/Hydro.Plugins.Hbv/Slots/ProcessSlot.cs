namespace Hydro.Plugins.Hbv.Slots;

/// <summary>
/// A named process of a backbone that the experiment may hand to a neural module (<c>slots: {NAME: {type: mlp}}</c>).
/// A slot fixes what the module sees and how its output is bounded, so that any replacement keeps the backbone's
/// water balance.
/// </summary>
/// <param name="Name">The YAML key under <c>slots</c>.</param>
/// <param name="Features">What the module receives, in order.</param>
/// <param name="Constraint">How the module's output becomes the flux.</param>
public sealed record ProcessSlot(string Name, IReadOnlyList<string> Features, string Constraint)
{
    /// <summary>The slots of the <c>hbv</c> backbone.</summary>
    public static IReadOnlyList<ProcessSlot> Hbv { get; } =
    [
        new(
            "effective_rainfall",
            ["(FC - FCmin) / (FCmax - FCmin)", "(BETA - BETAmin) / (BETAmax - BETAmin)", "SM / FCmax", "SM / FC", "log(1 + Pr + tosoil)"],
            "recharge = sigmoid(NN(features)) * (Pr + tosoil): in [0, Pr + tosoil], the water that entered the soil this step"),
    ];
}
