using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Torch;

namespace Fixture.NewerAbstractions;

public sealed class NewerLossOptions
{
    public double Weight { get; init; } = 1.0;
}

[Component("newer_loss", typeof(NewerLossOptions))]
public sealed class NewerLoss : ILoss
{
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => prediction;
}
