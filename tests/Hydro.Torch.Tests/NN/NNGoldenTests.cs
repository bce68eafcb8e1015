using System.Text.Json;
using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.NN;

/// <summary>Modules and functional ops against PyTorch (Golden/make_nn.py): forward, backward and default initialisation.</summary>
public class NNGoldenTests
{
    private const double Rtol = 1e-5;
    private const double Atol = 1e-5;

    public static IEnumerable<object[]> ModuleCases => Kind("Linear", "Conv1d", "Conv2d", "LSTM", "LSTMCell");

    public static IEnumerable<object[]> FunctionalCases => Kind("functional");

    public static IEnumerable<object[]> StatesCases => Kind("LSTMStates");

    public static IEnumerable<object[]> OrthogonalCases => Kind("orthogonal");

    private static IEnumerable<object[]> Kind(params string[] kinds) =>
        Golden.Cases("nn").Where(c => kinds.Contains(c.Value.GetProperty("kind").GetString())).Select(c => new object[] { c.Key });

    [Theory]
    [MemberData(nameof(ModuleCases))]
    public void ModuleMatchesPyTorchForwardAndBackward(string name)
    {
        using var scope = torch.NewDisposeScope();
        var c = Golden.Case("nn", name);
        using var m = Build(c);

        // Built from the same seed, the default initialisation draws the same numbers as PyTorch's.
        ExpectState(c, m, atol: 1e-7);
        Assert.Equal(c.GetProperty("param_names").EnumerateArray().Select(e => e.GetString()), m.named_parameters().Select(p => p.name));

        // Load the weights anyway (the path every PyTorch checkpoint takes), then run and backpropagate.
        m.load_state_dict(StateOf(c));
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(e => Golden.ToTensor(e, requiresGrad: true)).ToArray();
        var outputs = Run(m, inputs);
        var expected = c.GetProperty("outputs").EnumerateArray().ToArray();
        var gradOut = c.GetProperty("grad_out").EnumerateArray().Select(e => Golden.ToTensor(e)).ToArray();
        Assert.Equal(expected.Length, outputs.Length);
        for (var i = 0; i < outputs.Length; i++)
        {
            Expect.Close(outputs[i], Golden.Shape(expected[i]), Golden.Values(expected[i]), Rtol, Atol, $"{name} output {i}");
            outputs[i].backward(gradOut[i], retain_graph: i < outputs.Length - 1);
        }

        var inputGrads = c.GetProperty("input_grads").EnumerateArray().ToArray();
        for (var i = 0; i < inputs.Length; i++)
        {
            Expect.Close(inputs[i].grad!, Golden.Shape(inputGrads[i]), Golden.Values(inputGrads[i]), Rtol, Atol, $"{name} d/d input {i}");
        }

        var paramGrads = c.GetProperty("param_grads");
        foreach (var (pname, p) in m.named_parameters())
        {
            var e = paramGrads.GetProperty(pname);
            Expect.Close(p.grad!, Golden.Shape(e), Golden.Values(e), Rtol, Atol, $"{name} d/d {pname}");
        }
    }

    [Theory]
    [MemberData(nameof(StatesCases))]
    public void LstmStatesMatchAManualPyTorchLoop(string name)
    {
        using var scope = torch.NewDisposeScope();
        var c = Golden.Case("nn", name);
        using var lstm = (nn.LSTM)Build(c);
        ExpectState(c, lstm, atol: 1e-7);
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(e => Golden.ToTensor(e)).ToArray();
        var states = inputs.Length == 3 ? lstm.forward_with_states(inputs[0], (inputs[1], inputs[2])) : lstm.forward_with_states(inputs[0]);
        var expected = c.GetProperty("outputs").EnumerateArray().ToArray();
        Expect.Close(states.h, Golden.Shape(expected[0]), Golden.Values(expected[0]), Rtol, Atol, "h sequence");
        Expect.Close(states.c, Golden.Shape(expected[1]), Golden.Values(expected[1]), Rtol, Atol, "c sequence");

        // The step-by-step path agrees with the fused one on the outputs and the final states of every layer.
        var (output, (h, cn)) = inputs.Length == 3 ? lstm.call(inputs[0], (inputs[1], inputs[2])) : lstm.call(inputs[0]);
        Expect.Close(states.h, output.shape, Values(output), Rtol, Atol, "h sequence vs fused");
        Expect.Close(states.h_n, h.shape, Values(h), Rtol, Atol, "h_n vs fused");
        Expect.Close(states.c_n, cn.shape, Values(cn), Rtol, Atol, "c_n vs fused");
    }

