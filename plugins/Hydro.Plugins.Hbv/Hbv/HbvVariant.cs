namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>Which HBV formulation the <c>hbv</c> backbone runs.</summary>
public enum HbvVariant
{
    /// <summary>HBV as in Bergström (1992) and Seibert &amp; Vis (2012): ET reduced linearly below LP·FC.</summary>
    Original,

    /// <summary>Feng et al. (2022): the ET reduction raised to a learned exponent γ (parameter BETAET).</summary>
    Delta,
}
