using System.Text.Json;
using Hydro.Abstractions.Contracts;
using Hydro.Plugins.Lstm.Fhnn;
using Hydro.Torch;

namespace Hydro.Plugins.Tests.Fhnn;

/// <summary>
/// The model against Golden/make_fhnn.py, an independent PyTorch implementation built on <c>nn.LSTM(bidirectional=True)</c>
/// with the same weights (float64).
/// </summary>
public class FhnnGoldenTests
{
    private static readonly JsonElement Case = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fhnn", "Golden", "fhnn.json"))).RootElement.Clone();

    private static Tensor Decode(JsonElement e, bool requiresGrad = false) => torch.tensor(
        [.. e.GetProperty("data").EnumerateArray().Select(v => v.GetDouble())],
        [.. e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64())],
        requires_grad: requiresGrad);

    private static void Close(JsonElement expected, Tensor actual, string what)
    {
        Assert.Equal(expected.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()), actual.shape);
        var want = expected.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var got = actual.contiguous().data<double>();
        for (var i = 0; i < want.Length; i++)
        {
            Assert.True(Math.Abs(want[i] - got[i]) <= 1e-10 + (1e-9 * Math.Abs(want[i])), $"{what}[{i}]: PyTorch {want[i]}, fhnn {got[i]}");
        }
    }

    [Fact]
    public void MatchesPyTorchsBidirectionalLstmImplementation()
    {
        using var scope = torch.NewDisposeScope();
        var options = new FhnnOptions
        {
            HiddenSize = Case.GetProperty("hidden_size").GetInt32(),
            ForwardHiddenSize = Case.GetProperty("forward_hidden_size").GetInt32(),
            LatentSize = Case.GetProperty("latent_size").GetInt32(),
            Scales = [.. Case.GetProperty("scales").EnumerateArray().Select(v => v.GetInt32())],
            Dropout = 0,
        };
        using var model = new FhnnBackbone(options, FhnnFixtures.Context(horizon: Case.GetProperty("horizon").GetInt32()));
        model.to(ScalarType.Float64);
        var state = Case.GetProperty("state").EnumerateObject().ToDictionary(p => p.Name, p => Decode(p.Value));
        Assert.Equal(state.Keys.Order(), model.state_dict().Keys.Order());
        model.load_state_dict(state);

        var dynamic = Decode(Case.GetProperty("dynamic"), requiresGrad: true);
        using var batch = new Batch
        {
            Dynamic = dynamic,
            Static = Decode(Case.GetProperty("static")),
            Horizon = Case.GetProperty("horizon").GetInt32(),
            Basins = ["a", "b"],
            DynamicNames = ["prcp", "tmean", "streamflow_obs", "streamflow_obs_flag"],
        };
        var prediction = model.Forward(batch, null).Prediction;
        Close(Case.GetProperty("prediction"), prediction, "prediction");
        Close(Case.GetProperty("latents"), torch.cat([.. model.Latents(batch)], 1), "latents");
        (prediction * Decode(Case.GetProperty("weights"))).sum().backward();
        Close(Case.GetProperty("dynamic_grad"), dynamic.grad!, "d/d dynamic");
    }
}
