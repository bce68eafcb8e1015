namespace Hydro.Plugins.Data.Synthetic;

/// <summary>How the synthetic truth's HBV parameters relate to the basin attributes.</summary>
public enum TruthParameters
{
    /// <summary>FC, BETA, K0, K1, K2 follow the attributes with a little basin noise; TT, CFMAX, LP, PERC, UZL are drawn per basin independently of them.</summary>
    Mixed,

    /// <summary>Every parameter is a function of the attributes alone: FC, BETA, K0, K1, K2 without noise, the others fixed at the middle of their ranges.</summary>
    Attributes,
}