    [Theory]
    [MemberData(nameof(FunctionalCases))]
    public void FunctionalMatchesPyTorch(string name)
    {
        using var scope = torch.NewDisposeScope();
        var c = Golden.Case("nn", name);
        var inputs = c.GetProperty("inputs").EnumerateArray().Select((e, i) => Golden.ToTensor(e, requiresGrad: i == 0)).ToArray();
        var y = Functional(c.GetProperty("fn").GetString()!, c.GetProperty("kwargs"), inputs);
        var expected = c.GetProperty("outputs")[0];
        Expect.Close(y, Golden.Shape(expected), Golden.Values(expected), Rtol, Atol, name);
        y.backward(Golden.ToTensor(c.GetProperty("grad_out")[0]));
        var g = c.GetProperty("input_grads")[0];
        Expect.Close(inputs[0].grad!, Golden.Shape(g), Golden.Values(g), Rtol, Atol, name + " gradient");
    }

    [Theory]
    [MemberData(nameof(OrthogonalCases))]
    public void OrthogonalInitMatchesPyTorch(string name)
    {
        using var scope = torch.NewDisposeScope();
        var expected = Golden.Case("nn", name).GetProperty("outputs")[0];
        var w = torch.empty(Golden.Shape(expected));
        nn.init.orthogonal_(w, 1.5, torch.Generator(77));
        Expect.Close(w, Golden.Shape(expected), Golden.Values(expected), 1e-4, 1e-5, name);
    }

    internal static double[] Values(Tensor t) => t.to(ScalarType.Float64).data<double>();

    internal static Dictionary<string, Tensor> StateOf(JsonElement c) =>
        c.GetProperty("state").EnumerateObject().ToDictionary(p => p.Name, p => Golden.ToTensor(p.Value));

    private static void ExpectState(JsonElement c, nn.Module m, double atol)
    {
        var state = c.GetProperty("state");
        var ours = m.state_dict();
        Assert.Equal(state.EnumerateObject().Select(p => p.Name), ours.Keys);
        foreach (var p in state.EnumerateObject())
        {
            Expect.Close(ours[p.Name], Golden.Shape(p.Value), Golden.Values(p.Value), 0, atol, "initial " + p.Name);
        }
    }

    internal static nn.Module Build(JsonElement c)
    {
        var a = c.GetProperty("args");
        var g = torch.Generator((ulong)c.GetProperty("seed").GetInt64());
        long L(string k, long d = 0) => a.TryGetProperty(k, out var v) ? v.GetInt64() : d;
        bool B(string k, bool d) => a.TryGetProperty(k, out var v) ? v.GetBoolean() : d;
        return c.GetProperty("kind").GetString() switch
        {
            "Linear" => new nn.Linear(L("in_features"), L("out_features"), B("bias", true), g),
            "Conv1d" when a.TryGetProperty("padding", out var pad) && pad.ValueKind == JsonValueKind.String =>
                new nn.Conv1d(L("in_channels"), L("out_channels"), L("kernel_size"), L("stride", 1), pad.GetString()!, L("dilation", 1), L("groups", 1), B("bias", true), g),
            "Conv1d" => new nn.Conv1d(L("in_channels"), L("out_channels"), L("kernel_size"), L("stride", 1), L("padding"), L("dilation", 1), L("groups", 1), B("bias", true), g),
            "Conv2d" when a.GetProperty("kernel_size").ValueKind == JsonValueKind.Array =>
                new nn.Conv2d(L("in_channels"), L("out_channels"), Pair(a, "kernel_size"), Pair(a, "stride"), Pair(a, "padding"), groups: L("groups", 1), bias: B("bias", true), generator: g),
            "Conv2d" => new nn.Conv2d(L("in_channels"), L("out_channels"), L("kernel_size"), L("stride", 1), L("padding"), L("dilation", 1), L("groups", 1), B("bias", true), g),
            "LSTM" or "LSTMStates" => new nn.LSTM(L("input_size"), L("hidden_size"), L("num_layers", 1), B("bias", true), B("batch_first", false), generator: g),
            "LSTMCell" => new nn.LSTMCell(L("input_size"), L("hidden_size"), B("bias", true), g),
            var k => throw new InvalidDataException(k),
        };
    }

