using Hydro.Abstractions.Components;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Lstm.Lstm;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Lstm;

/// <summary>The <c>lstm</c> backbone as an <see cref="IRecurrentBackbone"/>.</summary>
public class LstmStatesTests
{
    private const int Hidden = 6;

    private static readonly ComponentContext Context = new()
    {
        DynamicInputs = ["prcp", "tmean"],
        StaticInputs = ["area"],
        Targets = ["streamflow"],
        Generator = torch.Generator(11),
    };

    private static Batch MakeBatch()
    {
        var g = torch.Generator(2);
        return new()
        {
            Dynamic = torch.randn([4, 9, 2], g),
            Static = torch.randn([4, 1], g),
            Basins = ["a", "b", "c", "d"],
            DynamicNames = ["prcp", "tmean"],
        };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void StatesMatchTheLstmOutputs(int layers)
    {
        using var scope = torch.NewDisposeScope();
        using var model = new LstmBackbone(new LstmOptions { HiddenSize = Hidden, NumLayers = layers }, Context);
        model.eval();
        using var batch = MakeBatch();
        var recurrent = Assert.IsAssignableFrom<IRecurrentBackbone>(model);
        using var states = recurrent.ForwardStates(batch, null);
        Assert.Equal(Hidden, recurrent.HiddenSize);
        Assert.Equal([4L, 9, Hidden], states.Hidden.shape);
        Assert.Equal([4L, 9, Hidden], states.Cell.shape);

        // The same weights in a plain nn.LSTM fed [dynamic ‖ statics]: h is its output, c[T−1] its final cell state.
        using var lstm = new nn.LSTM(3, Hidden, layers, batch_first: true);
        lstm.load_state_dict(model.state_dict().Where(e => e.Key.StartsWith("lstm.", StringComparison.Ordinal)).ToDictionary(e => e.Key["lstm.".Length..], e => e.Value));
        var (output, (_, cn)) = lstm.forward(torch.cat([batch.Dynamic, batch.Static!.unsqueeze(1).expand(4, 9, 1)], 2));
        AssertClose(output, states.Hidden);
        AssertClose(cn.select(0, layers - 1), states.Cell.select(1, 8));
        AssertClose(model.Forward(batch, null).Prediction, states.Prediction);
        Assert.Null(recurrent.Embedding(batch));
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        var e = expected.data<float>();
        var a = actual.contiguous().data<float>();
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.Equal(e[i], a[i], 1e-5);
        }
    }
}
