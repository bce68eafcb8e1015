using Hydro.Torch.Native;

namespace Hydro.Torch;

/// <summary>Element-wise math, comparisons, activations and matrix products (PyTorch's type promotion applies).</summary>
public partial class Tensor
{
    private static readonly Scalar MathOne = 1L;

    /// <summary>The handle of an argument, throwing <see cref="ArgumentNullException"/> for null.</summary>
    private static TensorHandle MathArg(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.Handle;
    }

    private Tensor MathUnary(UnaryOp op) => From(NativeMethods.ht_unary(Handle, op));

    private Tensor MathBinary(Tensor other, BinaryOp op) => From(NativeMethods.ht_binary(Handle, MathArg(other), op));

    private Tensor MathBinary(Scalar other, BinaryOp op) => From(NativeMethods.ht_binary_scalar(Handle, other.Native, op));

    private static Tensor MathBinary(Scalar left, Tensor right, BinaryOp op) => From(NativeMethods.ht_scalar_binary(left.Native, MathArg(right), op));

    // ---- arithmetic -------------------------------------------------------------------------

    /// <summary>this + alpha · other.</summary>
    public Tensor add(Tensor other, Scalar? alpha = null) => From(NativeMethods.ht_add(Handle, MathArg(other), (alpha ?? MathOne).Native));

    /// <summary>this + alpha · other.</summary>
    public Tensor add(Scalar other, Scalar? alpha = null) => From(NativeMethods.ht_add_scalar(Handle, other.Native, (alpha ?? MathOne).Native));

    /// <summary>this − alpha · other.</summary>
    public Tensor sub(Tensor other, Scalar? alpha = null) => From(NativeMethods.ht_sub(Handle, MathArg(other), (alpha ?? MathOne).Native));

    /// <summary>this − alpha · other.</summary>
    public Tensor sub(Scalar other, Scalar? alpha = null) => From(NativeMethods.ht_sub_scalar(Handle, other.Native, (alpha ?? MathOne).Native));

    /// <summary>other − alpha · this.</summary>
    public Tensor rsub(Scalar other, Scalar? alpha = null) => From(NativeMethods.ht_rsub_scalar(Handle, other.Native, (alpha ?? MathOne).Native));

    /// <summary>Element-wise product.</summary>
    public Tensor mul(Tensor other) => MathBinary(other, BinaryOp.Mul);

    /// <summary>Element-wise product.</summary>
    public Tensor mul(Scalar other) => MathBinary(other, BinaryOp.Mul);

    /// <summary>Division: true division (integers give floats), or rounded with <c>"trunc"</c> / <c>"floor"</c>.</summary>
    public Tensor div(Tensor other, string? rounding_mode = null) => From(NativeMethods.ht_div(Handle, MathArg(other), rounding_mode));

    /// <summary>Division: true division (integers give floats), or rounded with <c>"trunc"</c> / <c>"floor"</c>.</summary>
    public Tensor div(Scalar other, string? rounding_mode = null) => From(NativeMethods.ht_div_scalar(Handle, other.Native, rounding_mode));

    /// <summary>Python's modulus: the remainder has the sign of the divisor.</summary>
    public Tensor remainder(Tensor other) => MathBinary(other, BinaryOp.Remainder);

    /// <summary>Python's modulus: the remainder has the sign of the divisor.</summary>
    public Tensor remainder(Scalar other) => MathBinary(other, BinaryOp.Remainder);

    /// <summary>C's fmod: the remainder has the sign of the dividend.</summary>
    public Tensor fmod(Tensor other) => MathBinary(other, BinaryOp.Fmod);

    /// <summary>C's fmod: the remainder has the sign of the dividend.</summary>
    public Tensor fmod(Scalar other) => MathBinary(other, BinaryOp.Fmod);

    /// <summary>this raised to <paramref name="exponent"/>, element-wise.</summary>
    public Tensor pow(Tensor exponent) => MathBinary(exponent, BinaryOp.Pow);

    /// <summary>this raised to <paramref name="exponent"/>.</summary>
    public Tensor pow(Scalar exponent) => MathBinary(exponent, BinaryOp.Pow);