    private static (long, long) Pair(JsonElement a, string key)
    {
        var v = a.GetProperty(key);
        return (v[0].GetInt64(), v[1].GetInt64());
    }

    private static Tensor[] Run(nn.Module m, Tensor[] x)
    {
        switch (m)
        {
            case nn.LSTM lstm:
                var (output, (h, c)) = x.Length == 3 ? lstm.call(x[0], (x[1], x[2])) : lstm.call(x[0]);
                return [output, h, c];
            case nn.LSTMCell cell:
                var (h1, c1) = x.Length == 3 ? cell.call(x[0], (x[1], x[2])) : cell.call(x[0]);
                return [h1, c1];
            case nn.Module<Tensor, Tensor> layer:
                return [layer.call(x[0])];
            default:
                throw new InvalidOperationException(m.GetName());
        }
    }

    private static Tensor Functional(string fn, JsonElement kw, Tensor[] x)
    {
        long? L(string k) => kw.TryGetProperty(k, out var v) ? v.GetInt64() : null;
        double D(string k, double d) => kw.TryGetProperty(k, out var v) ? v.GetDouble() : d;
        bool B(string k, bool d) => kw.TryGetProperty(k, out var v) ? v.GetBoolean() : d;
        string S(string k, string d) => kw.TryGetProperty(k, out var v) ? v.GetString()! : d;
        return fn switch
        {
            "avg_pool1d" => nn.functional.avg_pool1d(x[0], L("kernel_size")!.Value, L("stride"), L("padding") ?? 0, B("ceil_mode", false), B("count_include_pad", true)),
            "avg_pool2d" => nn.functional.avg_pool2d(x[0], L("kernel_size")!.Value, L("stride"), L("padding") ?? 0, B("ceil_mode", false), B("count_include_pad", true)),
            "max_pool1d" => nn.functional.max_pool1d(x[0], L("kernel_size")!.Value, L("stride"), L("padding") ?? 0, L("dilation") ?? 1, B("ceil_mode", false)),
            "max_pool2d" => nn.functional.max_pool2d(x[0], L("kernel_size")!.Value, L("stride"), L("padding") ?? 0, L("dilation") ?? 1, B("ceil_mode", false)),
            "mse_loss" => nn.functional.mse_loss(x[0], x[1], S("reduction", "mean")),
            "l1_loss" => nn.functional.l1_loss(x[0], x[1], S("reduction", "mean")),
            "smooth_l1_loss" => nn.functional.smooth_l1_loss(x[0], x[1], S("reduction", "mean"), D("beta", 1)),
            "huber_loss" => nn.functional.huber_loss(x[0], x[1], S("reduction", "mean"), D("delta", 1)),
            "relu" => nn.functional.relu(x[0]),
            "sigmoid" => nn.functional.sigmoid(x[0]),
            "tanh" => nn.functional.tanh(x[0]),
            "softplus" => nn.functional.softplus(x[0], D("beta", 1), D("threshold", 20)),
            "elu" => nn.functional.elu(x[0], D("alpha", 1)),
            "leaky_relu" => nn.functional.leaky_relu(x[0], D("negative_slope", 0.01)),
            "gelu" => nn.functional.gelu(x[0], S("approximate", "none")),
            "silu" => nn.functional.silu(x[0]),
            "softmax" => nn.functional.softmax(x[0], L("dim")!.Value),
            "log_softmax" => nn.functional.log_softmax(x[0], L("dim")!.Value),
            "layer_norm" => nn.functional.layer_norm(x[0], kw.GetProperty("normalized_shape").EnumerateArray().Select(e => e.GetInt64()).ToArray()),
            _ => throw new InvalidDataException(fn),
        };
    }
}
