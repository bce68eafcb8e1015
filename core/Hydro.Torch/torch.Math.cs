using Hydro.Torch.Native;

namespace Hydro.Torch;

/// <summary>Element-wise math, comparisons, activations and matrix products as functions (<c>torch.exp(x)</c> …).</summary>
public static partial class torch
{
    private static Tensor MathIn(Tensor t, string name = "input")
    {
        ArgumentNullException.ThrowIfNull(t, name);
        return t;
    }

    // ---- arithmetic -------------------------------------------------------------------------

    /// <summary>input + alpha · other.</summary>
    public static Tensor add(Tensor input, Tensor other, Scalar? alpha = null) => MathIn(input).add(other, alpha);

    /// <summary>input + alpha · other.</summary>
    public static Tensor add(Tensor input, Scalar other, Scalar? alpha = null) => MathIn(input).add(other, alpha);

    /// <summary>input − alpha · other.</summary>
    public static Tensor sub(Tensor input, Tensor other, Scalar? alpha = null) => MathIn(input).sub(other, alpha);

    /// <summary>input − alpha · other.</summary>
    public static Tensor sub(Tensor input, Scalar other, Scalar? alpha = null) => MathIn(input).sub(other, alpha);

    /// <summary>other − alpha · input.</summary>
    public static Tensor rsub(Tensor input, Scalar other, Scalar? alpha = null) => MathIn(input).rsub(other, alpha);

    /// <summary>Element-wise product.</summary>
    public static Tensor mul(Tensor input, Tensor other) => MathIn(input).mul(other);

    /// <summary>Element-wise product.</summary>
    public static Tensor mul(Tensor input, Scalar other) => MathIn(input).mul(other);

    /// <summary>Division: true division, or rounded with <c>"trunc"</c> / <c>"floor"</c>.</summary>
    public static Tensor div(Tensor input, Tensor other, string? rounding_mode = null) => MathIn(input).div(other, rounding_mode);

    /// <summary>Division: true division, or rounded with <c>"trunc"</c> / <c>"floor"</c>.</summary>
    public static Tensor div(Tensor input, Scalar other, string? rounding_mode = null) => MathIn(input).div(other, rounding_mode);

    /// <summary>Python's modulus (sign of the divisor).</summary>
    public static Tensor remainder(Tensor input, Tensor other) => MathIn(input).remainder(other);

    /// <summary>Python's modulus (sign of the divisor).</summary>
    public static Tensor remainder(Tensor input, Scalar other) => MathIn(input).remainder(other);

    /// <summary>C's fmod (sign of the dividend).</summary>
    public static Tensor fmod(Tensor input, Tensor other) => MathIn(input).fmod(other);

    /// <summary>C's fmod (sign of the dividend).</summary>
    public static Tensor fmod(Tensor input, Scalar other) => MathIn(input).fmod(other);

    /// <summary>input raised to exponent, element-wise.</summary>
    public static Tensor pow(Tensor input, Tensor exponent) => MathIn(input).pow(exponent);

    /// <summary>input raised to exponent.</summary>
    public static Tensor pow(Tensor input, Scalar exponent) => MathIn(input).pow(exponent);

    /// <summary>A number raised to each element of <paramref name="exponent"/>.</summary>
    public static Tensor pow(Scalar self, Tensor exponent) =>
        Tensor.From(NativeMethods.ht_scalar_binary(self.Native, MathIn(exponent, nameof(exponent)).Handle, BinaryOp.Pow));

    /// <summary>Four-quadrant arctangent of input / other.</summary>
    public static Tensor atan2(Tensor input, Tensor other) => MathIn(input).atan2(other);

    /// <summary>input + value · t1 · t2.</summary>
    public static Tensor addcmul(Tensor input, Tensor tensor1, Tensor tensor2, Scalar? value = null) => MathIn(input).addcmul(tensor1, tensor2, value);

    /// <summary>input + value · t1 / t2.</summary>
    public static Tensor addcdiv(Tensor input, Tensor tensor1, Tensor tensor2, Scalar? value = null) => MathIn(input).addcdiv(tensor1, tensor2, value);

