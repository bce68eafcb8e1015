using System.Text.Json;
using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.Ops;

/// <summary>Forward values and input gradients of the shape and indexing ops against PyTorch (Golden/make_shape.py).</summary>
public class ShapeGoldenTests
{
    public static IEnumerable<object[]> Cases => Golden.Names("shape");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name)
    {
        using var scope = torch.NewDisposeScope();
        var c = Golden.Case("shape", name);
        var grads = c.TryGetProperty("grads", out var g) ? g : default;
        var inputs = new Dictionary<string, Tensor>();
        foreach (var input in c.GetProperty("inputs").EnumerateObject())
        {
            var requiresGrad = grads.ValueKind == JsonValueKind.Object && grads.TryGetProperty(input.Name, out _);
            inputs[input.Name] = Golden.ToTensor(input.Value, requiresGrad);
        }

        var x = Prep(inputs["x"], c.GetProperty("prep").GetString()!);
        var outputs = Run(c.GetProperty("op").GetString()!, x, c.GetProperty("args"), inputs);

        var expected = c.GetProperty("outputs").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, outputs.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Compare(outputs[i], expected[i], $"{name} output {i}");
        }

        if (grads.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var upstream = c.GetProperty("upstream").EnumerateArray().ToArray();
        for (var i = 0; i < outputs.Length; i++)
        {
            outputs[i].backward(Golden.ToTensor(upstream[i]), retain_graph: i < outputs.Length - 1);
        }

        foreach (var grad in grads.EnumerateObject())
        {
            var actual = inputs[grad.Name].grad ?? torch.zeros(inputs[grad.Name].shape, inputs[grad.Name].dtype);
            Compare(actual, grad.Value, $"{name} d/d{grad.Name}");
        }
    }

    /// <summary>Makes the input non-contiguous the same way as make_shape.py's prep().</summary>
    internal static Tensor Prep(Tensor x, string how) => how switch
    {
        "t" => x.transpose(-1, -2),
        "step" => x.slice(-1, null, null, 2),
        _ => x,
    };

    /// <summary>The C# side of make_shape.py's run(): one op applied to x and the named inputs.</summary>
    internal static Tensor[] Run(string op, Tensor x, JsonElement a, IReadOnlyDictionary<string, Tensor> o) => op switch
    {
        "reshape" => [x.reshape(Longs(a, "shape"))],
        "view" => [x.view(Longs(a, "shape"))],
        "flatten" => [x.flatten(Long(a, "start"), Long(a, "end"))],
        "unflatten" => [x.unflatten(Long(a, "dim"), Longs(a, "sizes"))],
        "permute" => [x.permute(Longs(a, "dims"))],
        "transpose" => [x.transpose(Long(a, "dim0"), Long(a, "dim1"))],
        "t" => [x.t()],
        "movedim" => [x.movedim(Longs(a, "source"), Longs(a, "destination"))],
        "unsqueeze" => [x.unsqueeze(Long(a, "dim"))],
        "squeeze" => [x.squeeze()],
        "squeeze_dim" => [x.squeeze(Long(a, "dim"))],
        "expand" => [x.expand(Longs(a, "sizes"))],
        "broadcast_to" => [x.broadcast_to(Longs(a, "shape"))],
        "repeat" => [x.repeat(Longs(a, "repeats"))],
        "flip" => [x.flip(Longs(a, "dims"))],
        "roll" => [x.roll(Longs(a, "shifts"), Longs(a, "dims"))],
        "cat" => [torch.cat(Others(x, o), Long(a, "dim"))],
        "stack" => [torch.stack(Others(x, o).ToArray(), Long(a, "dim"))],
        "split" => x.split(Long(a, "size"), Long(a, "dim")),
        "split_sizes" => torch.split(x, Longs(a, "sizes"), Long(a, "dim")),
        "chunk" => x.chunk(Long(a, "chunks"), Long(a, "dim")),
        "unbind" => torch.unbind(x, Long(a, "dim")),
        "narrow" => [x.narrow(Long(a, "dim"), Long(a, "start"), Long(a, "length"))],
        "slice" => [x.slice(Long(a, "dim"), OptLong(a, "start"), OptLong(a, "end"), Long(a, "step"))],
        "select" => [x.select(Long(a, "dim"), Long(a, "index"))],
        "select_leading" => [x[Longs(a, "indices")]],
        "index_select" => [x.index_select(Long(a, "dim"), o["index"])],
        "gather" => [x.gather(Long(a, "dim"), o["index"])],
        "take" => [x.take(o["index"])],
        "scatter" => [x.scatter(Long(a, "dim"), o["index"], o["src"])],
        "scatter_value" => [x.scatter(Long(a, "dim"), o["index"], Number(a, "value"))],
        "scatter_add" => [x.scatter_add(Long(a, "dim"), o["index"], o["src"])],
        "scatter_reduce" => [x.scatter_reduce(Long(a, "dim"), o["index"], o["src"], a.GetProperty("reduce").GetString()!, a.GetProperty("include_self").GetBoolean())],
        "index_add" => [x.index_add(Long(a, "dim"), o["index"], o["source"], Number(a, "alpha"))],
        "masked_fill" => [x.masked_fill(o["mask"], Number(a, "value"))],
        "masked_fill_tensor" => [x.masked_fill(o["mask"], o["value"])],
        "masked_select" => [x.masked_select(o["mask"])],
        "index_mask" => [x[o["mask"]]],
        "index_long" => [x[o["index"]]],
        "index_multi" => [x.index(o["i0"], null, o["i2"])],
        "index_put" => [IndexPut(x, o["index"], o["values"], a.GetProperty("accumulate").GetBoolean())],
        "index_put_mask_scalar" => [x.clone().index_put_([o["mask"]], Number(a, "value"))],
        "nonzero" => [x.nonzero()],
        "argwhere" => [x.argwhere()],
        "where_cond" => torch.where(x),
        "tril" => [x.tril(Long(a, "diagonal"))],
        "triu" => [x.triu(Long(a, "diagonal"))],
        "diag" => [x.diag(Long(a, "diagonal"))],
        "diagonal" => [x.diagonal(Long(a, "offset"), Long(a, "dim1"), Long(a, "dim2"))],
        _ => throw new NotSupportedException($"op {op} has no C# counterpart in ShapeGoldenTests.Run"),
    };

    private static Tensor IndexPut(Tensor x, Tensor index, Tensor values, bool accumulate)
    {
        var c = x.clone();
        if (accumulate)
        {
            return c.index_put_([index], values, accumulate: true);
        }

        c[index] = values; // the indexer's setter
        return c;
    }

    private static IEnumerable<Tensor> Others(Tensor x, IReadOnlyDictionary<string, Tensor> o) =>
        new[] { x }.Concat(o.Where(kv => kv.Key.StartsWith('y')).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value));

    private static long Long(JsonElement a, string key) => a.GetProperty(key).GetInt64();

    private static long? OptLong(JsonElement a, string key) =>
        a.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetInt64() : null;

    private static long[] Longs(JsonElement a, string key) => a.GetProperty(key).EnumerateArray().Select(v => v.GetInt64()).ToArray();

    /// <summary>An integer stays an integer (so int64 tensors keep their dtype); anything else is a double.</summary>
    private static Scalar Number(JsonElement a, string key)
    {
        var v = a.GetProperty(key);
        return v.TryGetInt64(out var l) ? (Scalar)l : (Scalar)v.GetDouble();
    }

    private static void Compare(Tensor actual, JsonElement expected, string what)
    {
        var dtype = expected.GetProperty("dtype").GetString();
        Assert.Equal(dtype, actual.dtype switch
        {
            ScalarType.Float32 => "float32",
            ScalarType.Float64 => "float64",
            ScalarType.Int64 => "int64",
            ScalarType.Bool => "bool",
            var other => other.ToString(),
        });
        var (rtol, atol) = dtype == "float32" ? (1e-5, 1e-6) : (1e-12, 1e-12);
        Expect.Close(actual, Golden.Shape(expected), Golden.Values(expected), rtol, atol, what);
    }
}
