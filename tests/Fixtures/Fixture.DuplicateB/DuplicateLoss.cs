using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Fixture.DuplicateB;

public sealed class DuplicateLossOptions
{
    public double Weight { get; init; } = 1.0;
}

[Component("duplicate_loss", typeof(DuplicateLossOptions))]
public sealed class DuplicateLoss : ILoss
{
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => prediction;
}
