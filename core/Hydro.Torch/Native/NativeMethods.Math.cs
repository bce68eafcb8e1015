using System.Runtime.InteropServices;

namespace Hydro.Torch.Native;

/// <summary>Op codes of <c>ht_unary</c>/<c>ht_unary_</c> (native/src/ops_math.cpp).</summary>
internal enum UnaryOp
{
    Neg = 0,
    Exp = 1,
    Log = 2,
    Log10 = 3,
    Log1p = 4,
    Expm1 = 5,
    Sqrt = 6,
    Rsqrt = 7,
    Abs = 8,
    Sign = 9,
    Sigmoid = 10,
    Tanh = 11,
    Relu = 12,
    Lgamma = 13,
    Digamma = 14,
    Erf = 15,
    Sin = 16,
    Cos = 17,
    Floor = 18,
    Ceil = 19,
    Round = 20,
    Reciprocal = 21,
    Square = 22,
    IsNan = 23,
    IsFinite = 24,
    LogicalNot = 25,
    BitwiseNot = 26,
    Log2 = 27,
    Trunc = 28,
    Tan = 29,
    Erfc = 30,
    IsInf = 31,
    Exp2 = 32,
    Zero = 33,
}

/// <summary>Op codes of <c>ht_binary*</c> (native/src/ops_math.cpp).</summary>
internal enum BinaryOp
{
    Mul = 0,
    Pow = 1,
    Eq = 2,
    Ne = 3,
    Lt = 4,
    Le = 5,
    Gt = 6,
    Ge = 7,
    LogicalAnd = 8,
    LogicalOr = 9,
    LogicalXor = 10,
    BitwiseAnd = 11,
    BitwiseOr = 12,
    BitwiseXor = 13,
    Minimum = 14,
    Maximum = 15,
    ClampMin = 16,
    ClampMax = 17,
    Matmul = 18,
    Mm = 19,
    Bmm = 20,
    Outer = 21,
    Dot = 22,
    Remainder = 23,
    Fmod = 24,
    Atan2 = 25,
    Copy = 100,
    Fill = 101,
}

/// <summary>Op codes of <c>ht_reduce</c> (native/src/ops_reduce.cpp).</summary>
internal enum ReduceOp
{
    Sum = 0,
    Mean = 1,
    NanSum = 2,
    NanMean = 3,
    Amin = 4,
    Amax = 5,
    LogSumExp = 6,
    CountNonzero = 7,
}

/// <summary>Entry points of the math area: element-wise ops, comparisons, matrix products and reductions.</summary>
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr ht_unary(TensorHandle t, UnaryOp op);
    [LibraryImport(Lib)] internal static partial int ht_unary_(TensorHandle t, UnaryOp op);
    [LibraryImport(Lib)] internal static partial IntPtr ht_binary(TensorHandle a, TensorHandle b, BinaryOp op);
    [LibraryImport(Lib)] internal static partial IntPtr ht_binary_scalar(TensorHandle a, NativeScalar b, BinaryOp op);
    [LibraryImport(Lib)] internal static partial IntPtr ht_scalar_binary(NativeScalar a, TensorHandle b, BinaryOp op);
    [LibraryImport(Lib)] internal static partial int ht_binary_(TensorHandle a, TensorHandle b, BinaryOp op);
    [LibraryImport(Lib)] internal static partial int ht_binary_scalar_(TensorHandle a, NativeScalar b, BinaryOp op);

    [LibraryImport(Lib)] internal static partial IntPtr ht_add(TensorHandle a, TensorHandle b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial IntPtr ht_add_scalar(TensorHandle a, NativeScalar b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sub(TensorHandle a, TensorHandle b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial IntPtr ht_sub_scalar(TensorHandle a, NativeScalar b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial IntPtr ht_rsub_scalar(TensorHandle a, NativeScalar b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int ht_add_(TensorHandle a, TensorHandle b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int ht_add_scalar_(TensorHandle a, NativeScalar b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int ht_sub_(TensorHandle a, TensorHandle b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int ht_sub_scalar_(TensorHandle a, NativeScalar b, NativeScalar alpha);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr ht_div(TensorHandle a, TensorHandle b, string? mode);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr ht_div_scalar(TensorHandle a, NativeScalar b, string? mode);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr ht_scalar_div(NativeScalar a, TensorHandle b, string? mode);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int ht_div_(TensorHandle a, TensorHandle b, string? mode);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int ht_div_scalar_(TensorHandle a, NativeScalar b, string? mode);

    [LibraryImport(Lib)] internal static partial IntPtr ht_clamp(TensorHandle t, NativeScalar min, int hasMin, NativeScalar max, int hasMax);
    [LibraryImport(Lib)] internal static partial IntPtr ht_clamp_tensor(TensorHandle t, IntPtr min, IntPtr max);
    [LibraryImport(Lib)] internal static partial int ht_clamp_(TensorHandle t, NativeScalar min, int hasMin, NativeScalar max, int hasMax);
    [LibraryImport(Lib)] internal static partial int ht_clamp_tensor_(TensorHandle t, IntPtr min, IntPtr max);
    [LibraryImport(Lib)] internal static partial IntPtr ht_where(TensorHandle cond, IntPtr a, NativeScalar sa, IntPtr b, NativeScalar sb);
    [LibraryImport(Lib)] internal static partial IntPtr ht_lerp(TensorHandle t, TensorHandle end, IntPtr weight, NativeScalar w);
    [LibraryImport(Lib)] internal static partial int ht_lerp_(TensorHandle t, TensorHandle end, IntPtr weight, NativeScalar w);
    [LibraryImport(Lib)] internal static partial IntPtr ht_addc(TensorHandle t, TensorHandle t1, TensorHandle t2, NativeScalar value, int div);
    [LibraryImport(Lib)] internal static partial int ht_addc_(TensorHandle t, TensorHandle t1, TensorHandle t2, NativeScalar value, int div);
    [LibraryImport(Lib)] internal static partial IntPtr ht_softplus(TensorHandle t, NativeScalar beta, NativeScalar threshold);
    [LibraryImport(Lib)] internal static partial IntPtr ht_elu(TensorHandle t, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial IntPtr ht_nan_to_num(TensorHandle t, double nan, double posinf, int hasPosinf, double neginf, int hasNeginf);

    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_reduce(TensorHandle t, ReduceOp op, long* dims, int ndim, int keepdim, int dtype);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_std_var(TensorHandle t, int var, long* dims, int ndim, int unbiased, int keepdim);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ht_norm(TensorHandle t, double p, long* dims, int ndim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_min_max_all(TensorHandle t, int max);
    [LibraryImport(Lib)] internal static partial IntPtr ht_min_max_dim(TensorHandle t, int max, long dim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_arg_min_max(TensorHandle t, int max, long dim, int hasDim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ht_prod(TensorHandle t, long dim, int hasDim, int keepdim, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr ht_cum(TensorHandle t, int prod, long dim, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr ht_all_any(TensorHandle t, int any, long dim, int hasDim, int keepdim);
}
