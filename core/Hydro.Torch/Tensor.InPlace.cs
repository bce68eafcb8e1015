using Hydro.Torch.Native;

namespace Hydro.Torch;

/// <summary>
/// In-place ops (trailing underscore): they overwrite this tensor and return it. libtorch refuses them on a
/// leaf that requires grad (outside <see cref="torch.no_grad"/>) and on values that backward still needs.
/// </summary>
public partial class Tensor
{
    private Tensor MathInPlace(int status)
    {
        NativeMethods.Check(status);
        return this;
    }

    private Tensor MathUnary_(UnaryOp op) => MathInPlace(NativeMethods.ht_unary_(Handle, op));

    private Tensor MathBinary_(Tensor other, BinaryOp op) => MathInPlace(NativeMethods.ht_binary_(Handle, MathArg(other), op));

    private Tensor MathBinary_(Scalar other, BinaryOp op) => MathInPlace(NativeMethods.ht_binary_scalar_(Handle, other.Native, op));

    /// <summary>this += alpha · other.</summary>
    public Tensor add_(Tensor other, Scalar? alpha = null) => MathInPlace(NativeMethods.ht_add_(Handle, MathArg(other), (alpha ?? MathOne).Native));

    /// <summary>this += alpha · other.</summary>
    public Tensor add_(Scalar other, Scalar? alpha = null) => MathInPlace(NativeMethods.ht_add_scalar_(Handle, other.Native, (alpha ?? MathOne).Native));

    /// <summary>this −= alpha · other.</summary>
    public Tensor sub_(Tensor other, Scalar? alpha = null) => MathInPlace(NativeMethods.ht_sub_(Handle, MathArg(other), (alpha ?? MathOne).Native));

    /// <summary>this −= alpha · other.</summary>
    public Tensor sub_(Scalar other, Scalar? alpha = null) => MathInPlace(NativeMethods.ht_sub_scalar_(Handle, other.Native, (alpha ?? MathOne).Native));

    /// <summary>this *= other.</summary>
    public Tensor mul_(Tensor other) => MathBinary_(other, BinaryOp.Mul);

    /// <summary>this *= other.</summary>
    public Tensor mul_(Scalar other) => MathBinary_(other, BinaryOp.Mul);

    /// <summary>this /= other (optionally rounded with <c>"trunc"</c> / <c>"floor"</c>).</summary>
    public Tensor div_(Tensor other, string? rounding_mode = null) => MathInPlace(NativeMethods.ht_div_(Handle, MathArg(other), rounding_mode));

    /// <summary>this /= other (optionally rounded with <c>"trunc"</c> / <c>"floor"</c>).</summary>
    public Tensor div_(Scalar other, string? rounding_mode = null) => MathInPlace(NativeMethods.ht_div_scalar_(Handle, other.Native, rounding_mode));

    /// <summary>this = this ^ exponent.</summary>
    public Tensor pow_(Tensor exponent) => MathBinary_(exponent, BinaryOp.Pow);

    /// <summary>this = this ^ exponent.</summary>
    public Tensor pow_(Scalar exponent) => MathBinary_(exponent, BinaryOp.Pow);

    /// <summary>this += value · t1 · t2.</summary>
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2, Scalar? value = null) =>
        MathInPlace(NativeMethods.ht_addc_(Handle, MathArg(tensor1), MathArg(tensor2), (value ?? MathOne).Native, 0));

    /// <summary>this += value · t1 / t2.</summary>
    public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, Scalar? value = null) =>
        MathInPlace(NativeMethods.ht_addc_(Handle, MathArg(tensor1), MathArg(tensor2), (value ?? MathOne).Native, 1));

    /// <summary>this += weight · (end − this).</summary>
    public Tensor lerp_(Tensor end, Scalar weight) => MathInPlace(NativeMethods.ht_lerp_(Handle, MathArg(end), IntPtr.Zero, weight.Native));

    /// <summary>this += weight · (end − this), with an element-wise weight.</summary>
    public Tensor lerp_(Tensor end, Tensor weight)
    {
        NativeMethods.Check(NativeMethods.ht_lerp_(Handle, MathArg(end), MathArg(weight).DangerousGetHandle(), default));
        GC.KeepAlive(weight);
        return this;
    }

    /// <summary>Clamps into [min, max] in place; either bound may be omitted.</summary>
    public Tensor clamp_(Scalar? min = null, Scalar? max = null) =>
        MathInPlace(NativeMethods.ht_clamp_(Handle, (min ?? default).Native, Bool(min.HasValue), (max ?? default).Native, Bool(max.HasValue)));

    /// <summary>Clamps into [min, max] in place with element-wise bounds; either may be null.</summary>
    public Tensor clamp_(Tensor? min, Tensor? max = null)
    {
        NativeMethods.Check(NativeMethods.ht_clamp_tensor_(Handle, PointerOrZero(min), PointerOrZero(max)));
        GC.KeepAlive(min);
        GC.KeepAlive(max);
        return this;
    }

    /// <summary>this = max(this, min).</summary>
    public Tensor clamp_min_(Scalar min) => MathBinary_(min, BinaryOp.ClampMin);

    /// <summary>this = min(this, max).</summary>
    public Tensor clamp_max_(Scalar max) => MathBinary_(max, BinaryOp.ClampMax);

    /// <summary>Copies <paramref name="src"/> (broadcast, converted) into this tensor.</summary>
    public Tensor copy_(Tensor src) => MathBinary_(src, BinaryOp.Copy);

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public Tensor fill_(Scalar value) => MathBinary_(value, BinaryOp.Fill);

    /// <summary>Sets every element to the value of a 0-dim tensor.</summary>
    public Tensor fill_(Tensor value) => MathBinary_(value, BinaryOp.Fill);

    /// <summary>Sets every element to zero.</summary>
    public Tensor zero_() => MathUnary_(UnaryOp.Zero);

    /// <summary>this = −this.</summary>
    public Tensor neg_() => MathUnary_(UnaryOp.Neg);

    /// <summary>this = |this|.</summary>
    public Tensor abs_() => MathUnary_(UnaryOp.Abs);

    /// <summary>this = √this.</summary>
    public Tensor sqrt_() => MathUnary_(UnaryOp.Sqrt);

    /// <summary>this = e^this.</summary>
    public Tensor exp_() => MathUnary_(UnaryOp.Exp);

    /// <summary>this = ln this.</summary>
    public Tensor log_() => MathUnary_(UnaryOp.Log);

    /// <summary>this = this².</summary>
    public Tensor square_() => MathUnary_(UnaryOp.Square);

    /// <summary>this = 1 / this.</summary>
    public Tensor reciprocal_() => MathUnary_(UnaryOp.Reciprocal);

    /// <summary>this = sigmoid(this).</summary>
    public Tensor sigmoid_() => MathUnary_(UnaryOp.Sigmoid);

    /// <summary>this = tanh(this).</summary>
    public Tensor tanh_() => MathUnary_(UnaryOp.Tanh);

    /// <summary>this = max(this, 0).</summary>
    public Tensor relu_() => MathUnary_(UnaryOp.Relu);

    /// <summary>Rounds down in place.</summary>
    public Tensor floor_() => MathUnary_(UnaryOp.Floor);

    /// <summary>Rounds up in place.</summary>
    public Tensor ceil_() => MathUnary_(UnaryOp.Ceil);

    /// <summary>Rounds to nearest (halves to even) in place.</summary>
    public Tensor round_() => MathUnary_(UnaryOp.Round);

    /// <summary>Rounds towards zero in place.</summary>
    public Tensor trunc_() => MathUnary_(UnaryOp.Trunc);
}