    /// <summary>Four-quadrant arctangent of this / other.</summary>
    public Tensor atan2(Tensor other) => MathBinary(other, BinaryOp.Atan2);

    /// <summary>this + value · t1 · t2.</summary>
    public Tensor addcmul(Tensor tensor1, Tensor tensor2, Scalar? value = null) =>
        From(NativeMethods.ht_addc(Handle, MathArg(tensor1), MathArg(tensor2), (value ?? MathOne).Native, 0));

    /// <summary>this + value · t1 / t2.</summary>
    public Tensor addcdiv(Tensor tensor1, Tensor tensor2, Scalar? value = null) =>
        From(NativeMethods.ht_addc(Handle, MathArg(tensor1), MathArg(tensor2), (value ?? MathOne).Native, 1));

    /// <summary>this + weight · (end − this).</summary>
    public Tensor lerp(Tensor end, Scalar weight) => From(NativeMethods.ht_lerp(Handle, MathArg(end), IntPtr.Zero, weight.Native));

    /// <summary>this + weight · (end − this), with an element-wise weight.</summary>
    public Tensor lerp(Tensor end, Tensor weight)
    {
        var result = From(NativeMethods.ht_lerp(Handle, MathArg(end), MathArg(weight).DangerousGetHandle(), default));
        GC.KeepAlive(weight);
        return result;
    }

    // ---- unary ------------------------------------------------------------------------------

    /// <summary>−this.</summary>
    public Tensor neg() => MathUnary(UnaryOp.Neg);

    /// <summary>eˣ.</summary>
    public Tensor exp() => MathUnary(UnaryOp.Exp);

    /// <summary>2ˣ.</summary>
    public Tensor exp2() => MathUnary(UnaryOp.Exp2);

    /// <summary>eˣ − 1, accurate near 0.</summary>
    public Tensor expm1() => MathUnary(UnaryOp.Expm1);

    /// <summary>Natural logarithm.</summary>
    public Tensor log() => MathUnary(UnaryOp.Log);

    /// <summary>Base-2 logarithm.</summary>
    public Tensor log2() => MathUnary(UnaryOp.Log2);

    /// <summary>Base-10 logarithm.</summary>
    public Tensor log10() => MathUnary(UnaryOp.Log10);

    /// <summary>ln(1 + x), accurate near 0.</summary>
    public Tensor log1p() => MathUnary(UnaryOp.Log1p);

    /// <summary>Square root.</summary>
    public Tensor sqrt() => MathUnary(UnaryOp.Sqrt);

    /// <summary>1 / √x.</summary>
    public Tensor rsqrt() => MathUnary(UnaryOp.Rsqrt);

    /// <summary>1 / x.</summary>
    public Tensor reciprocal() => MathUnary(UnaryOp.Reciprocal);

    /// <summary>x².</summary>
    public Tensor square() => MathUnary(UnaryOp.Square);

    /// <summary>|x|.</summary>
    public Tensor abs() => MathUnary(UnaryOp.Abs);

    /// <summary>−1, 0 or 1.</summary>
    public Tensor sign() => MathUnary(UnaryOp.Sign);

    /// <summary>Logistic function 1 / (1 + e⁻ˣ).</summary>
    public Tensor sigmoid() => MathUnary(UnaryOp.Sigmoid);

    /// <summary>Hyperbolic tangent.</summary>
    public Tensor tanh() => MathUnary(UnaryOp.Tanh);

    /// <summary>max(x, 0).</summary>
    public Tensor relu() => MathUnary(UnaryOp.Relu);

    /// <summary>log(1 + e^(βx)) / β, linear above <paramref name="threshold"/>/β.</summary>
    public Tensor softplus(double beta = 1.0, double threshold = 20.0) =>
        From(NativeMethods.ht_softplus(Handle, ((Scalar)beta).Native, ((Scalar)threshold).Native));

    /// <summary>x for x &gt; 0, α(eˣ − 1) otherwise.</summary>
    public Tensor elu(double alpha = 1.0) => From(NativeMethods.ht_elu(Handle, ((Scalar)alpha).Native));

    /// <summary>ln |Γ(x)|.</summary>
    public Tensor lgamma() => MathUnary(UnaryOp.Lgamma);

