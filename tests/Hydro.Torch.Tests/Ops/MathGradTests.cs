using Hydro.Torch.Tests.Support;

namespace Hydro.Torch.Tests.Ops;

/// <summary>Finite-difference gradient checks (float64) of every differentiable math op.</summary>
public class MathGradTests
{
    private delegate Tensor F(Tensor[] x);

    /// <summary>Name → (function, input factory). Inputs stay away from kinks by more than the FD step.</summary>
    private static readonly Dictionary<string, (F f, Func<Tensor[]> inputs)> Cases = new()
    {
        // binary, incl. broadcasting
        ["add_alpha"] = (x => x[0].add(x[1], 2.5), () => [R(2, 3), R(3)]),
        ["sub_alpha"] = (x => torch.sub(x[0], x[1], -1.5), () => [R(4, 1), R(1, 3)]),
        ["mul_broadcast"] = (x => x[0] * x[1], () => [R(4, 1), R(2, 1, 3)]),
        ["div_broadcast"] = (x => x[0] / x[1], () => [R(2, 3), P(3)]),
        ["pow_both"] = (x => x[0].pow(x[1]), () => [P(2, 3), R(3)]),
        ["atan2"] = (x => torch.atan2(x[0], x[1]), () => [R(2, 3), P(2, 3)]),
        ["remainder"] = (x => x[0].remainder(x[1]), () => [T([0.3, 1.7, -2.2, 4.1]), T([0.7, 1.1, 0.9, 1.3])]),
        ["fmod"] = (x => torch.fmod(x[0], x[1]), () => [T([0.3, 1.7, -2.2, 4.1]), T([0.7, 1.1, 0.9, 1.3])]),
        ["minimum"] = (x => torch.minimum(x[0], x[1]), () => [D(0, 2, 3), D(1, 3)]),
        ["maximum"] = (x => x[0].maximum(x[1]), () => [D(2, 2, 3), D(3, 2, 3)]),
        ["clamp_min_tensor"] = (x => x[0].clamp_min(x[1]), () => [D(4, 2, 3), D(5, 3)]),
        ["clamp_max_tensor"] = (x => torch.clamp_max(x[0], x[1]), () => [D(6, 2, 3), D(7, 3)]),

        // with numbers
        ["add_scalar"] = (x => x[0] + 2 + (1.5 * x[0]), () => [R(2, 3)]),
        ["rsub_scalar"] = (x => 3 - x[0] - (x[0] - 0.5), () => [R(2, 3)]),
        ["div_scalar_both_sides"] = (x => (x[0] / 2.5) + (2 / x[0]), () => [P(2, 3)]),
        ["pow_scalar_exponent"] = (x => x[0].pow(2.5), () => [P(2, 3)]),
        ["pow_scalar_base"] = (x => torch.pow(1.7, x[0]), () => [R(2, 3)]),
        ["neg_operator"] = (x => -x[0], () => [R(2, 3)]),
        ["rsub_method"] = (x => x[0].rsub(2, alpha: 3) + x[0].sub(1, alpha: 0.5), () => [R(2, 3)]),
        ["clamp_min_max_scalar"] = (x => x[0].clamp_min(0.1) * x[0].clamp_max(-0.5), () => [D(25, 2, 3)]),
        ["remainder_fmod_scalar"] = (x => x[0].remainder(0.7) + torch.fmod(x[0], 0.9), () => [T([0.31, 1.75, -2.2, 4.1])]),

        // unary
        ["exp"] = (x => x[0].exp(), () => [R(2, 3)]),
        ["exp2"] = (x => x[0].exp2(), () => [R(2, 3)]),
        ["expm1"] = (x => x[0].expm1(), () => [R(2, 3)]),
        ["log"] = (x => x[0].log(), () => [P(2, 3)]),
        ["log2"] = (x => x[0].log2(), () => [P(2, 3)]),
        ["log10"] = (x => torch.log10(x[0]), () => [P(2, 3)]),
        ["log1p"] = (x => x[0].log1p(), () => [P(2, 3)]),
        ["sqrt"] = (x => x[0].sqrt(), () => [P(2, 3)]),
        ["rsqrt"] = (x => x[0].rsqrt(), () => [P(2, 3)]),
        ["reciprocal"] = (x => x[0].reciprocal(), () => [P(2, 3)]),
        ["square"] = (x => x[0].square(), () => [R(2, 3)]),
        ["abs"] = (x => x[0].abs(), () => [D(8, 2, 3)]),
        ["sigmoid"] = (x => x[0].sigmoid(), () => [R(2, 3)]),
        ["tanh"] = (x => torch.tanh(x[0]), () => [R(2, 3)]),
        ["relu"] = (x => x[0].relu(), () => [D(9, 2, 3)]),
        ["softplus"] = (x => x[0].softplus(), () => [R(2, 3)]),
        ["softplus_beta_threshold"] = (x => torch.softplus(x[0], 2.0, 1.0), () => [T([-1.1, -0.2, 0.3, 0.45, 0.7, 1.9])]),
        ["elu"] = (x => x[0].elu(0.7), () => [D(10, 2, 3)]),
        ["lgamma"] = (x => x[0].lgamma(), () => [T([0.3, 1.7, 4.2, -0.5, -1.5, 9.0])]),
        ["digamma"] = (x => x[0].digamma(), () => [P(2, 3)]),
        ["erf"] = (x => x[0].erf(), () => [R(2, 3)]),
        ["erfc"] = (x => x[0].erfc(), () => [R(2, 3)]),
        ["sin"] = (x => x[0].sin(), () => [R(2, 3)]),
        ["cos"] = (x => x[0].cos(), () => [R(2, 3)]),
        ["tan"] = (x => x[0].tan(), () => [R(2, 3)]),
        ["nan_to_num"] = (x => x[0].nan_to_num(), () => [R(2, 3)]),

        // clamp, where, lerp, addcmul/addcdiv
        ["clamp_scalar"] = (x => x[0].clamp(-0.5, 0.8), () => [D(11, 3, 4)]),
        ["clamp_min_only"] = (x => torch.clamp(x[0], min: 0.1), () => [D(12, 3, 4)]),
        ["clamp_tensor_bounds"] = (x => x[0].clamp(x[1], x[2]), () => [D(13, 3, 4), U(-2, -0.05, 4), U(0.05, 2, 3, 1)]),
        ["where_tensors"] = (x => torch.where(x[0] > 0, x[1], x[2]), () => [R(2, 3), R(2, 3), R(3)]),
        ["where_method"] = (x => x[0].where(x[1] > 0, x[1]) + x[0].where(x[1] < 0, 2.0), () => [R(2, 3), R(3)]),
        ["where_scalar_branch"] = (x => torch.where(x[0] > 0, x[0] * x[0], 0.5) + torch.where(x[0] < 0, 1.0, x[0]), () => [D(14, 2, 3)]),
        ["lerp_scalar"] = (x => x[0].lerp(x[1], 0.3), () => [R(2, 3), R(3)]),
        ["lerp_tensor"] = (x => torch.lerp(x[0], x[1], x[2]), () => [R(2, 3), R(3), U(0, 1, 2, 3)]),
        ["addcmul"] = (x => x[0].addcmul(x[1], x[2], 0.5), () => [R(2, 3), R(2, 3), R(3)]),
        ["addcdiv"] = (x => torch.addcdiv(x[0], x[1], x[2], -2), () => [R(2, 3), R(2, 3), P(3)]),

        // reductions
        ["sum_all"] = (x => x[0].sum(), () => [R(2, 3, 4)]),
        ["sum_dims_keep"] = (x => x[0].sum([0, 2], keepdim: true), () => [R(2, 3, 4)]),
        ["mean_all"] = (x => x[0].mean(), () => [R(2, 3, 4)]),
        ["mean_dim"] = (x => x[0].mean(1), () => [R(2, 3, 4)]),
        ["nansum"] = (x => x[0].nansum([1]), () => [R(2, 3)]),
        ["nanmean"] = (x => x[0].nanmean([0], keepdim: true), () => [R(2, 3)]),
        ["std_all"] = (x => x[0].std(), () => [R(2, 3, 4)]),
        ["std_dims_biased"] = (x => x[0].std([0, 2], unbiased: false, keepdim: true), () => [R(2, 3, 4)]),
        ["var_all_biased"] = (x => x[0].var(false), () => [R(2, 3, 4)]),
        ["var_dim"] = (x => torch.var(x[0], [1]), () => [R(2, 3, 4)]),
        ["min_all"] = (x => x[0].min(), () => [D(15, 2, 3)]),
        ["max_all"] = (x => torch.max(x[0]), () => [D(16, 2, 3)]),
        ["min_dim_values"] = (x => x[0].min(1).values, () => [D(17, 2, 3, 4)]),
        ["max_dim_keep_values"] = (x => torch.max(x[0], -1, keepdim: true).values, () => [D(18, 2, 3, 4)]),
        ["amin"] = (x => x[0].amin([0, 2]), () => [D(19, 2, 3, 4)]),
        ["amax"] = (x => x[0].amax([1], keepdim: true), () => [D(20, 2, 3, 4)]),
        ["prod_all"] = (x => x[0].prod(), () => [U(0.5, 1.5, 2, 3)]),
        ["prod_dim"] = (x => x[0].prod(1, keepdim: true), () => [U(-1.5, 1.5, 2, 3)]),
        ["cumsum"] = (x => x[0].cumsum(1), () => [R(2, 3, 4)]),
        ["cumprod"] = (x => torch.cumprod(x[0], -1), () => [U(0.5, 1.5, 2, 4)]),
        ["logsumexp"] = (x => x[0].logsumexp([0, 2]), () => [R(2, 3, 4)]),
        ["logsumexp_keep"] = (x => torch.logsumexp(x[0], 1, keepdim: true), () => [R(2, 3, 4)]),
        ["norm_all"] = (x => x[0].norm(), () => [R(2, 3)]),
        ["norm_dims"] = (x => x[0].norm(2, [1], keepdim: true), () => [R(2, 3, 4)]),
        ["norm_p1"] = (x => torch.norm(x[0], 1, [0]), () => [D(21, 2, 3)]),
        ["norm_p3"] = (x => x[0].norm(3, [1]), () => [R(2, 3)]),
        ["norm_inf"] = (x => x[0].norm(double.PositiveInfinity, [1]), () => [D(22, 2, 3)]),

        // matrix products
        ["matmul_batched_broadcast"] = (x => x[0].matmul(x[1]), () => [R(2, 1, 2, 3), R(3, 3, 2)]),
        ["matmul_vector"] = (x => torch.matmul(x[0], x[1]), () => [R(2, 3), R(3)]),
        ["mm"] = (x => x[0].mm(x[1]), () => [R(2, 3), R(3, 4)]),
        ["bmm"] = (x => torch.bmm(x[0], x[1]), () => [R(2, 2, 3), R(2, 3, 2)]),
        ["outer"] = (x => x[0].outer(x[1]), () => [R(3), R(2)]),
        ["dot"] = (x => torch.dot(x[0], x[1]), () => [R(4), R(4)]),

        // in place (on a clone of the input)
        ["add_"] = (x => x[0].clone().add_(x[1], 0.5), () => [R(2, 3), R(3)]),
        ["sub_"] = (x => x[0].clone().sub_(x[1]).sub_(2), () => [R(2, 3), R(3)]),
        ["mul_"] = (x => x[0].clone().mul_(x[1]).mul_(-3), () => [R(2, 3), R(3)]),
        ["div_"] = (x => x[0].clone().div_(x[1]).div_(4), () => [R(2, 3), P(3)]),
        ["pow_"] = (x => x[0].clone().pow_(x[1]), () => [P(2, 3), R(2, 3)]),
        ["addcmul_"] = (x => x[0].clone().addcmul_(x[1], x[2], 2), () => [R(2, 3), R(2, 3), R(3)]),
        ["addcdiv_"] = (x => x[0].clone().addcdiv_(x[1], x[2], -0.5), () => [R(2, 3), R(3), P(2, 3)]),
        ["sqrt_exp_"] = (x => x[0].clone().sqrt_() + x[0].clone().exp_(), () => [P(2, 3)]),
        ["clamp_"] = (x => x[0].clone().clamp_(-0.5, 0.5), () => [D(23, 2, 3)]),
        ["lerp_"] = (x => x[0].clone().lerp_(x[1], 0.25).lerp_(x[1], x[2]), () => [R(2, 3), R(2, 3), U(0, 1, 3)]),
        ["copy_"] = (x => torch.zeros([2, 3], ScalarType.Float64).copy_(x[0] * 2), () => [R(3)]),
        ["unary_in_place"] = (x => x[0].clone().sigmoid_() + x[0].clone().tanh_() + x[0].clone().square_() + x[0].clone().relu_(), () => [D(26, 2, 3)]),
        ["log_reciprocal_"] = (x => x[0].clone().log_() + x[0].clone().reciprocal_(), () => [P(2, 3)]),
        ["neg_abs_"] = (x => x[0].clone().neg_().abs_(), () => [D(24, 2, 3)]),
    };