    /// <summary>input + weight · (end − input).</summary>
    public static Tensor lerp(Tensor input, Tensor end, Scalar weight) => MathIn(input).lerp(end, weight);

    /// <summary>input + weight · (end − input), element-wise weight.</summary>
    public static Tensor lerp(Tensor input, Tensor end, Tensor weight) => MathIn(input).lerp(end, weight);

    // ---- unary ------------------------------------------------------------------------------

    /// <inheritdoc cref="Tensor.neg"/>
    public static Tensor neg(Tensor input) => MathIn(input).neg();

    /// <inheritdoc cref="Tensor.exp"/>
    public static Tensor exp(Tensor input) => MathIn(input).exp();

    /// <inheritdoc cref="Tensor.exp2"/>
    public static Tensor exp2(Tensor input) => MathIn(input).exp2();

    /// <inheritdoc cref="Tensor.expm1"/>
    public static Tensor expm1(Tensor input) => MathIn(input).expm1();

    /// <inheritdoc cref="Tensor.log"/>
    public static Tensor log(Tensor input) => MathIn(input).log();

    /// <inheritdoc cref="Tensor.log2"/>
    public static Tensor log2(Tensor input) => MathIn(input).log2();

    /// <inheritdoc cref="Tensor.log10"/>
    public static Tensor log10(Tensor input) => MathIn(input).log10();

    /// <inheritdoc cref="Tensor.log1p"/>
    public static Tensor log1p(Tensor input) => MathIn(input).log1p();

    /// <inheritdoc cref="Tensor.sqrt"/>
    public static Tensor sqrt(Tensor input) => MathIn(input).sqrt();

    /// <inheritdoc cref="Tensor.rsqrt"/>
    public static Tensor rsqrt(Tensor input) => MathIn(input).rsqrt();

    /// <inheritdoc cref="Tensor.reciprocal"/>
    public static Tensor reciprocal(Tensor input) => MathIn(input).reciprocal();

    /// <inheritdoc cref="Tensor.square"/>
    public static Tensor square(Tensor input) => MathIn(input).square();

    /// <inheritdoc cref="Tensor.abs"/>
    public static Tensor abs(Tensor input) => MathIn(input).abs();

    /// <inheritdoc cref="Tensor.sign"/>
    public static Tensor sign(Tensor input) => MathIn(input).sign();

    /// <inheritdoc cref="Tensor.sigmoid"/>
    public static Tensor sigmoid(Tensor input) => MathIn(input).sigmoid();

    /// <inheritdoc cref="Tensor.tanh"/>
    public static Tensor tanh(Tensor input) => MathIn(input).tanh();

    /// <inheritdoc cref="Tensor.relu"/>
    public static Tensor relu(Tensor input) => MathIn(input).relu();

    /// <inheritdoc cref="Tensor.lgamma"/>
    public static Tensor lgamma(Tensor input) => MathIn(input).lgamma();

    /// <inheritdoc cref="Tensor.digamma"/>
    public static Tensor digamma(Tensor input) => MathIn(input).digamma();

    /// <inheritdoc cref="Tensor.erf"/>
    public static Tensor erf(Tensor input) => MathIn(input).erf();

    /// <inheritdoc cref="Tensor.erfc"/>
    public static Tensor erfc(Tensor input) => MathIn(input).erfc();

    /// <inheritdoc cref="Tensor.sin"/>
    public static Tensor sin(Tensor input) => MathIn(input).sin();

    /// <inheritdoc cref="Tensor.cos"/>
    public static Tensor cos(Tensor input) => MathIn(input).cos();

    /// <inheritdoc cref="Tensor.tan"/>
    public static Tensor tan(Tensor input) => MathIn(input).tan();

    /// <inheritdoc cref="Tensor.floor"/>
    public static Tensor floor(Tensor input) => MathIn(input).floor();

    /// <inheritdoc cref="Tensor.ceil"/>
    public static Tensor ceil(Tensor input) => MathIn(input).ceil();

    /// <inheritdoc cref="Tensor.round"/>
    public static Tensor round(Tensor input) => MathIn(input).round();

