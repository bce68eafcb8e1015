using System.Globalization;
using System.Text.Json;
using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.Ops;

/// <summary>Forward values, result dtypes and input gradients against PyTorch (Golden/make_math.py).</summary>
public class MathGoldenTests
{
    public static IEnumerable<object[]> CaseNames => Golden.Names("math");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MatchesPyTorch(string name)
    {
        using var scope = torch.NewDisposeScope();
        var c = Golden.Case("math", name);
        var op = c.GetProperty("op").GetString()!;
        var hasGrads = c.TryGetProperty("grads", out var grads);
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(e => Golden.ToTensor(e, hasGrads)).ToArray();

        Assert.True(MathOps.All.TryGetValue(op, out var f), $"no C# mapping for op '{op}'");
        var outputs = f(inputs, new MathOps.Params(c.GetProperty("params")));

        var expected = c.GetProperty("outputs").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, outputs.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Compare(outputs[i], expected[i], $"{name} output {i}");
        }

        if (!hasGrads)
        {
            return;
        }

        outputs[0].backward(Golden.ToTensor(c.GetProperty("grad_out")));
        var g = grads.EnumerateArray().ToArray();
        for (var i = 0; i < g.Length; i++)
        {
            if (g[i].ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var actual = inputs[i].grad;
            Assert.True(actual is not null, $"{name}: input {i} got no gradient");
            Compare(actual, g[i], $"{name} grad {i}");
        }
    }

    [Fact]
    public void GoldenFileCoversEveryMappedOp()
    {
        var used = Golden.Cases("math").Values.Select(c => c.GetProperty("op").GetString()!).ToHashSet();
        var unused = MathOps.All.Keys.Where(k => !used.Contains(k)).ToArray();
        Assert.True(unused.Length == 0, "ops without golden cases: " + string.Join(", ", unused));
    }

    private static void Compare(Tensor actual, JsonElement expected, string what)
    {
        var dtype = expected.GetProperty("dtype").GetString();
        Assert.Equal(dtype, DTypeName(actual.dtype));
        var (rtol, atol) = dtype switch
        {
            "float32" => (1e-5, 1e-6),
            "float64" => (1e-10, 1e-12),
            _ => (0.0, 0.0),
        };
        Expect.Close(actual, Golden.Shape(expected), Golden.Values(expected), rtol, atol, what);
    }

    private static string DTypeName(ScalarType t) => t switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Int64 => "int64",
        ScalarType.Bool => "bool",
        _ => t.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
