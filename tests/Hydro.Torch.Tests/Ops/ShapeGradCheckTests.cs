using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.Ops;

/// <summary>Finite-difference gradient checks (float64) of every differentiable shape and indexing op.</summary>
public class ShapeGradCheckTests
{
    private static int seed;

    /// <summary>Each entry builds (inside the test's dispose scope) the function to check and its inputs.</summary>
    private static readonly Dictionary<string, Func<(Func<Tensor[], Tensor> F, Tensor[] Inputs)>> Checks = new()
    {
        ["reshape"] = () => (a => a[0].reshape(4, -1), [R(2, 6)]),
        ["reshape_transposed"] = () => (a => a[0].t().reshape(-1), [R(3, 4)]),
        ["view"] = () => (a => a[0].view(3, 2, 2), [R(2, 6)]),
        ["view_as"] = () => (a => a[0].view_as(a[1]), [R(6), R(2, 3)]),
        ["flatten"] = () => (a => a[0].flatten(1), [R(2, 2, 3)]),
        ["unflatten"] = () => (a => a[0].unflatten(-1, 2, 3), [R(2, 6)]),
        ["permute"] = () => (a => a[0].permute(2, 0, 1), [R(2, 3, 2)]),
        ["transpose"] = () => (a => a[0].transpose(-1, 0), [R(2, 3, 2)]),
        ["t"] = () => (a => a[0].t(), [R(2, 3)]),
        ["movedim"] = () => (a => a[0].movedim(0, -1), [R(2, 3, 2)]),
        ["unsqueeze"] = () => (a => a[0].unsqueeze(-2), [R(2, 3)]),
        ["squeeze"] = () => (a => a[0].squeeze(), [R(1, 3, 1)]),
        ["squeeze_dim"] = () => (a => a[0].squeeze(-1), [R(2, 1)]),
        ["expand"] = () => (a => a[0].expand(2, 3, -1), [R(3, 1).expand(3, 2).contiguous()]),
        ["expand_as"] = () => (a => a[0].expand_as(a[1]), [R(1, 3), R(2, 3)]),
        ["broadcast_to"] = () => (a => a[0].broadcast_to(3, 2), [R(2)]),
        ["repeat"] = () => (a => a[0].repeat(2, 1, 2), [R(2, 2)]),
        ["flip"] = () => (a => a[0].flip(0, -1), [R(2, 3)]),
        ["roll"] = () => (a => a[0].roll(1, -1), [R(2, 3)]),
        ["cat"] = () => (a => torch.cat([a[0], a[1].t()], 1), [R(2, 3), R(1, 2)]),
        ["stack"] = () => (a => torch.stack([a[0], a[1]], -1), [R(2, 3), R(2, 3)]),
        ["split"] = () => (a => { var p = a[0].split(2, 1); return torch.cat([p[2], p[0], p[1]], 1); }, [R(2, 5)]),
        ["split_sizes"] = () => (a => { var p = a[0].split([1, 3], 0); return torch.cat([p[1], p[0]]); }, [R(4, 2)]),
        ["chunk"] = () => (a => { var p = a[0].chunk(2, -1); return torch.cat([p[1], p[0]], -1); }, [R(2, 3)]),
        ["unbind"] = () => (a => { var p = a[0].unbind(1); return torch.stack([p[2], p[0]]); }, [R(2, 3)]),
        ["narrow"] = () => (a => a[0].narrow(-1, 1, 2), [R(3, 4)]),
        ["slice"] = () => (a => a[0].slice(0, 1, null, 2), [R(5, 2)]),
        ["select"] = () => (a => a[0].select(1, -1), [R(3, 4)]),
        ["indexer_leading"] = () => (a => a[0][1, -2], [R(3, 4, 2)]),
        ["index_select"] = () => (a => a[0].index_select(0, I([2, 0, 2])), [R(3, 2)]),
        ["gather"] = () => (a => a[0].gather(1, I([0, 0, 2, 1], [2, 2])), [R(2, 3)]),
        ["gather_transposed"] = () => (a => a[0].t().gather(0, I([1, 0, 1], [1, 3])), [R(3, 2)]),
        ["take"] = () => (a => a[0].take(I([5, 0, 5])), [R(2, 3)]),
        ["scatter"] = () => (a => a[0].scatter(1, I([2, 0, 1, 2], [2, 2]), a[1]), [R(2, 3), R(2, 2)]),
        ["scatter_value"] = () => (a => a[0].scatter(0, I([1, 0], [1, 2]), 3.0), [R(2, 2)]),
        ["scatter_add"] = () => (a => a[0].scatter_add(0, I([1, 1, 0, 1], [2, 2]), a[1]), [R(2, 2), R(2, 2)]),
        ["scatter_reduce_sum"] = () => (a => a[0].scatter_reduce(0, I([0, 2, 0]), a[1], "sum", include_self: false), [R(3), R(3)]),
        ["scatter_reduce_mean"] = () => (a => a[0].scatter_reduce(0, I([0, 2, 0]), a[1], "mean"), [R(3), R(3)]),
        ["index_add"] = () => (a => a[0].index_add(1, I([0, 0]), a[1], 0.5), [R(2, 3), R(2, 2)]),
        ["masked_fill"] = () => (a => a[0].masked_fill(M([true, false, true]), -2.0), [R(2, 3)]),
        ["masked_fill_tensor"] = () => (a => a[0].masked_fill(M([false, true, true, false], [2, 2]), a[1]), [R(2, 2), R([])]),
        ["masked_select"] = () => (a => a[0].masked_select(M([true, false, true, true], [2, 2])), [R(2, 2)]),
        ["indexer_mask"] = () => (a => a[0][M([true, false, true])], [R(3, 2)]),
        ["indexer_long"] = () => (a => a[0][I([2, -3, 2])], [R(3, 2)]),
        ["index_multi"] = () => (a => a[0].index(I([0, 1]), null, I([2, 0])), [R(2, 2, 3)]),
        ["index_put"] = () => (a => a[0].index_put([I([1, 3])], a[1]), [R(4, 2), R(2, 2)]),
        ["index_put_accumulate"] = () => (a => a[0].clone().index_put_([I([1, 1])], a[1], accumulate: true), [R(3), R(2)]),
        ["indexer_setter"] = () => (a => { var c = a[0].clone(); c[M([false, true, true])] = a[1]; return c; }, [R(3, 2), R(2)]),
        ["indexer_leading_setter"] = () => (a => { var c = a[0].clone(); c[-1] = a[1]; return c; }, [R(2, 3), R(3)]),
        ["tril"] = () => (a => a[0].tril(-1), [R(3, 3)]),
        ["triu"] = () => (a => a[0].triu(1), [R(2, 3, 3)]),
        ["diag_vector"] = () => (a => a[0].diag(-1), [R(3)]),
        ["diag_matrix"] = () => (a => a[0].diag(), [R(3, 4)]),
        ["diagonal"] = () => (a => a[0].diagonal(1, -2, -1), [R(2, 3, 3)]),
    };

    public static IEnumerable<object[]> Names => Checks.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public void GradientMatchesFiniteDifferences(string name)
    {
        using var scope = torch.NewDisposeScope();
        var (f, inputs) = Checks[name]();
        GradCheck.Check(f, inputs);
    }

    private static Tensor R(params long[] shape) => torch.randn(shape, torch.Generator((ulong)Interlocked.Increment(ref seed)), ScalarType.Float64);

    private static Tensor I(long[] values, long[]? shape = null) => torch.tensor(values, shape);

    private static Tensor M(bool[] values, long[]? shape = null) => torch.tensor(values, shape);
}
