using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Core.Components;
using Hydro.Torch;

namespace Hydro.Core.Tests.Training;

public sealed class ComponentFactoryTests
{
    private static readonly ComponentContext Context = new() { DynamicInputs = ["x1", "x2"], StaticInputs = ["a"], Targets = ["y"] };

    [Fact]
    public void BuildsWithOptionsAndContextOrOptionsOnly()
    {
        using var scope = torch.NewDisposeScope();
        var backbone = ComponentFactory.Create<IBackbone>(Descriptor(ComponentKind.Backbone, "linear", typeof(LinearBackbone), typeof(LinearBackboneOptions)), new LinearBackboneOptions(), Context);
        Assert.Equal([1L, 3], ((LinearBackbone)backbone).Linear.weight.shape);
        backbone.Dispose();

        var loss = ComponentFactory.Create<ILoss>(Descriptor(ComponentKind.Loss, "masked_mse", typeof(MaskedMse), typeof(MaskedMseOptions)), new MaskedMseOptions { Weight = 2 }, Context);
        Assert.Equal(2, ((MaskedMse)loss).Options.Weight);
    }

    [Fact]
    public void MissingConstructorNamesTheComponent()
    {
        var d = Descriptor(ComponentKind.Loss, "no_ctor", typeof(NoConstructor), typeof(MaskedMseOptions));
        var e = Assert.Throws<ComponentCreationException>(() => ComponentFactory.Create(d, new MaskedMseOptions(), Context));
        Assert.Contains("loss 'no_ctor' (plugin Hydro.Tests)", e.Message, StringComparison.Ordinal);
        Assert.Contains("no public constructor (MaskedMseOptions options, ComponentContext context) or (MaskedMseOptions options)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConstructorExceptionIsUnwrappedToItsMessage()
    {
        var d = Descriptor(ComponentKind.Dataset, "toy", typeof(ToyDataset), typeof(ToyDatasetOptions));
        var e = Assert.Throws<ComponentCreationException>(() => ComponentFactory.Create(d, new ToyDatasetOptions { Fail = true }, Context));
        Assert.Equal("dataset 'toy' (plugin Hydro.Tests): the toy dataset was told to fail", e.Message);
        Assert.IsType<InvalidOperationException>(e.InnerException);
    }

    [Fact]
    public void WrongOptionsTypeOrContractIsAnError()
    {
        var d = Descriptor(ComponentKind.Dataset, "toy", typeof(ToyDataset), typeof(ToyDatasetOptions));
        Assert.Contains("expected ToyDatasetOptions", Assert.Throws<ComponentCreationException>(() => ComponentFactory.Create(d, new MaskedMseOptions(), Context)).Message, StringComparison.Ordinal);
        Assert.Contains("does not implement ILoss", Assert.Throws<ComponentCreationException>(() => ComponentFactory.Create<ILoss>(d, new ToyDatasetOptions(), Context)).Message, StringComparison.Ordinal);
    }

    private static ComponentDescriptor Descriptor(ComponentKind kind, string key, Type type, Type options) => new(kind, key, type, options, "Hydro.Tests");

    public sealed class NoConstructor : ILoss
    {
        private NoConstructor()
        {
        }

        public Tensor Compute(Tensor prediction, Tensor observation, Tensor mask, BasinStatistics? statistics) => throw new NotSupportedException();
    }
}
