using System.Text.Json;
using Hydro.Torch.Optim;
using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.Optim;

/// <summary>
/// The test problem of make_optim.py: L = Σ a (p − c)² + 0.1 p⁴ over p0 [3, 4] and p1 [4]; the gradient
/// 2a(p − c) + 0.4p³ is computed in doubles exactly as the generator does and set as .grad.
/// </summary>
internal sealed class OptimProblem
{
    private readonly double[][] a;
    private readonly double[][] c;
    private readonly bool dropGrad;

    public OptimProblem(JsonElement golden)
    {
        Case = golden;
        Float32 = golden.GetProperty("dtype").GetString() == "float32";
        a = golden.GetProperty("a").EnumerateArray().Select(Golden.Values).ToArray();
        c = golden.GetProperty("c").EnumerateArray().Select(Golden.Values).ToArray();
        dropGrad = golden.GetProperty("drop_grad").GetBoolean();
    }

    public JsonElement Case { get; }

    public bool Float32 { get; }

    /// <summary>Fresh leaf parameters at the initial values (owned by the caller's scope).</summary>
    public Tensor[] InitialParams() =>
        Case.GetProperty("init").EnumerateArray().Select(e => Golden.ToTensor(e, requiresGrad: true)).ToArray();

    /// <summary>Sets each parameter's gradient for the given step (p1 gets none on even steps with drop_grad).</summary>
    public void SetGrads(Tensor[] ps, int step)
    {
        using var scope = torch.NewDisposeScope();
        for (var i = 0; i < ps.Length; i++)
        {
            if (dropGrad && i == 1 && step % 2 == 0)
            {
                continue;
            }

            var p = Float32 ? ps[i].data<float>().Select(v => (double)v).ToArray() : ps[i].data<double>();
            var g = new double[p.Length];
            for (var k = 0; k < p.Length; k++)
            {
                g[k] = 2.0 * a[i][k] * (p[k] - c[i][k]) + 0.4 * p[k] * p[k] * p[k];
            }

            ps[i].grad = Float32 ? torch.tensor(g.Select(v => (float)v).ToArray(), ps[i].shape) : torch.tensor(g, ps[i].shape);
        }
    }

    /// <summary>The optimiser of the golden case over <paramref name="ps"/>.</summary>
    public Optimizer MakeOptimizer(Tensor[] ps)
    {
        var kw = Case.GetProperty("kwargs");
        double D(string k, double d) => kw.TryGetProperty(k, out var v) ? v.GetDouble() : d;
        bool B(string k) => kw.TryGetProperty(k, out var v) && v.GetBoolean();
        (double, double)? betas = kw.TryGetProperty("betas", out var b) ? (b[0].GetDouble(), b[1].GetDouble()) : null;

        IEnumerable<ParamGroup> groups = [new ParamGroup(ps)];
        if (Case.TryGetProperty("groups", out var gs))
        {
            groups = gs.EnumerateArray().Select(g =>
            {
                var lr = g.TryGetProperty("lr", out var l) ? l.GetDouble() : (double?)null;
                var options = g.TryGetProperty("betas", out var gb) ? new AdamOptions { betas = (gb[0].GetDouble(), gb[1].GetDouble()) } : null;
                return new ParamGroup([ps[g.GetProperty("param").GetInt32()]], lr, options);
            }).ToList();
        }

        return Case.GetProperty("optimizer").GetString() switch
        {
            "SGD" => optim.SGD(groups, D("lr", double.NaN), D("momentum", 0), D("dampening", 0), D("weight_decay", 0), B("nesterov")),
            "Adam" => optim.Adam(groups, D("lr", 1e-3), betas, D("eps", 1e-8), D("weight_decay", 0), B("amsgrad")),
            "AdamW" => optim.AdamW(groups, D("lr", 1e-3), betas, D("eps", 1e-8), D("weight_decay", 1e-2), B("amsgrad")),
            var other => throw new InvalidDataException($"unknown optimizer {other}"),
        };
    }

    /// <summary>Recorded parameter values by step.</summary>
    public Dictionary<int, JsonElement[]> Records() =>
        Case.GetProperty("record").EnumerateArray().ToDictionary(
            r => r.GetProperty("step").GetInt32(), r => r.GetProperty("params").EnumerateArray().ToArray());

    /// <summary>Asserts the parameters match PyTorch's after <paramref name="step"/>.</summary>
    public void ExpectRecord(Tensor[] ps, JsonElement[] expected, int step)
    {
        var (rtol, atol) = Float32 ? (1e-5, 1e-6) : (1e-10, 1e-12);
        for (var i = 0; i < ps.Length; i++)
        {
            Expect.Close(ps[i], Golden.Shape(expected[i]), Golden.Values(expected[i]), rtol, atol, $"p{i} after step {step}");
        }
    }

    /// <summary>Runs steps first..last (inclusive) of the golden loop.</summary>
    public void Run(Optimizer optimizer, Tensor[] ps, int first, int last, Action<int>? after = null)
    {
        for (var step = first; step <= last; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            SetGrads(ps, step);
            optimizer.step();
            after?.Invoke(step);
        }
    }

    public static IEnumerable<object[]> Names() =>
        Golden.Cases("optim").Where(kv => kv.Value.TryGetProperty("record", out _)).Select(kv => new object[] { kv.Key });
}
