using Hydro.Abstractions.Components;
using Hydro.Core.Plugins;

namespace Hydro.Core.Tests.Plugins;

public sealed class PluginRegistryTests
{
    [Fact]
    public void A_valid_component_becomes_a_descriptor()
    {
        var registry = new PluginRegistry("Lab.Plugin");
        registry.Add<GoodLoss>();

        Assert.Empty(registry.Errors);
        var component = Assert.Single(registry.Components);
        Assert.Equal((ComponentKind.Loss, "good_loss", typeof(GoodOptions), "Lab.Plugin", "Returns the prediction."),
            (component.Kind, component.Key, component.OptionsType, component.Plugin, component.Summary));
    }

    [Theory]
    [InlineData(typeof(NotAComponent), "is registered but is not a component: add [Component(")]
    [InlineData(typeof(NoContract), "implements none of the contracts (IDataset, IBackbone, IParameterLearner, ILoss): implement exactly one")]
    [InlineData(typeof(TwoSlots), "implements IParameterLearner and ILoss: a component fills one slot")]
    [InlineData(typeof(BadKey), "the key must be lower snake case")]
    [InlineData(typeof(BadOptions), "OptionsWithoutDefaultConstructor needs a public parameterless constructor")]
    [InlineData(typeof(AbstractLoss), "cannot be created: make it a public, non-abstract")]
    public void An_invalid_component_is_rejected_with_what_to_do(Type type, string expected)
    {
        var registry = new PluginRegistry("Lab.Plugin");
        registry.Add(type);

        Assert.Empty(registry.Components);
        var error = Assert.Single(registry.Errors);
        Assert.Equal("Lab.Plugin", error.PluginName);
        Assert.StartsWith("plugin Lab.Plugin: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_mistake_of_a_plugin_is_collected()
    {
        var registry = new PluginRegistry("Lab.Plugin");
        registry.Add<NotAComponent>().Add<GoodLoss>().Add<TwoSlots>();

        Assert.Single(registry.Components);
        Assert.Equal(2, registry.Errors.Count);
    }
}
