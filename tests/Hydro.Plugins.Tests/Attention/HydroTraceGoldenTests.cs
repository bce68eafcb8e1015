using System.Text.Json;
using Hydro.Plugins.Attention.HydroTrace;
using Hydro.Torch;
using Hydro.Torch.Serialization;

namespace Hydro.Plugins.Tests.Attention;

/// <summary>
/// The ConvLSTM cell and whole backbones against the PyTorch twin of Golden/make_hydrotrace.py (per-channel ConvLSTMs in a
/// Python loop, same weights): outputs in float64 to 1e-12 (measured: ≤ 3e-17) and float32 to 1e-6 (measured: ≤ 3e-8), gradients in float64 to 1e-10.
/// </summary>
public class HydroTraceGoldenTests
{
    private static readonly Lazy<(Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata)> Golden = new(Load);

    [Fact]
    public void TheDepthwiseCellMatchesOnePlainConvLstmPerChannel()
    {
        using var scope = torch.NewDisposeScope();
        using var cell = new DepthwiseConvLstm(3, 2, 3, 1.0, torch.Generator(1));
        cell.to(ScalarType.Float64);
        cell.load_state_dict(State("cell", "convlstm."));
        var (h, c) = cell.Cell(Get("cell/in/x"), Get("cell/in/h"), Get("cell/in/c"));
        Assert.InRange(HydroTraceFixtures.MaxAbsDiff(h, Get("cell/out/h")), 0, 1e-12);
        Assert.InRange(HydroTraceFixtures.MaxAbsDiff(c, Get("cell/out/c")), 0, 1e-12);
    }

    [Theory]
    [InlineData("full", 1e-12)]
    [InlineData("plain", 1e-12)]
    [InlineData("lag2", 1e-12)]
    [InlineData("position", 1e-12)]
    [InlineData("full_f32", 1e-6)]
    [InlineData("plain_f32", 1e-6)]
    [InlineData("lag2_f32", 1e-6)]
    [InlineData("position_f32", 1e-6)]
    public void TheForwardPassMatchesPyTorch(string name, double tolerance)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(name);
        using var batch = HydroTraceFixtures.Batch(Get($"{name}/in/gridded").clone(), Get($"{name}/in/mask").clone());
        using var outputs = model.Forward(batch, null);
        Assert.InRange(HydroTraceFixtures.MaxAbsDiff(outputs.Prediction, Get($"{name}/out/prediction")), 0, tolerance);
        Assert.InRange(HydroTraceFixtures.MaxAbsDiff(outputs.Extras["spatial_attention"].Value, Get($"{name}/out/spatial_attention")), 0, tolerance);
        Assert.InRange(HydroTraceFixtures.MaxAbsDiff(outputs.Extras["feature_attention"].Value, Get($"{name}/out/feature_attention")), 0, tolerance);
    }

    [Theory]
    [InlineData("full")]
    [InlineData("plain")]
    [InlineData("lag2")]
    [InlineData("position")]
    public void GradientsOfEveryWeightAndTheInputsMatchPyTorch(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Model(name);
        var x = Get($"{name}/in/gridded").clone().requires_grad_();
        using var batch = HydroTraceFixtures.Batch(x, Get($"{name}/in/mask").clone());
        (model.Forward(batch, null).Prediction * Get($"{name}/in/r")).sum().backward();
        foreach (var (param, value) in model.named_parameters())
        {
            var expected = Get($"{name}/grad/{param}");
            var scale = Math.Max(1, expected.abs().max().item<double>());
            Assert.True(HydroTraceFixtures.MaxAbsDiff(value.grad!, expected) <= 1e-10 * scale, param);
        }

        Assert.InRange(HydroTraceFixtures.MaxAbsDiff(x.grad!, Get($"{name}/grad/gridded")), 0, 1e-10);
    }

    private static HydroTraceBackbone Model(string name)
    {
        using var json = JsonDocument.Parse(Golden.Value.Metadata[name]);
        var o = json.RootElement;
        var options = new HydroTraceOptions
        {
            HiddenChannels = o.GetProperty("hidden_channels").GetInt32(),
            KernelSize = o.GetProperty("kernel_size").GetInt32(),
            HeadHidden = o.GetProperty("head_hidden").GetInt32(),
            InputLag = o.GetProperty("input_lag").GetInt32(),
            SpatialAttention = o.GetProperty("spatial_attention").GetBoolean(),
            FeatureAttention = o.GetProperty("feature_attention").GetBoolean(),
            PositionResolution = o.GetProperty("position_resolution").GetInt32(),
            Dropout = 0,
        };
        var model = HydroTraceFixtures.Model(options, o.GetProperty("channels").GetInt64(), o.GetProperty("targets").GetInt64());
        model.to(Get($"{name}/in/gridded").dtype);
        var state = State(name, string.Empty);
        Assert.Equal(state.Keys.Order(StringComparer.Ordinal), model.state_dict().Keys.Order(StringComparer.Ordinal));
        model.load_state_dict(state);
        return model;
    }

    /// <summary>Loads the file once for the whole class, out of whichever test's dispose scope happens to be open.</summary>
    private static (Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata) Load()
    {
        var golden = SafeTensors.Load(Path.Combine(AppContext.BaseDirectory, "Attention", "Golden", "hydrotrace.safetensors"));
        foreach (var t in golden.Tensors.Values)
        {
            t.DetachFromDisposeScope();
        }

        return golden;
    }

    private static Tensor Get(string key) => Golden.Value.Tensors[key];

    /// <summary>The case's weights under their state-dict names, without <paramref name="strip"/>.</summary>
    private static Dictionary<string, Tensor> State(string name, string strip)
    {
        var prefix = $"{name}/state/{strip}";
        return Golden.Value.Tensors.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Key[prefix.Length..], e => e.Value);
    }
}