    /// <inheritdoc cref="Tensor.trunc"/>
    public static Tensor trunc(Tensor input) => MathIn(input).trunc();

    /// <inheritdoc cref="Tensor.isnan"/>
    public static Tensor isnan(Tensor input) => MathIn(input).isnan();

    /// <inheritdoc cref="Tensor.isinf"/>
    public static Tensor isinf(Tensor input) => MathIn(input).isinf();

    /// <inheritdoc cref="Tensor.isfinite"/>
    public static Tensor isfinite(Tensor input) => MathIn(input).isfinite();

    /// <inheritdoc cref="Tensor.logical_not"/>
    public static Tensor logical_not(Tensor input) => MathIn(input).logical_not();

    /// <inheritdoc cref="Tensor.bitwise_not"/>
    public static Tensor bitwise_not(Tensor input) => MathIn(input).bitwise_not();

    /// <inheritdoc cref="Tensor.softplus"/>
    public static Tensor softplus(Tensor input, double beta = 1.0, double threshold = 20.0) => MathIn(input).softplus(beta, threshold);

    /// <inheritdoc cref="Tensor.elu"/>
    public static Tensor elu(Tensor input, double alpha = 1.0) => MathIn(input).elu(alpha);

    /// <inheritdoc cref="Tensor.nan_to_num"/>
    public static Tensor nan_to_num(Tensor input, double nan = 0.0, double? posinf = null, double? neginf = null) =>
        MathIn(input).nan_to_num(nan, posinf, neginf);

    // ---- clamping, minimum/maximum, where ----------------------------------------------------

    /// <summary>Clamps into [min, max]; either bound may be omitted.</summary>
    public static Tensor clamp(Tensor input, Scalar? min = null, Scalar? max = null) => MathIn(input).clamp(min, max);

    /// <summary>Clamps into [min, max] with element-wise bounds; either may be null.</summary>
    public static Tensor clamp(Tensor input, Tensor? min, Tensor? max = null) => MathIn(input).clamp(min, max);

    /// <summary>max(input, min).</summary>
    public static Tensor clamp_min(Tensor input, Scalar min) => MathIn(input).clamp_min(min);

    /// <summary>max(input, min), element-wise bound.</summary>
    public static Tensor clamp_min(Tensor input, Tensor min) => MathIn(input).clamp_min(min);

    /// <summary>min(input, max).</summary>
    public static Tensor clamp_max(Tensor input, Scalar max) => MathIn(input).clamp_max(max);

    /// <summary>min(input, max), element-wise bound.</summary>
    public static Tensor clamp_max(Tensor input, Tensor max) => MathIn(input).clamp_max(max);

    /// <summary>Element-wise minimum (NaN propagates).</summary>
    public static Tensor minimum(Tensor input, Tensor other) => MathIn(input).minimum(other);

    /// <summary>Element-wise maximum (NaN propagates).</summary>
    public static Tensor maximum(Tensor input, Tensor other) => MathIn(input).maximum(other);

    /// <summary>Elements of <paramref name="input"/> where <paramref name="condition"/> holds, else of <paramref name="other"/> (broadcast, promoted).</summary>
    public static Tensor where(Tensor condition, Tensor input, Tensor other) => Where(condition, input, default, other, default);

    /// <summary>A number where <paramref name="condition"/> holds, else elements of <paramref name="other"/>.</summary>
    public static Tensor where(Tensor condition, Scalar input, Tensor other) => Where(condition, null, input, other, default);

    /// <summary>Elements of <paramref name="input"/> where <paramref name="condition"/> holds, else a number.</summary>
    public static Tensor where(Tensor condition, Tensor input, Scalar other) => Where(condition, input, default, null, other);

    /// <summary>One number where <paramref name="condition"/> holds, another elsewhere.</summary>
    public static Tensor where(Tensor condition, Scalar input, Scalar other) => Where(condition, null, input, null, other);

    private static Tensor Where(Tensor condition, Tensor? a, Scalar sa, Tensor? b, Scalar sb)
    {
        var result = Tensor.From(NativeMethods.ht_where(
            MathIn(condition, nameof(condition)).Handle, Tensor.PointerOrZero(a), sa.Native, Tensor.PointerOrZero(b), sb.Native));
        GC.KeepAlive(a);
        GC.KeepAlive(b);
        return result;
    }

