using Hydro.Torch.Native;

namespace Hydro.Torch;

/// <summary>A number passed to a tensor op; an integer stays an integer (PyTorch's promotion rules).</summary>
public readonly struct Scalar
{
    private readonly NativeScalar value;

    private Scalar(NativeScalar value) => this.value = value;

    internal NativeScalar Native => value;

    /// <summary>The value as a double.</summary>
    public double ToDouble() => value.Kind == 0 ? value.D : value.I;

    public static implicit operator Scalar(double d) => new(new NativeScalar { D = d, Kind = 0 });

    public static implicit operator Scalar(float f) => new(new NativeScalar { D = f, Kind = 0 });

    public static implicit operator Scalar(long i) => new(new NativeScalar { I = i, D = i, Kind = 1 });

    public static implicit operator Scalar(int i) => new(new NativeScalar { I = i, D = i, Kind = 1 });

    public static implicit operator Scalar(bool b) => new(new NativeScalar { I = b ? 1 : 0, D = b ? 1 : 0, Kind = 2 });

    public static Scalar FromDouble(double d) => d;

    public static Scalar FromInt64(long i) => i;

    public static Scalar FromBoolean(bool b) => b;

    public static Scalar FromSingle(float f) => f;

    public static Scalar FromInt32(int i) => i;
}
