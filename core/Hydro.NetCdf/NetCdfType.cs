namespace Hydro.NetCdf;

/// <summary>The NetCDF external data types (nc_type); values are those of netcdf.h.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The names mirror netcdf.h (NC_FLOAT, NC_STRING…) so they read like the C API and ncdump.")]
public enum NetCdfType
{
    /// <summary>No type (NC_NAT).</summary>
    None = 0,

    /// <summary>8-bit signed integer (NC_BYTE, int8).</summary>
    Byte = 1,

    /// <summary>8-bit character (NC_CHAR): classic text; arrays of it hold fixed-width strings.</summary>
    Char = 2,

    /// <summary>16-bit signed integer (NC_SHORT), the usual CF packed type.</summary>
    Short = 3,

    /// <summary>32-bit signed integer (NC_INT).</summary>
    Int = 4,

    /// <summary>32-bit float (NC_FLOAT).</summary>
    Float = 5,

    /// <summary>64-bit float (NC_DOUBLE).</summary>
    Double = 6,

    /// <summary>8-bit unsigned integer (NC_UBYTE).</summary>
    UByte = 7,

    /// <summary>16-bit unsigned integer (NC_USHORT).</summary>
    UShort = 8,

    /// <summary>32-bit unsigned integer (NC_UINT).</summary>
    UInt = 9,

    /// <summary>64-bit signed integer (NC_INT64).</summary>
    Int64 = 10,

    /// <summary>64-bit unsigned integer (NC_UINT64).</summary>
    UInt64 = 11,

    /// <summary>Variable-length UTF-8 string (NC_STRING, NetCDF-4 only).</summary>
    String = 12,
}
