using System.Globalization;
using System.Text.Json;

namespace Hydro.Torch.Tests.Ops;

/// <summary>The op keys of Golden/make_math.py mapped to Hydro.Torch calls (same keys, same semantics).</summary>
internal static class MathOps
{
    internal delegate Tensor[] Op(Tensor[] x, Params p);

    /// <summary>Scalar parameters of a golden case.</summary>
    internal sealed class Params(JsonElement e)
    {
        public bool Has(string key) => e.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null;

        /// <summary>A number keeps its JSON kind: 2 is an int64 scalar, 2.0 a double, true a bool.</summary>
        public Scalar S(string key = "s")
        {
            var v = e.GetProperty(key);
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return v.GetBoolean();
            }

            var raw = v.GetRawText();
            return raw.IndexOfAny(['.', 'e', 'E']) >= 0 ? (Scalar)v.GetDouble() : (Scalar)v.GetInt64();
        }

        public Scalar? OptS(string key) => Has(key) ? S(key) : null;

        public double D(string key)
        {
            var v = e.GetProperty(key);
            return v.ValueKind == JsonValueKind.String
                ? double.Parse(v.GetString()!.Replace("inf", "Infinity", StringComparison.Ordinal), CultureInfo.InvariantCulture)
                : v.GetDouble();
        }

        public double? OptD(string key) => Has(key) ? D(key) : null;

        public long L(string key = "dim") => e.GetProperty(key).GetInt64();

        public long[] Dims(string key = "dim") => e.GetProperty(key).EnumerateArray().Select(x => x.GetInt64()).ToArray();

        public long[]? OptDims(string key = "dim") => Has(key) ? Dims(key) : null;

        public bool Keep => Has("keepdim") && e.GetProperty("keepdim").GetBoolean();

        public bool Unbiased => e.GetProperty("unbiased").GetBoolean();

        public string? Str(string key) => Has(key) ? e.GetProperty(key).GetString() : null;