    // ---- comparisons and logic --------------------------------------------------------------

    /// <inheritdoc cref="Tensor.eq(Tensor)"/>
    public static Tensor eq(Tensor input, Tensor other) => MathIn(input).eq(other);

    /// <inheritdoc cref="Tensor.eq(Scalar)"/>
    public static Tensor eq(Tensor input, Scalar other) => MathIn(input).eq(other);

    /// <inheritdoc cref="Tensor.ne(Tensor)"/>
    public static Tensor ne(Tensor input, Tensor other) => MathIn(input).ne(other);

    /// <inheritdoc cref="Tensor.ne(Scalar)"/>
    public static Tensor ne(Tensor input, Scalar other) => MathIn(input).ne(other);

    /// <inheritdoc cref="Tensor.lt(Tensor)"/>
    public static Tensor lt(Tensor input, Tensor other) => MathIn(input).lt(other);

    /// <inheritdoc cref="Tensor.lt(Scalar)"/>
    public static Tensor lt(Tensor input, Scalar other) => MathIn(input).lt(other);

    /// <inheritdoc cref="Tensor.le(Tensor)"/>
    public static Tensor le(Tensor input, Tensor other) => MathIn(input).le(other);

    /// <inheritdoc cref="Tensor.le(Scalar)"/>
    public static Tensor le(Tensor input, Scalar other) => MathIn(input).le(other);

    /// <inheritdoc cref="Tensor.gt(Tensor)"/>
    public static Tensor gt(Tensor input, Tensor other) => MathIn(input).gt(other);

    /// <inheritdoc cref="Tensor.gt(Scalar)"/>
    public static Tensor gt(Tensor input, Scalar other) => MathIn(input).gt(other);

    /// <inheritdoc cref="Tensor.ge(Tensor)"/>
    public static Tensor ge(Tensor input, Tensor other) => MathIn(input).ge(other);

    /// <inheritdoc cref="Tensor.ge(Scalar)"/>
    public static Tensor ge(Tensor input, Scalar other) => MathIn(input).ge(other);

    /// <inheritdoc cref="Tensor.logical_and"/>
    public static Tensor logical_and(Tensor input, Tensor other) => MathIn(input).logical_and(other);

    /// <inheritdoc cref="Tensor.logical_or"/>
    public static Tensor logical_or(Tensor input, Tensor other) => MathIn(input).logical_or(other);

    /// <inheritdoc cref="Tensor.logical_xor"/>
    public static Tensor logical_xor(Tensor input, Tensor other) => MathIn(input).logical_xor(other);

    /// <inheritdoc cref="Tensor.bitwise_and"/>
    public static Tensor bitwise_and(Tensor input, Tensor other) => MathIn(input).bitwise_and(other);

    /// <inheritdoc cref="Tensor.bitwise_or"/>
    public static Tensor bitwise_or(Tensor input, Tensor other) => MathIn(input).bitwise_or(other);

    /// <inheritdoc cref="Tensor.bitwise_xor"/>
    public static Tensor bitwise_xor(Tensor input, Tensor other) => MathIn(input).bitwise_xor(other);

    // ---- matrix products --------------------------------------------------------------------

    /// <inheritdoc cref="Tensor.matmul"/>
    public static Tensor matmul(Tensor input, Tensor other) => MathIn(input).matmul(other);

    /// <inheritdoc cref="Tensor.mm"/>
    public static Tensor mm(Tensor input, Tensor mat2) => MathIn(input).mm(mat2);

    /// <inheritdoc cref="Tensor.bmm"/>
    public static Tensor bmm(Tensor input, Tensor mat2) => MathIn(input).bmm(mat2);

    /// <inheritdoc cref="Tensor.outer"/>
    public static Tensor outer(Tensor input, Tensor vec2) => MathIn(input).outer(vec2);

    /// <inheritdoc cref="Tensor.dot"/>
    public static Tensor dot(Tensor input, Tensor other) => MathIn(input).dot(other);
}
