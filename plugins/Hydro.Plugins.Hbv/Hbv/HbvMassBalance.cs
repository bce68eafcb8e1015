using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Hydro.Plugins.Hbv.Hbv;

/// <summary>The water balance of an <c>hbv</c> forward pass, from its outputs.</summary>
public static class HbvMassBalance
{
    /// <summary>The output holding <see cref="Closure"/> of each step (mm), added by <c>hbv</c> to its outputs.</summary>
    public const string Output = "BALANCE_ERROR";

    /// <summary>The names of the stores among the outputs, whose sum is the storage S.</summary>
    public static IReadOnlyList<string> Stores { get; } = ["SNOW", "MELT", "SM", "UZ", "LZ"];

    /// <summary>
    /// Per-step closure error |ΔS − (P − ET − Q0 − Q1 − Q2)| [B, T] (mm), before routing; S is the total storage at the
    /// end of each step and, before the first step, the initial storage of every window (five stores at 10⁻³ mm).
    /// </summary>
    /// <param name="outputs">The backbone's outputs (extras Q0, Q1, Q2, ET, SNOW, MELT, SM, UZ, LZ, each [B, T]).</param>
    /// <param name="precipitation">P [B, T] (mm/day), the backbone's precipitation input.</param>
    /// <exception cref="ArgumentException">An output is missing: these are not the outputs of <c>hbv</c>.</exception>
    public static Tensor Closure(BackboneOutputs outputs, Tensor precipitation)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(precipitation);
        using var scope = torch.NewDisposeScope();
        Tensor Get(string name) => outputs.Extras.TryGetValue(name, out var o) ? o.Value
            : throw new ArgumentException($"output '{name}' is missing; the mass balance needs the outputs of the hbv backbone", nameof(outputs));

        var storage = Stores.Select(Get).Aggregate((a, b) => a + b);
        var before = torch.cat([torch.full([storage.size(0), 1], HbvStates.InitialStorage, storage.dtype, storage.device), storage.narrow(1, 0, storage.size(1) - 1)], 1);
        var outflow = Get("ET") + Get("Q0") + Get("Q1") + Get("Q2");
        return ((storage - before) - (precipitation.to(storage.dtype) - outflow)).abs().MoveToOuterDisposeScope();
    }
}
