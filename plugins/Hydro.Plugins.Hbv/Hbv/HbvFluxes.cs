using Hydro.Torch;

namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>The fluxes of one HBV step (mm/day), each [B, nmul].</summary>
/// <param name="Snowfall">Ps.</param>
/// <param name="Rain">Pr.</param>
/// <param name="Melt">Melt of the snow pack.</param>
/// <param name="Refreeze">Refreezing of liquid water in the pack.</param>
/// <param name="ToSoil">Liquid water released by the pack.</param>
/// <param name="Recharge">Effective rainfall from the soil to the upper zone.</param>
/// <param name="Excess">Soil water above FC, to the upper zone.</param>
/// <param name="Evapotranspiration">Actual ET.</param>
/// <param name="Percolation">Upper to lower zone.</param>
/// <param name="Q0">Fast flow.</param>
/// <param name="Q1">Interflow.</param>
/// <param name="Q2">Baseflow.</param>
internal sealed record HbvFluxes(
    Tensor Snowfall,
    Tensor Rain,
    Tensor Melt,
    Tensor Refreeze,
    Tensor ToSoil,
    Tensor Recharge,
    Tensor Excess,
    Tensor Evapotranspiration,
    Tensor Percolation,
    Tensor Q0,
    Tensor Q1,
    Tensor Q2);
