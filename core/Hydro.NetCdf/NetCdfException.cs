using Hydro.Abstractions.Contracts;
using Hydro.NetCdf.Native;

namespace Hydro.NetCdf;

/// <summary>
/// A NetCDF file that cannot be read or written as asked: not a NetCDF file, truncated, a variable or dimension
/// missing or shaped differently than expected, unparsable time units. The message names the file, the variable,
/// what was expected and seen, and what to do. A <see cref="DataException"/>, so the CLI exits with code 2.
/// </summary>
public sealed class NetCdfException : DataException
{
    /// <summary>Creates the exception.</summary>
    public NetCdfException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NetCdfException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public NetCdfException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception for a file and (optionally) one of its variables.</summary>
    public NetCdfException(string? path, string? variable, string message, Exception? inner = null)
        : base(Format(path, variable, message), inner!)
    {
        FilePath = path;
        Variable = variable;
    }

    /// <summary>The NetCDF file concerned, when known.</summary>
    public string? FilePath { get; }

    /// <summary>The variable concerned, when known.</summary>
    public string? Variable { get; }

    private static string Format(string? path, string? variable, string message) =>
        (path, variable) switch
        {
            (null, null) => message,
            (null, _) => $"variable '{variable}': {message}",
            (_, null) => $"{path}: {message}",
            _ => $"{path}: variable '{variable}': {message}",
        };

    /// <summary>Throws for a non-zero libnetcdf status, with the library's own words (nc_strerror) and a hint.</summary>
    internal static void Check(int status, string path, string? variable, string action)
    {
        if (status != 0)
        {
            throw FromStatus(status, path, variable, action);
        }
    }

    internal static NetCdfException FromStatus(int status, string path, string? variable, string action)
    {
        var hint = status switch
        {
            -51 => "The file is not a NetCDF-3 or NetCDF-4/HDF5 file (or its header is damaged): check the path, and " +
                   "that the file is complete (`ncdump -h FILE`); regenerate or download it again.",
            -101 or -104 or -107 or -115 or -117 or -128 => "The HDF5 layer could not read the file: it is probably " +
                   "truncated or damaged (an interrupted copy or download). Check its size and regenerate or download it again.",
            -49 => "The variable does not exist in this file; list the variables with `ncdump -h FILE`.",
            -46 => "The dimension does not exist in this file; list them with `ncdump -h FILE`.",
            -40 or -57 => "The window (start/count) lies outside the variable's shape.",
            -60 => "A value does not fit the requested type (NC_ERANGE); read it as double instead.",
            -56 or -45 => "Text and numbers cannot be converted into each other: read strings with ReadStrings.",
            -13 or -2 => "Check that the path exists and can be read (or written, for an output).",
            _ => "Check the file with `ncdump -h FILE`.",
        };
        return new NetCdfException(path, variable, $"{action} failed: {Nc.StrError(status)} (NetCDF status {status}). {hint}");
    }
}
