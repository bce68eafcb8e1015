using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Fixture.NoEntry;

public sealed class OrphanLossOptions
{
    public double Weight { get; init; } = 1.0;
}

[Component("orphan_loss", typeof(OrphanLossOptions))]
public sealed class OrphanLoss : ILoss
{
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => prediction;
}