        public ScalarType? DType => Str("dtype") switch
        {
            null => null,
            "float32" => ScalarType.Float32,
            "float64" => ScalarType.Float64,
            "int64" => ScalarType.Int64,
            var s => throw new InvalidDataException($"dtype {s}"),
        };
    }

    private static readonly Dictionary<string, Func<Tensor, Tensor>> Unary = new()
    {
        ["neg"] = torch.neg,
        ["exp"] = torch.exp,
        ["exp2"] = torch.exp2,
        ["expm1"] = torch.expm1,
        ["log"] = torch.log,
        ["log2"] = torch.log2,
        ["log10"] = torch.log10,
        ["log1p"] = torch.log1p,
        ["sqrt"] = torch.sqrt,
        ["rsqrt"] = torch.rsqrt,
        ["reciprocal"] = torch.reciprocal,
        ["square"] = torch.square,
        ["abs"] = torch.abs,
        ["sign"] = torch.sign,
        ["sigmoid"] = torch.sigmoid,
        ["tanh"] = torch.tanh,
        ["relu"] = torch.relu,
        ["lgamma"] = torch.lgamma,
        ["digamma"] = torch.digamma,
        ["erf"] = torch.erf,
        ["erfc"] = torch.erfc,
        ["sin"] = torch.sin,
        ["cos"] = torch.cos,
        ["tan"] = torch.tan,
        ["floor"] = torch.floor,
        ["ceil"] = torch.ceil,
        ["round"] = torch.round,
        ["trunc"] = torch.trunc,
        ["isnan"] = torch.isnan,
        ["isinf"] = torch.isinf,
        ["isfinite"] = torch.isfinite,
        ["logical_not"] = torch.logical_not,
        ["bitwise_not"] = torch.bitwise_not,
        ["neg_"] = x => x.clone().neg_(),
        ["exp_"] = x => x.clone().exp_(),
        ["log_"] = x => x.clone().log_(),
        ["sqrt_"] = x => x.clone().sqrt_(),
        ["abs_"] = x => x.clone().abs_(),
        ["square_"] = x => x.clone().square_(),
        ["reciprocal_"] = x => x.clone().reciprocal_(),
        ["sigmoid_"] = x => x.clone().sigmoid_(),
        ["tanh_"] = x => x.clone().tanh_(),
        ["relu_"] = x => x.clone().relu_(),
        ["floor_"] = x => x.clone().floor_(),
        ["ceil_"] = x => x.clone().ceil_(),
        ["round_"] = x => x.clone().round_(),
        ["trunc_"] = x => x.clone().trunc_(),
        ["zero_"] = x => x.clone().zero_(),
        ["op~"] = x => ~x,
        ["op-u"] = x => -x,
        ["min_all"] = torch.min,
        ["max_all"] = torch.max,
    };

    private static readonly Dictionary<string, Op> Others = new()
    {
        // tensor ⊕ tensor
        ["add"] = (x, p) => [torch.add(x[0], x[1], p.OptS("alpha"))],
        ["sub"] = (x, p) => [torch.sub(x[0], x[1], p.OptS("alpha"))],
        ["mul"] = (x, p) => [torch.mul(x[0], x[1])],
        ["div"] = (x, p) => [torch.div(x[0], x[1], p.Str("rounding_mode"))],
        ["remainder"] = (x, p) => [torch.remainder(x[0], x[1])],
        ["fmod"] = (x, p) => [torch.fmod(x[0], x[1])],
        ["pow"] = (x, p) => [torch.pow(x[0], x[1])],
        ["atan2"] = (x, p) => [torch.atan2(x[0], x[1])],
        ["minimum"] = (x, p) => [torch.minimum(x[0], x[1])],
        ["maximum"] = (x, p) => [x[0].max(x[1])],
        ["clamp_min"] = (x, p) => [torch.clamp_min(x[0], x[1])],
        ["clamp_max"] = (x, p) => [x[0].clamp_max(x[1])],
        ["matmul"] = (x, p) => [torch.matmul(x[0], x[1])],
        ["mm"] = (x, p) => [torch.mm(x[0], x[1])],
        ["bmm"] = (x, p) => [x[0].bmm(x[1])],
        ["outer"] = (x, p) => [torch.outer(x[0], x[1])],
        ["dot"] = (x, p) => [x[0].dot(x[1])],
        ["op+"] = (x, p) => [x[0] + x[1]],
        ["op-"] = (x, p) => [x[0] - x[1]],
        ["op*"] = (x, p) => [x[0] * x[1]],
        ["op/"] = (x, p) => [x[0] / x[1]],
        ["op%"] = (x, p) => [x[0] % x[1]],
        ["op<"] = (x, p) => [x[0] < x[1]],
        ["op<="] = (x, p) => [x[0] <= x[1]],
        ["op>"] = (x, p) => [x[0] > x[1]],
        ["op>="] = (x, p) => [x[0] >= x[1]],
        ["op&"] = (x, p) => [x[0] & x[1]],
        ["op|"] = (x, p) => [x[0] | x[1]],
        ["op^"] = (x, p) => [x[0] ^ x[1]],

        // tensor ⊕ number, number ⊕ tensor
        ["add_s"] = (x, p) => [x[0].add(p.S(), p.OptS("alpha"))],
        ["sub_s"] = (x, p) => [torch.sub(x[0], p.S(), p.OptS("alpha"))],
        ["rsub_s"] = (x, p) => [torch.rsub(x[0], p.S())],
        ["mul_s"] = (x, p) => [torch.mul(x[0], p.S())],
        ["div_s"] = (x, p) => [torch.div(x[0], p.S(), p.Str("rounding_mode"))],
        ["remainder_s"] = (x, p) => [torch.remainder(x[0], p.S())],
        ["pow_s"] = (x, p) => [torch.pow(x[0], p.S())],
        ["spow"] = (x, p) => [torch.pow(p.S(), x[0])],
        ["clamp_min_s"] = (x, p) => [torch.clamp_min(x[0], p.S())],
        ["clamp_max_s"] = (x, p) => [torch.clamp_max(x[0], p.S())],
        ["op+s"] = (x, p) => [x[0] + p.S()],
        ["op-s"] = (x, p) => [x[0] - p.S()],
        ["op*s"] = (x, p) => [x[0] * p.S()],
        ["op/s"] = (x, p) => [x[0] / p.S()],
        ["op%s"] = (x, p) => [x[0] % p.S()],
        ["s+op"] = (x, p) => [p.S() + x[0]],
        ["s-op"] = (x, p) => [p.S() - x[0]],
        ["s*op"] = (x, p) => [p.S() * x[0]],
        ["s/op"] = (x, p) => [p.S() / x[0]],
        ["op<s"] = (x, p) => [x[0] < p.S()],
        ["op<=s"] = (x, p) => [x[0] <= p.S()],
        ["op>s"] = (x, p) => [x[0] > p.S()],
        ["op>=s"] = (x, p) => [x[0] >= p.S()],
        ["s<op"] = (x, p) => [p.S() < x[0]],
        ["s<=op"] = (x, p) => [p.S() <= x[0]],
        ["s>op"] = (x, p) => [p.S() > x[0]],
        ["s>=op"] = (x, p) => [p.S() >= x[0]],

        // parametrised element-wise
        ["softplus"] = (x, p) => [torch.softplus(x[0], p.D("beta"), p.D("threshold"))],
        ["elu"] = (x, p) => [x[0].elu(p.D("alpha"))],
        ["nan_to_num"] = (x, p) => [torch.nan_to_num(x[0], p.D("nan"), p.OptD("posinf"), p.OptD("neginf"))],
        ["clamp"] = (x, p) => [torch.clamp(x[0], p.OptS("min"), p.OptS("max"))],
        ["clamp_t"] = (x, p) => [torch.clamp(x[0], x[1], x[2])],
        ["clamp_tmin"] = (x, p) => [x[0].clamp(min: x[1])],
        ["where"] = (x, p) => [torch.where(x[0], x[1], x[2])],
        ["where_sa"] = (x, p) => [torch.where(x[0], p.S("a"), x[1])],
        ["where_sb"] = (x, p) => [torch.where(x[0], x[1], p.S("b"))],
        ["where_ss"] = (x, p) => [torch.where(x[0], p.S("a"), p.S("b"))],
        ["where_m"] = (x, p) => [x[1].where(x[0], x[2])],
        ["lerp_s"] = (x, p) => [torch.lerp(x[0], x[1], p.S("weight"))],
        ["lerp_t"] = (x, p) => [torch.lerp(x[0], x[1], x[2])],
        ["addcmul"] = (x, p) => [torch.addcmul(x[0], x[1], x[2], p.S("value"))],
        ["addcdiv"] = (x, p) => [x[0].addcdiv(x[1], x[2], p.S("value"))],

        // reductions
        ["sum"] = (x, p) => [p.Has("dim") ? x[0].sum(p.Dims(), p.Keep, p.DType) : x[0].sum(dtype: p.DType)],
        ["mean"] = (x, p) => [p.Has("dim") ? torch.mean(x[0], p.Dims(), p.Keep, p.DType) : torch.mean(x[0], dtype: p.DType)],
        ["nansum"] = (x, p) => [x[0].nansum(p.OptDims(), p.Keep)],
        ["nanmean"] = (x, p) => [torch.nanmean(x[0], p.OptDims(), p.Keep)],
        ["std"] = (x, p) => [p.Has("dim") ? x[0].std(p.Dims(), p.Unbiased, p.Keep) : x[0].std(p.Unbiased)],
        ["var"] = (x, p) => [p.Has("dim") ? torch.var(x[0], p.Dims(), p.Unbiased, p.Keep) : torch.var(x[0], p.Unbiased)],
        ["min_dim"] = (x, p) => Pair(x[0].min(p.L(), p.Keep)),
        ["max_dim"] = (x, p) => Pair(torch.max(x[0], p.L(), p.Keep)),
        ["amin"] = (x, p) => [torch.amin(x[0], p.OptDims(), p.Keep)],
        ["amax"] = (x, p) => [x[0].amax(p.OptDims(), p.Keep)],
        ["argmin"] = (x, p) => [x[0].argmin(p.Has("dim") ? p.L() : null, p.Keep)],
        ["argmax"] = (x, p) => [torch.argmax(x[0], p.Has("dim") ? p.L() : null, p.Keep)],
        ["prod"] = (x, p) => [p.Has("dim") ? x[0].prod(p.L(), p.Keep) : torch.prod(x[0])],
        ["cumsum"] = (x, p) => [x[0].cumsum(p.L())],
        ["cumprod"] = (x, p) => [torch.cumprod(x[0], p.L())],
        ["logsumexp"] = (x, p) => [torch.logsumexp(x[0], p.Dims(), p.Keep)],
        ["norm"] = (x, p) => [x[0].norm(p.D("p"), p.OptDims(), p.Keep)],
        ["all"] = (x, p) => [p.Has("dim") ? x[0].all(p.L(), p.Keep) : torch.all(x[0])],
        ["any"] = (x, p) => [p.Has("dim") ? torch.any(x[0], p.L(), p.Keep) : x[0].any()],
        ["count_nonzero"] = (x, p) => [torch.count_nonzero(x[0], p.OptDims())],

        // in place, on a clone
        ["add_"] = (x, p) => [x[0].clone().add_(x[1], p.OptS("alpha"))],
        ["add_s_"] = (x, p) => [x[0].clone().add_(p.S(), p.OptS("alpha"))],
        ["sub_"] = (x, p) => [x[0].clone().sub_(x[1], p.OptS("alpha"))],
        ["sub_s_"] = (x, p) => [x[0].clone().sub_(p.S())],
        ["mul_"] = (x, p) => [x[0].clone().mul_(x[1])],
        ["mul_s_"] = (x, p) => [x[0].clone().mul_(p.S())],
        ["div_"] = (x, p) => [x[0].clone().div_(x[1], p.Str("rounding_mode"))],
        ["div_s_"] = (x, p) => [x[0].clone().div_(p.S())],
        ["pow_"] = (x, p) => [x[0].clone().pow_(x[1])],
        ["pow_s_"] = (x, p) => [x[0].clone().pow_(p.S())],
        ["addcmul_"] = (x, p) => [x[0].clone().addcmul_(x[1], x[2], p.S("value"))],
        ["addcdiv_"] = (x, p) => [x[0].clone().addcdiv_(x[1], x[2], p.S("value"))],
        ["clamp_"] = (x, p) => [x[0].clone().clamp_(p.OptS("min"), p.OptS("max"))],
        ["clamp_t_"] = (x, p) => [x[0].clone().clamp_(x[1], x[2])],
        ["clamp_min_"] = (x, p) => [x[0].clone().clamp_min_(p.S())],
        ["clamp_max_"] = (x, p) => [x[0].clone().clamp_max_(p.S())],
        ["lerp_s_"] = (x, p) => [x[0].clone().lerp_(x[1], p.S("weight"))],
        ["lerp_t_"] = (x, p) => [x[0].clone().lerp_(x[1], x[2])],
        ["copy_"] = (x, p) => [x[0].clone().copy_(x[1])],
        ["fill_"] = (x, p) => [x[0].clone().fill_(p.S())],
    };

    /// <summary>Every op key with its call.</summary>
    internal static readonly Dictionary<string, Op> All = Unary
        .Select(kv => KeyValuePair.Create<string, Op>(kv.Key, (x, p) => [kv.Value(x[0])]))
        .Concat(Others)
        .ToDictionary();

    private static Tensor[] Pair((Tensor values, Tensor indices) r) => [r.values, r.indices];
}
