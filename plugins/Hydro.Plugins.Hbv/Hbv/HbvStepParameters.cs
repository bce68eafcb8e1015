using Hydro.Torch;

namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>The parameters of one HBV step in physical units, each [B, nmul] (names as in models.md §2).</summary>
internal sealed record HbvStepParameters
{
    public required Tensor Beta { get; init; }

    public required Tensor Fc { get; init; }

    public required Tensor K0 { get; init; }

    public required Tensor K1 { get; init; }

    public required Tensor K2 { get; init; }

    public required Tensor Lp { get; init; }

    public required Tensor Perc { get; init; }

    public required Tensor Uzl { get; init; }

    public required Tensor Tt { get; init; }

    public required Tensor Cfmax { get; init; }

    public required Tensor Cfr { get; init; }

    public required Tensor Cwh { get; init; }

    /// <summary>BETAET, the δ variant's ET exponent; null for the original HBV.</summary>
    public Tensor? Gamma { get; init; }
}
