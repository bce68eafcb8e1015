using System.Runtime.InteropServices;

namespace Hydro.NetCdf.Native;

// Hyperslab reads and writes (nc_get_vara_* / nc_put_vara_*) and the define-mode calls of the writer.
// start/count are element indices per dimension, row-major like the variable's dimension order.
internal static unsafe partial class Nc
{
    internal static int GetVara(int ncid, int varid, ReadOnlySpan<long> start, ReadOnlySpan<long> count, Span<float> values) =>
        Vara(ncid, varid, start, count, values, &nc_get_vara_float);

    internal static int GetVara(int ncid, int varid, ReadOnlySpan<long> start, ReadOnlySpan<long> count, Span<double> values) =>
        Vara(ncid, varid, start, count, values, &nc_get_vara_double);

    internal static int GetVara(int ncid, int varid, ReadOnlySpan<long> start, ReadOnlySpan<long> count, Span<int> values) =>
        Vara(ncid, varid, start, count, values, &nc_get_vara_int);

    internal static int GetVaraText(int ncid, int varid, ReadOnlySpan<long> start, ReadOnlySpan<long> count, Span<byte> values) =>
        Vara(ncid, varid, start, count, values, &nc_get_vara_text);

    /// <summary>
    /// One hyperslab call (<c>nc_get_vara_*</c> or <c>nc_put_vara_*</c>) under the library lock: the element type and the
    /// native function are all that differ between them. A get writes into <paramref name="values"/>.
    /// </summary>
    private static int Vara<T>(int ncid, int varid, ReadOnlySpan<long> start, ReadOnlySpan<long> count, ReadOnlySpan<T> values,
        delegate*<int, int, nuint*, nuint*, T*, int> call)
        where T : unmanaged
    {
        Span<nuint> s = stackalloc nuint[Math.Max(start.Length, 1)];
        Span<nuint> c = stackalloc nuint[Math.Max(count.Length, 1)];
        Fill(start, count, s, c);
        fixed (nuint* ps = s, pc = c)
        fixed (T* p = values)
        {
            lock (Gate)
            {
                return call(ncid, varid, ps, pc, p);
            }
        }
    }

    internal static int GetVaraStrings(int ncid, int varid, ReadOnlySpan<long> start, ReadOnlySpan<long> count, string[] values)
    {
        Span<nuint> s = stackalloc nuint[Math.Max(start.Length, 1)];
        Span<nuint> c = stackalloc nuint[Math.Max(count.Length, 1)];
        Fill(start, count, s, c);
        var pointers = new nint[values.Length];
        fixed (nuint* ps = s, pc = c)
        fixed (nint* p = pointers)
        {
            lock (Gate)
            {
                var status = nc_get_vara_string(ncid, varid, ps, pc, p);
                if (status != 0)
                {
                    return status;
                }

                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Marshal.PtrToStringUTF8(pointers[i]) ?? "";
                }

                return nc_free_string((nuint)values.Length, p);
            }
        }
    }

    internal static int DefDim(int ncid, string name, long length, out int dimid)
    {
        int id;
        int status;
        lock (Gate)
        {
            status = nc_def_dim(ncid, name, (nuint)length, &id);
        }

        dimid = id;
        return status;
    }

    internal static int DefVar(int ncid, string name, int type, ReadOnlySpan<int> dimids, out int varid)
    {
        int id;
        int status;
        fixed (int* p = dimids)
        {
            lock (Gate)
            {
                status = nc_def_var(ncid, name, type, dimids.Length, p, &id);
            }
        }

        varid = id;
        return status;
    }

    internal static int DefDeflate(int ncid, int varid, int level)
    {
        lock (Gate)
        {
            return nc_def_var_deflate(ncid, varid, shuffle: 1, deflate: 1, level);
        }
    }

    internal static int PutAttText(int ncid, int varid, string name, string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(value);
        fixed (byte* p = bytes)
        {
            lock (Gate)
            {
                return nc_put_att_text(ncid, varid, name, (nuint)bytes.Length, p);
            }
        }
    }

    internal static int PutAttDoubles(int ncid, int varid, string name, int type, ReadOnlySpan<double> values)
    {
        fixed (double* p = values)
        {
            lock (Gate)
            {
                return nc_put_att_double(ncid, varid, name, type, (nuint)values.Length, p);
            }
        }
    }

    internal static int PutVara(int ncid, int varid, ReadOnlySpan<long> start, ReadOnlySpan<long> count, ReadOnlySpan<float> values) =>
        Vara(ncid, varid, start, count, values, &nc_put_vara_float);

    internal static int PutVara(int ncid, int varid, ReadOnlySpan<long> start, ReadOnlySpan<long> count, ReadOnlySpan<double> values) =>
        Vara(ncid, varid, start, count, values, &nc_put_vara_double);

    internal static int PutVara(int ncid, int varid, ReadOnlySpan<long> start, ReadOnlySpan<long> count, ReadOnlySpan<int> values) =>
        Vara(ncid, varid, start, count, values, &nc_put_vara_int);

    internal static int PutVaraStrings(int ncid, int varid, ReadOnlySpan<long> start, ReadOnlySpan<long> count, IReadOnlyList<string> values)
    {
        Span<nuint> s = stackalloc nuint[Math.Max(start.Length, 1)];
        Span<nuint> c = stackalloc nuint[Math.Max(count.Length, 1)];
        Fill(start, count, s, c);
        var pointers = new nint[values.Count];
        try
        {
            for (var i = 0; i < pointers.Length; i++)
            {
                pointers[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
            }

            fixed (nuint* ps = s, pc = c)
            fixed (nint* p = pointers)
            {
                lock (Gate)
                {
                    return nc_put_vara_string(ncid, varid, ps, pc, p);
                }
            }
        }
        finally
        {
            foreach (var pointer in pointers)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    private static void Fill(ReadOnlySpan<long> start, ReadOnlySpan<long> count, Span<nuint> s, Span<nuint> c)
    {
        for (var i = 0; i < start.Length; i++)
        {
            s[i] = (nuint)start[i];
            c[i] = (nuint)count[i];
        }
    }

    private static string Utf8(byte* text) => Marshal.PtrToStringUTF8((nint)text) ?? "";
}
