using Hydro.Plugins.Hbv.Slots;
using Hydro.Torch;

namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>One daily HBV step for every basin and component: snow, soil and response routines.</summary>
/// <remarks>
/// The equations of models.md §2 (Bergström 1992; Seibert &amp; Vis 2012; δ variant: Feng et al. 2022):
/// <code>
/// Ps = P if T &lt; TT else 0;  Pr = P − Ps
/// melt = min(CFMAX·max(T − TT, 0), SNOW);  refreeze = min(CFR·CFMAX·max(TT − T, 0), MELT)
/// SNOW += Ps + refreeze − melt;  MELT += melt − refreeze;  tosoil = max(MELT − CWH·SNOW, 0);  MELT −= tosoil
/// recharge = slot effective_rainfall, by default (Pr + tosoil)·clamp((SM/FC)^BETA, 0, 1)
/// SM += Pr + tosoil − recharge;  excess = max(SM − FC, 0);  SM −= excess
/// evapf = clamp(SM/(LP·FC), 0, 1)   (δ: clamp((SM/(LP·FC))^BETAET, 0, 1))
/// SM' = max(SM − Ep·evapf, ε);  ET = SM − SM';  SM = SM'
/// UZ += recharge + excess;  perc = min(UZ, PERC);  UZ −= perc
/// Q0 = K0·max(UZ − UZL, 0);  UZ −= Q0;  Q1 = K1·UZ;  UZ −= Q1;  LZ += perc;  Q2 = K2·LZ;  LZ −= Q2
/// </code>
/// models.md writes the ET step as <c>ET = min(SM, Ep·evapf); SM = max(SM − ET, ε)</c>, which adds up to ε of water
/// whenever the floor binds. Here ET is the water the floor lets go (<c>SM − max(SM − Ep·evapf, ε)</c>): the same SM,
/// and a step that conserves mass exactly, ΔS = P − ET − Q0 − Q1 − Q2, up to rounding.
/// </remarks>
internal static class HbvStep
{
    /// <summary>The floor ε of the soil moisture (mm): keeps SM &gt; 0 so that powers of SM/FC have finite derivatives.</summary>
    public const double SoilMoistureFloor = 1e-5;

    /// <summary>Advances the stores by one day.</summary>
    /// <param name="s">Stores at the start of the day, [B, nmul].</param>
    /// <param name="precipitation">P (mm/day), [B, 1] or [B, nmul].</param>
    /// <param name="temperature">T (°C), [B, 1] or [B, nmul].</param>
    /// <param name="pet">Ep (mm/day), [B, 1] or [B, nmul].</param>
    /// <param name="k">The day's parameters, [B, nmul].</param>
    /// <param name="effectiveRainfall">The effective-rainfall slot.</param>
    /// <returns>The stores at the end of the day and the day's fluxes, [B, nmul].</returns>
    public static (HbvStates States, HbvFluxes Fluxes) Run(HbvStates s, Tensor precipitation, Tensor temperature, Tensor pet, HbvStepParameters k, EffectiveRainfall effectiveRainfall)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(effectiveRainfall);

        // Snow routine.
        var snowfall = torch.where(temperature < k.Tt, precipitation, 0.0);
        var rain = precipitation - snowfall;
        var melt = torch.minimum(k.Cfmax * (temperature - k.Tt).relu(), s.Snow);
        var refreeze = torch.minimum(k.Cfr * k.Cfmax * (k.Tt - temperature).relu(), s.Melt);
        var snow = s.Snow + snowfall + refreeze - melt;
        var liquid = s.Melt + melt - refreeze;
        var toSoil = (liquid - (k.Cwh * snow)).relu();
        liquid = liquid - toSoil;

        // Soil routine.
        var water = rain + toSoil;
        var recharge = effectiveRainfall.forward(new EffectiveRainfallInputs(water, s.SoilMoisture, k.Fc, k.Beta));
        var sm = s.SoilMoisture + water - recharge;
        var excess = (sm - k.Fc).relu();
        sm = sm - excess;
        var ratio = sm / (k.Lp * k.Fc);
        var evapFactor = (k.Gamma is { } gamma ? ratio.pow(gamma) : ratio).clamp(0.0, 1.0);
        var smAfter = (sm - (pet * evapFactor)).clamp_min(SoilMoistureFloor);
        var et = sm - smAfter;

        // Response routine.
        var uz = s.UpperZone + recharge + excess;
        var perc = torch.minimum(uz, k.Perc);
        uz = uz - perc;
        var q0 = k.K0 * (uz - k.Uzl).relu();
        uz = uz - q0;
        var q1 = k.K1 * uz;
        uz = uz - q1;
        var lz = s.LowerZone + perc;
        var q2 = k.K2 * lz;
        lz = lz - q2;

        return (new HbvStates(snow, liquid, smAfter, uz, lz),
            new HbvFluxes(snowfall, rain, melt, refreeze, toSoil, recharge, excess, et, perc, q0, q1, q2));
    }
}
