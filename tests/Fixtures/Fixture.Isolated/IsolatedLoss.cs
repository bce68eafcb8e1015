using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Fixture.Isolated;

public sealed class IsolatedLossOptions
{
    public double Weight { get; init; } = 1.0;
}

[Component("isolated_loss", typeof(IsolatedLossOptions))]
public sealed class IsolatedLoss : ILoss
{
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => prediction;
}

/// <summary>The version of Fixture.Versioned this plugin sees (the host sees its own).</summary>
public static class Probe
{
    public static string VersionedVersion() => Fixture.Versioned.VersionInfo.Version;
}