    /// <summary>ψ(x) = d/dx ln Γ(x).</summary>
    public Tensor digamma() => MathUnary(UnaryOp.Digamma);

    /// <summary>Error function.</summary>
    public Tensor erf() => MathUnary(UnaryOp.Erf);

    /// <summary>Complementary error function 1 − erf(x).</summary>
    public Tensor erfc() => MathUnary(UnaryOp.Erfc);

    /// <summary>Sine.</summary>
    public Tensor sin() => MathUnary(UnaryOp.Sin);

    /// <summary>Cosine.</summary>
    public Tensor cos() => MathUnary(UnaryOp.Cos);

    /// <summary>Tangent.</summary>
    public Tensor tan() => MathUnary(UnaryOp.Tan);

    /// <summary>Largest integer ≤ x.</summary>
    public Tensor floor() => MathUnary(UnaryOp.Floor);

    /// <summary>Smallest integer ≥ x.</summary>
    public Tensor ceil() => MathUnary(UnaryOp.Ceil);

    /// <summary>Nearest integer, halves to even.</summary>
    public Tensor round() => MathUnary(UnaryOp.Round);

    /// <summary>Integer part (rounds towards zero).</summary>
    public Tensor trunc() => MathUnary(UnaryOp.Trunc);

    /// <summary>True where NaN.</summary>
    public Tensor isnan() => MathUnary(UnaryOp.IsNan);

    /// <summary>True where ±infinity.</summary>
    public Tensor isinf() => MathUnary(UnaryOp.IsInf);

    /// <summary>True where neither NaN nor ±infinity.</summary>
    public Tensor isfinite() => MathUnary(UnaryOp.IsFinite);

    /// <summary>Replaces NaN by <paramref name="nan"/> and ±inf by the given values (default: the dtype's extremes).</summary>
    public Tensor nan_to_num(double nan = 0.0, double? posinf = null, double? neginf = null) =>
        From(NativeMethods.ht_nan_to_num(Handle, nan, posinf ?? 0, Bool(posinf.HasValue), neginf ?? 0, Bool(neginf.HasValue)));

    // ---- clamping, minimum/maximum, where ----------------------------------------------------

    /// <summary>Clamps into [min, max]; either bound may be omitted.</summary>
    public Tensor clamp(Scalar? min = null, Scalar? max = null) =>
        From(NativeMethods.ht_clamp(Handle, (min ?? default).Native, Bool(min.HasValue), (max ?? default).Native, Bool(max.HasValue)));

    /// <summary>Clamps into [min, max] with element-wise (broadcast) bounds; either may be null.</summary>
    public Tensor clamp(Tensor? min, Tensor? max = null)
    {
        var result = From(NativeMethods.ht_clamp_tensor(Handle, PointerOrZero(min), PointerOrZero(max)));
        GC.KeepAlive(min);
        GC.KeepAlive(max);
        return result;
    }

    /// <summary>max(this, min).</summary>
    public Tensor clamp_min(Scalar min) => MathBinary(min, BinaryOp.ClampMin);

    /// <summary>max(this, min), element-wise bound.</summary>
    public Tensor clamp_min(Tensor min) => MathBinary(min, BinaryOp.ClampMin);

    /// <summary>min(this, max).</summary>
    public Tensor clamp_max(Scalar max) => MathBinary(max, BinaryOp.ClampMax);

    /// <summary>min(this, max), element-wise bound.</summary>
    public Tensor clamp_max(Tensor max) => MathBinary(max, BinaryOp.ClampMax);

    /// <summary>Element-wise minimum (NaN propagates).</summary>
    public Tensor minimum(Tensor other) => MathBinary(other, BinaryOp.Minimum);

    /// <summary>Element-wise maximum (NaN propagates).</summary>
    public Tensor maximum(Tensor other) => MathBinary(other, BinaryOp.Maximum);

    /// <summary>this where <paramref name="condition"/> holds, else <paramref name="other"/>.</summary>
    public Tensor where(Tensor condition, Tensor other) => torch.where(condition, this, other);

    /// <summary>this where <paramref name="condition"/> holds, else <paramref name="other"/>.</summary>
    public Tensor where(Tensor condition, Scalar other) => torch.where(condition, this, other);

