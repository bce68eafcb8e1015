using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Hydro.NetCdf.Native;

/// <summary>
/// The only door to the NetCDF C library. Each wrapper takes <see cref="Gate"/> around its native call(s):
/// libnetcdf (and HDF5 below it) keep global state and are not thread-safe, so every call in the process
/// is serialised. Wrappers return the raw status; callers turn a non-zero status into a
/// <see cref="NetCdfException"/> with <see cref="StrError"/>.
/// </summary>
internal static unsafe partial class Nc
{
    internal const int NoWrite = 0x0000;
    internal const int NetCdf4 = 0x1000;
    internal const int Global = -1;
    internal const int Unlimited = 0;
    private const int MaxName = 256;

    /// <summary>The one process-wide lock for libnetcdf (re-entrant: a wrapper may call another).</summary>
    internal static readonly Lock Gate = new();

    static Nc() => NativeLibrary.SetDllImportResolver(typeof(Nc).Assembly, Resolve);

    // "netcdf" → the Debian soname first (libnetcdf-dev may be absent at run time), then the usual names.
    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Lib)
        {
            return 0;
        }

        foreach (var candidate in new[] { "libnetcdf.so.19", "libnetcdf.so", "libnetcdf.dylib", "netcdf" })
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            "The NetCDF C library was not found (tried libnetcdf.so.19, libnetcdf.so, libnetcdf.dylib, netcdf). " +
            "Install it: on Debian/Ubuntu `apt-get install libnetcdf19` (or libnetcdf-dev).");
    }

    internal static string StrError(int status)
    {
        lock (Gate)
        {
            return Marshal.PtrToStringUTF8(nc_strerror(status)) ?? $"NetCDF error {status}";
        }
    }

    internal static int Open(string path, out int ncid)
    {
        int id;
        int status;
        lock (Gate)
        {
            status = nc_open(path, NoWrite, &id);
        }

        ncid = id;
        return status;
    }

    internal static int Create(string path, out int ncid)
    {
        int id;
        int status;
        lock (Gate)
        {
            status = nc_create(path, NetCdf4, &id);
        }

        ncid = id;
        return status;
    }

    internal static int Close(int ncid)
    {
        lock (Gate)
        {
            return nc_close(ncid);
        }
    }

    internal static int DimIds(int ncid, out int[] ids) => Ids(ncid, dims: true, out ids);

    internal static int VarIds(int ncid, out int[] ids) => Ids(ncid, dims: false, out ids);

    private static int Ids(int ncid, bool dims, out int[] ids)
    {
        ids = [];
        lock (Gate)
        {
            int n;
            var status = dims ? nc_inq_dimids(ncid, &n, null, 0) : nc_inq_varids(ncid, &n, null);
            if (status != 0)
            {
                return status;
            }

            ids = new int[n];
            fixed (int* p = ids)
            {
                return dims ? nc_inq_dimids(ncid, &n, p, 0) : nc_inq_varids(ncid, &n, p);
            }
        }
    }

    internal static int UnlimitedDims(int ncid, out int[] ids)
    {
        ids = [];
        lock (Gate)
        {
            int n;
            var status = nc_inq_unlimdims(ncid, &n, null);
            if (status != 0)
            {
                return status;
            }

            ids = new int[n];
            fixed (int* p = ids)
            {
                return nc_inq_unlimdims(ncid, &n, p);
            }
        }
    }

    internal static int GlobalAttCount(int ncid, out int count)
    {
        int n;
        int status;
        lock (Gate)
        {
            status = nc_inq_natts(ncid, &n);
        }

        count = n;
        return status;
    }

    internal static int InqDim(int ncid, int dimid, out string name, out long length)
    {
        var buffer = stackalloc byte[MaxName + 1];
        nuint len;
        int status;
        lock (Gate)
        {
            status = nc_inq_dim(ncid, dimid, buffer, &len);
        }

        name = status == 0 ? Utf8(buffer) : "";
        length = (long)len;
        return status;
    }

    internal static int InqVar(int ncid, int varid, out string name, out int type, out int[] dimids, out int natts)
    {
        var buffer = stackalloc byte[MaxName + 1];
        name = "";
        dimids = [];
        int xtype, ndims, n;
        lock (Gate)
        {
            var status = nc_inq_var(ncid, varid, buffer, &xtype, &ndims, null, &n);
            type = xtype;
            natts = n;
            if (status != 0)
            {
                return status;
            }

            name = Utf8(buffer);
            dimids = new int[ndims];
            fixed (int* p = dimids)
            {
                return nc_inq_var(ncid, varid, null, null, null, p, null);
            }
        }
    }

    internal static int AttName(int ncid, int varid, int index, out string name)
    {
        var buffer = stackalloc byte[MaxName + 1];
        int status;
        lock (Gate)
        {
            status = nc_inq_attname(ncid, varid, index, buffer);
        }

        name = status == 0 ? Utf8(buffer) : "";
        return status;
    }

    internal static int InqAtt(int ncid, int varid, string name, out int type, out long length)
    {
        int xtype;
        nuint len;
        int status;
        lock (Gate)
        {
            status = nc_inq_att(ncid, varid, name, &xtype, &len);
        }

        type = xtype;
        length = (long)len;
        return status;
    }

    internal static int GetAttText(int ncid, int varid, string name, long length, out string value)
    {
        var bytes = new byte[length];
        int status;
        fixed (byte* p = bytes)
        {
            lock (Gate)
            {
                status = nc_get_att_text(ncid, varid, name, p);
            }
        }

        // Text attributes may carry C terminators written by other tools; CF text never contains NUL.
        value = Encoding.UTF8.GetString(bytes).TrimEnd('\0');
        return status;
    }

    internal static int GetAttDoubles(int ncid, int varid, string name, long length, out double[] values)
    {
        values = new double[length];
        fixed (double* p = values)
        {
            lock (Gate)
            {
                return nc_get_att_double(ncid, varid, name, p);
            }
        }
    }

    internal static int GetAttStrings(int ncid, int varid, string name, long length, out string[] values)
    {
        values = new string[length];
        var pointers = new nint[length];
        fixed (nint* p = pointers)
        {
            lock (Gate)
            {
                var status = nc_get_att_string(ncid, varid, name, p);
                if (status != 0)
                {
                    return status;
                }

                for (var i = 0; i < length; i++)
                {
                    values[i] = Marshal.PtrToStringUTF8(pointers[i]) ?? "";
                }

                return nc_free_string((nuint)length, p);
            }
        }
    }
}
