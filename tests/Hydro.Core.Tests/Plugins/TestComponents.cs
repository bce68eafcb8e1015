using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Tests.Plugins;
using Hydro.Torch;

// This test assembly doubles as a built-in plugin for PluginLoader.LoadBuiltIn.
[assembly: HydroPlugin(typeof(TestBuiltIns))]

namespace Hydro.Core.Tests.Plugins;

public sealed class TestBuiltIns : IHydroPlugin
{
    public void Register(IComponentRegistry registry) => registry.Add<GoodLoss>();
}

public sealed class GoodOptions
{
    public double Weight { get; init; } = 1.0;
}

public sealed class OptionsWithoutDefaultConstructor(double weight)
{
    public double Weight { get; } = weight;
}

[Component("good_loss", typeof(GoodOptions), Summary = "Returns the prediction.")]
public sealed class GoodLoss : ILoss
{
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => prediction;
}

public sealed class NotAComponent : ILoss
{
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => prediction;
}

[Component("no_contract", typeof(GoodOptions))]
public sealed class NoContract;

[Component("two_slots", typeof(GoodOptions))]
public sealed class TwoSlots : ILoss, IParameterLearner
{
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => prediction;

    public nn.Module Network => throw new NotSupportedException();

    public Tensor Forward(Batch batch, ParameterRequest request) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}

[Component("Bad-Key", typeof(GoodOptions))]
public sealed class BadKey : ILoss
{
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => prediction;
}

[Component("bad_options", typeof(OptionsWithoutDefaultConstructor))]
public sealed class BadOptions : ILoss
{
    public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => prediction;
}

[Component("abstract_loss", typeof(GoodOptions))]
public abstract class AbstractLoss : ILoss
{
    public abstract Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics);
}
