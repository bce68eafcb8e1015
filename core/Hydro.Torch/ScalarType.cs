namespace Hydro.Torch;

/// <summary>Element types; the values are libtorch's <c>c10::ScalarType</c> codes.</summary>
public enum ScalarType
{
    Byte = 0,
    Int8 = 1,
    Int16 = 2,
    Int32 = 3,
    Int64 = 4,
    Float16 = 5,
    Float32 = 6,
    Float64 = 7,
    Bool = 11,
    BFloat16 = 15,
}

/// <summary>Element sizes and .NET counterparts of <see cref="ScalarType"/>.</summary>
public static class ScalarTypeExtensions
{
    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this ScalarType type) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown scalar type"),
    };

    /// <summary>True for float16/bfloat16/float32/float64.</summary>
    public static bool IsFloatingPoint(this ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;

    internal static ScalarType Of<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return ScalarType.Float32;
        }

        if (typeof(T) == typeof(double))
        {
            return ScalarType.Float64;
        }

        if (typeof(T) == typeof(long))
        {
            return ScalarType.Int64;
        }

        if (typeof(T) == typeof(int))
        {
            return ScalarType.Int32;
        }

        if (typeof(T) == typeof(bool))
        {
            return ScalarType.Bool;
        }

        if (typeof(T) == typeof(byte))
        {
            return ScalarType.Byte;
        }

        if (typeof(T) == typeof(short))
        {
            return ScalarType.Int16;
        }

        if (typeof(T) == typeof(sbyte))
        {
            return ScalarType.Int8;
        }

        throw new NotSupportedException($"{typeof(T).Name} has no tensor element type");
    }
}
