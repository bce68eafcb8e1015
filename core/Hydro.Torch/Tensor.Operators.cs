using Hydro.Torch.Native;

namespace Hydro.Torch;

/// <summary>
/// C# operators as in Python. <c>==</c> and <c>!=</c> are deliberately not overloaded: they keep reference
/// semantics; use <see cref="eq(Tensor)"/> / <see cref="ne(Tensor)"/> for element-wise equality.
/// </summary>
public partial class Tensor
{
    /// <summary>left + right.</summary>
    public static Tensor operator +(Tensor left, Tensor right) => From(NativeMethods.ht_add(MathArg(left), MathArg(right), MathOne.Native));

    /// <summary>left + right.</summary>
    public static Tensor operator +(Tensor left, Scalar right) => From(NativeMethods.ht_add_scalar(MathArg(left), right.Native, MathOne.Native));

    /// <summary>left + right.</summary>
    public static Tensor operator +(Scalar left, Tensor right) => From(NativeMethods.ht_add_scalar(MathArg(right), left.Native, MathOne.Native));

    /// <summary>left − right.</summary>
    public static Tensor operator -(Tensor left, Tensor right) => From(NativeMethods.ht_sub(MathArg(left), MathArg(right), MathOne.Native));

    /// <summary>left − right.</summary>
    public static Tensor operator -(Tensor left, Scalar right) => From(NativeMethods.ht_sub_scalar(MathArg(left), right.Native, MathOne.Native));

    /// <summary>left − right.</summary>
    public static Tensor operator -(Scalar left, Tensor right) => From(NativeMethods.ht_rsub_scalar(MathArg(right), left.Native, MathOne.Native));

    /// <summary>left · right.</summary>
    public static Tensor operator *(Tensor left, Tensor right) => From(NativeMethods.ht_binary(MathArg(left), MathArg(right), BinaryOp.Mul));

    /// <summary>left · right.</summary>
    public static Tensor operator *(Tensor left, Scalar right) => From(NativeMethods.ht_binary_scalar(MathArg(left), right.Native, BinaryOp.Mul));

    /// <summary>left · right.</summary>
    public static Tensor operator *(Scalar left, Tensor right) => From(NativeMethods.ht_scalar_binary(left.Native, MathArg(right), BinaryOp.Mul));

    /// <summary>left / right (true division).</summary>
    public static Tensor operator /(Tensor left, Tensor right) => From(NativeMethods.ht_div(MathArg(left), MathArg(right), null));

    /// <summary>left / right (true division).</summary>
    public static Tensor operator /(Tensor left, Scalar right) => From(NativeMethods.ht_div_scalar(MathArg(left), right.Native, null));

    /// <summary>left / right (true division).</summary>
    public static Tensor operator /(Scalar left, Tensor right) => From(NativeMethods.ht_scalar_div(left.Native, MathArg(right), null));

    /// <summary>Python's left % right (remainder with the divisor's sign).</summary>
    public static Tensor operator %(Tensor left, Tensor right) => From(NativeMethods.ht_binary(MathArg(left), MathArg(right), BinaryOp.Remainder));

    /// <summary>Python's left % right (remainder with the divisor's sign).</summary>
    public static Tensor operator %(Tensor left, Scalar right) => From(NativeMethods.ht_binary_scalar(MathArg(left), right.Native, BinaryOp.Remainder));

    /// <summary>−operand.</summary>
    public static Tensor operator -(Tensor operand) => From(NativeMethods.ht_unary(MathArg(operand), UnaryOp.Neg));

    /// <summary>left &lt; right, element-wise (bool).</summary>
    public static Tensor operator <(Tensor left, Tensor right) => From(NativeMethods.ht_binary(MathArg(left), MathArg(right), BinaryOp.Lt));

    /// <summary>left &lt; right, element-wise (bool).</summary>
    public static Tensor operator <(Tensor left, Scalar right) => From(NativeMethods.ht_binary_scalar(MathArg(left), right.Native, BinaryOp.Lt));

    /// <summary>left &lt; right, element-wise (bool).</summary>
    public static Tensor operator <(Scalar left, Tensor right) => From(NativeMethods.ht_binary_scalar(MathArg(right), left.Native, BinaryOp.Gt));

    /// <summary>left &gt; right, element-wise (bool).</summary>
    public static Tensor operator >(Tensor left, Tensor right) => From(NativeMethods.ht_binary(MathArg(left), MathArg(right), BinaryOp.Gt));

    /// <summary>left &gt; right, element-wise (bool).</summary>
    public static Tensor operator >(Tensor left, Scalar right) => From(NativeMethods.ht_binary_scalar(MathArg(left), right.Native, BinaryOp.Gt));

    /// <summary>left &gt; right, element-wise (bool).</summary>
    public static Tensor operator >(Scalar left, Tensor right) => From(NativeMethods.ht_binary_scalar(MathArg(right), left.Native, BinaryOp.Lt));

    /// <summary>left ≤ right, element-wise (bool).</summary>
    public static Tensor operator <=(Tensor left, Tensor right) => From(NativeMethods.ht_binary(MathArg(left), MathArg(right), BinaryOp.Le));

    /// <summary>left ≤ right, element-wise (bool).</summary>
    public static Tensor operator <=(Tensor left, Scalar right) => From(NativeMethods.ht_binary_scalar(MathArg(left), right.Native, BinaryOp.Le));

    /// <summary>left ≤ right, element-wise (bool).</summary>
    public static Tensor operator <=(Scalar left, Tensor right) => From(NativeMethods.ht_binary_scalar(MathArg(right), left.Native, BinaryOp.Ge));

    /// <summary>left ≥ right, element-wise (bool).</summary>
    public static Tensor operator >=(Tensor left, Tensor right) => From(NativeMethods.ht_binary(MathArg(left), MathArg(right), BinaryOp.Ge));

    /// <summary>left ≥ right, element-wise (bool).</summary>
    public static Tensor operator >=(Tensor left, Scalar right) => From(NativeMethods.ht_binary_scalar(MathArg(left), right.Native, BinaryOp.Ge));

    /// <summary>left ≥ right, element-wise (bool).</summary>
    public static Tensor operator >=(Scalar left, Tensor right) => From(NativeMethods.ht_binary_scalar(MathArg(right), left.Native, BinaryOp.Le));

    /// <summary>Bit-wise (for bool tensors: logical) and.</summary>
    public static Tensor operator &(Tensor left, Tensor right) => From(NativeMethods.ht_binary(MathArg(left), MathArg(right), BinaryOp.BitwiseAnd));

    /// <summary>Bit-wise (for bool tensors: logical) or.</summary>
    public static Tensor operator |(Tensor left, Tensor right) => From(NativeMethods.ht_binary(MathArg(left), MathArg(right), BinaryOp.BitwiseOr));

    /// <summary>Bit-wise (for bool tensors: logical) exclusive or.</summary>
    public static Tensor operator ^(Tensor left, Tensor right) => From(NativeMethods.ht_binary(MathArg(left), MathArg(right), BinaryOp.BitwiseXor));

    /// <summary>Bit-wise (for bool tensors: logical) not.</summary>
    public static Tensor operator ~(Tensor operand) => From(NativeMethods.ht_unary(MathArg(operand), UnaryOp.BitwiseNot));
}