    public static IEnumerable<object[]> Names => Cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public void GradientMatchesFiniteDifferences(string name)
    {
        using var scope = torch.NewDisposeScope();
        var (f, inputs) = Cases[name];
        GradCheck.Check(x => f(x), inputs());
    }

    private static int seed = 100;

    /// <summary>Uniform float64 values in [−2, 2).</summary>
    private static Tensor R(params long[] shape) => U(-2, 2, shape);

    /// <summary>Uniform float64 values in [lo, hi).</summary>
    private static Tensor U(double lo, double hi, params long[] shape)
    {
        var g = torch.Generator((ulong)Interlocked.Increment(ref seed));
        return (torch.rand(shape, g, ScalarType.Float64) * (hi - lo)) + lo;
    }

    /// <summary>Positive values in [0.3, 2.5).</summary>
    private static Tensor P(params long[] shape) => U(0.3, 2.5, shape);

    /// <summary>Distinct values 0.23 apart, none within 0.03 of 0, ±0.5, ±0.8 or 0.1 (no ties, no kinks).</summary>
    private static Tensor D(int seedValue, params long[] shape)
    {
        var n = (int)shape.Aggregate(1L, (a, b) => a * b);
        var values = Enumerable.Range(0, n).Select(k => (0.23 * k) - (0.23 * (n / 2)) + 0.07).ToArray();
        new Random(seedValue).Shuffle(values);
        return torch.tensor(values, shape);
    }

    private static Tensor T(double[] values) => torch.tensor(values);
}
