using Hydro.Torch;

namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>The five HBV stores (mm), each [B, nmul].</summary>
/// <param name="Snow">Frozen water in the snow pack, SNOW.</param>
/// <param name="Melt">Liquid water held in the snow pack, MELT.</param>
/// <param name="SoilMoisture">Soil moisture, SM.</param>
/// <param name="UpperZone">Upper groundwater zone, UZ.</param>
/// <param name="LowerZone">Lower groundwater zone, LZ.</param>
internal sealed record HbvStates(Tensor Snow, Tensor Melt, Tensor SoilMoisture, Tensor UpperZone, Tensor LowerZone)
{
    /// <summary>
    /// Every store starts at this small constant (mm): empty for practical purposes, and SM strictly positive so that
    /// (SM/FC)^BETA has finite derivatives. A window's warm-up (<c>training.warmup</c>) fills the stores.
    /// </summary>
    public const double Initial = 1e-3;

    /// <summary>Total water stored at the start of every window (mm): the five stores at <see cref="Initial"/>.</summary>
    public const double InitialStorage = 5 * Initial;

    /// <summary>All stores at <see cref="Initial"/>, [B, nmul].</summary>
    public static HbvStates Start(long batch, long components, ScalarType dtype, Device device)
    {
        Tensor Full() => torch.full([batch, components], Initial, dtype, device);
        return new(Full(), Full(), Full(), Full(), Full());
    }

    /// <summary>The stores cut from the autograd graph (after the warm-up).</summary>
    public HbvStates Detach() => new(Snow.detach(), Melt.detach(), SoilMoisture.detach(), UpperZone.detach(), LowerZone.detach());
}
