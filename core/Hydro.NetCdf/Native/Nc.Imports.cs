using System.Runtime.InteropServices;

namespace Hydro.NetCdf.Native;

// The raw entry points of netcdf.h. Private on purpose: every call goes through a wrapper in Nc.cs that holds
// Nc.Gate, because the NetCDF C library (and the HDF5 under it) is not thread-safe.
internal static unsafe partial class Nc
{
    private const string Lib = "netcdf";

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int nc_open(string path, int mode, int* ncidp);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int nc_create(string path, int cmode, int* ncidp);

    [LibraryImport(Lib)]
    private static partial int nc_close(int ncid);

    [LibraryImport(Lib)]
    private static partial nint nc_strerror(int status);

    [LibraryImport(Lib)]
    private static partial int nc_inq_dimids(int ncid, int* ndims, int* dimids, int includeParents);

    [LibraryImport(Lib)]
    private static partial int nc_inq_varids(int ncid, int* nvars, int* varids);

    [LibraryImport(Lib)]
    private static partial int nc_inq_natts(int ncid, int* ngatts);

    [LibraryImport(Lib)]
    private static partial int nc_inq_unlimdims(int ncid, int* nunlimdims, int* unlimdimids);

    [LibraryImport(Lib)]
    private static partial int nc_inq_dim(int ncid, int dimid, byte* name, nuint* length);

    [LibraryImport(Lib)]
    private static partial int nc_inq_var(int ncid, int varid, byte* name, int* xtype, int* ndims, int* dimids, int* natts);

    [LibraryImport(Lib)]
    private static partial int nc_inq_attname(int ncid, int varid, int attnum, byte* name);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int nc_inq_att(int ncid, int varid, string name, int* xtype, nuint* length);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int nc_get_att_text(int ncid, int varid, string name, byte* value);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int nc_get_att_double(int ncid, int varid, string name, double* value);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int nc_get_att_string(int ncid, int varid, string name, nint* value);

    [LibraryImport(Lib)]
    private static partial int nc_free_string(nuint length, nint* data);

    [LibraryImport(Lib)]
    private static partial int nc_get_vara_float(int ncid, int varid, nuint* start, nuint* count, float* value);

    [LibraryImport(Lib)]
    private static partial int nc_get_vara_double(int ncid, int varid, nuint* start, nuint* count, double* value);

    [LibraryImport(Lib)]
    private static partial int nc_get_vara_int(int ncid, int varid, nuint* start, nuint* count, int* value);

    [LibraryImport(Lib)]
    private static partial int nc_get_vara_text(int ncid, int varid, nuint* start, nuint* count, byte* value);

    [LibraryImport(Lib)]
    private static partial int nc_get_vara_string(int ncid, int varid, nuint* start, nuint* count, nint* value);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int nc_def_dim(int ncid, string name, nuint length, int* dimid);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int nc_def_var(int ncid, string name, int xtype, int ndims, int* dimids, int* varid);

    [LibraryImport(Lib)]
    private static partial int nc_def_var_deflate(int ncid, int varid, int shuffle, int deflate, int level);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int nc_put_att_text(int ncid, int varid, string name, nuint length, byte* value);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int nc_put_att_double(int ncid, int varid, string name, int xtype, nuint length, double* value);

    [LibraryImport(Lib)]
    private static partial int nc_put_vara_float(int ncid, int varid, nuint* start, nuint* count, float* value);

    [LibraryImport(Lib)]
    private static partial int nc_put_vara_double(int ncid, int varid, nuint* start, nuint* count, double* value);

    [LibraryImport(Lib)]
    private static partial int nc_put_vara_int(int ncid, int varid, nuint* start, nuint* count, int* value);

    [LibraryImport(Lib)]
    private static partial int nc_put_vara_string(int ncid, int varid, nuint* start, nuint* count, nint* value);
}