    // ---- comparisons and logic (results are bool) --------------------------------------------

    /// <summary>this == other, element-wise.</summary>
    public Tensor eq(Tensor other) => MathBinary(other, BinaryOp.Eq);

    /// <summary>this == other, element-wise.</summary>
    public Tensor eq(Scalar other) => MathBinary(other, BinaryOp.Eq);

    /// <summary>this != other, element-wise.</summary>
    public Tensor ne(Tensor other) => MathBinary(other, BinaryOp.Ne);

    /// <summary>this != other, element-wise.</summary>
    public Tensor ne(Scalar other) => MathBinary(other, BinaryOp.Ne);

    /// <summary>this &lt; other, element-wise.</summary>
    public Tensor lt(Tensor other) => MathBinary(other, BinaryOp.Lt);

    /// <summary>this &lt; other, element-wise.</summary>
    public Tensor lt(Scalar other) => MathBinary(other, BinaryOp.Lt);

    /// <summary>this ≤ other, element-wise.</summary>
    public Tensor le(Tensor other) => MathBinary(other, BinaryOp.Le);

    /// <summary>this ≤ other, element-wise.</summary>
    public Tensor le(Scalar other) => MathBinary(other, BinaryOp.Le);

    /// <summary>this &gt; other, element-wise.</summary>
    public Tensor gt(Tensor other) => MathBinary(other, BinaryOp.Gt);

    /// <summary>this &gt; other, element-wise.</summary>
    public Tensor gt(Scalar other) => MathBinary(other, BinaryOp.Gt);

    /// <summary>this ≥ other, element-wise.</summary>
    public Tensor ge(Tensor other) => MathBinary(other, BinaryOp.Ge);

    /// <summary>this ≥ other, element-wise.</summary>
    public Tensor ge(Scalar other) => MathBinary(other, BinaryOp.Ge);

    /// <summary>Logical and (non-zero is true); bool result.</summary>
    public Tensor logical_and(Tensor other) => MathBinary(other, BinaryOp.LogicalAnd);

    /// <summary>Logical or (non-zero is true); bool result.</summary>
    public Tensor logical_or(Tensor other) => MathBinary(other, BinaryOp.LogicalOr);

    /// <summary>Logical exclusive or (non-zero is true); bool result.</summary>
    public Tensor logical_xor(Tensor other) => MathBinary(other, BinaryOp.LogicalXor);

    /// <summary>Logical not (zero is true); bool result.</summary>
    public Tensor logical_not() => MathUnary(UnaryOp.LogicalNot);

    /// <summary>Bit-wise and of integer or bool tensors.</summary>
    public Tensor bitwise_and(Tensor other) => MathBinary(other, BinaryOp.BitwiseAnd);

    /// <summary>Bit-wise or of integer or bool tensors.</summary>
    public Tensor bitwise_or(Tensor other) => MathBinary(other, BinaryOp.BitwiseOr);

    /// <summary>Bit-wise exclusive or of integer or bool tensors.</summary>
    public Tensor bitwise_xor(Tensor other) => MathBinary(other, BinaryOp.BitwiseXor);

    /// <summary>Bit-wise not of an integer or bool tensor.</summary>
    public Tensor bitwise_not() => MathUnary(UnaryOp.BitwiseNot);

    // ---- matrix products --------------------------------------------------------------------

    /// <summary>Matrix product with NumPy semantics (vectors, matrices, broadcast batches).</summary>
    public Tensor matmul(Tensor other) => MathBinary(other, BinaryOp.Matmul);

    /// <summary>Product of two 2-D matrices.</summary>
    public Tensor mm(Tensor other) => MathBinary(other, BinaryOp.Mm);

    /// <summary>Batched product of two 3-D tensors [b, n, m] × [b, m, p].</summary>
    public Tensor bmm(Tensor other) => MathBinary(other, BinaryOp.Bmm);

    /// <summary>Outer product of two vectors.</summary>
    public Tensor outer(Tensor other) => MathBinary(other, BinaryOp.Outer);

    /// <summary>Inner product of two vectors.</summary>
    public Tensor dot(Tensor other) => MathBinary(other, BinaryOp.Dot);
}
