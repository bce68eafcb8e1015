using Hydro.NetCdf.Native;

namespace Hydro.NetCdf;

/// <summary>
/// A NetCDF file (NetCDF-3 or NetCDF-4, root group) opened read-only. Metadata (dimensions, variables,
/// attributes) is read once at <see cref="Open"/>; values are read on demand, one hyperslab at a time
/// (<see cref="ReadFloat"/> and friends), so a window of a large grid never loads the whole file.
/// </summary>
/// <example>
/// <code>
/// using var nc = NetCdfFile.Open("lez.nc");
/// var p = nc.RequireDimensions("precipitation", "time", "y", "x");
/// float[] window = nc.ReadFloat("precipitation", [10, 0, 0], [5, p.Shape[1], p.Shape[2]]); // [5, y, x]
/// DateTime[] time = nc.ReadTimes("time");
/// </code>
/// </example>
public sealed partial class NetCdfFile : IDisposable
{
    private readonly SharedHandle handle;
    private readonly int ncid;
    private bool disposed;

    private NetCdfFile(string path, SharedHandle handle)
    {
        Path = path;
        this.handle = handle;
        ncid = handle.Ncid;
        Dimensions = handle.Metadata.Dimensions;
        Variables = handle.Metadata.Variables;
        Attributes = handle.Metadata.Attributes;
    }

    /// <summary>The path the file was opened with (used in every error message).</summary>
    public string Path { get; }

    /// <summary>Dimensions by name.</summary>
    public IReadOnlyDictionary<string, NetCdfDimension> Dimensions { get; }

    /// <summary>Variables by name (root group).</summary>
    public IReadOnlyDictionary<string, NetCdfVariable> Variables { get; }

    /// <summary>Global attributes by name.</summary>
    public IReadOnlyDictionary<string, NetCdfAttribute> Attributes { get; }

    /// <summary>Opens a NetCDF file read-only.</summary>
    /// <exception cref="NetCdfException">The file is missing, not NetCDF, or damaged.</exception>
    public static NetCdfFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new NetCdfException(path, null,
                Directory.Exists(path) ? "is a directory, not a NetCDF file." : "file not found. Check the path (relative paths are resolved from the working directory).");
        }

        // All metadata is read at open (libnetcdf would load attributes lazily) and shared by readers of the file.
        return new NetCdfFile(path, SharedHandles.Acquire(path, id => Load(path, id)));
    }

    /// <summary>A variable by name.</summary>
    /// <exception cref="NetCdfException">No such variable (the message lists those present).</exception>
    public NetCdfVariable Variable(string name) =>
        Variables.TryGetValue(name, out var v) ? v
            : throw new NetCdfException(Path, name,
                $"no such variable. The file has: {string.Join(", ", Variables.Keys)}. Check the variable name in the configuration.");

    /// <summary>A dimension by name.</summary>
    /// <exception cref="NetCdfException">No such dimension (the message lists those present).</exception>
    public NetCdfDimension Dimension(string name) =>
        Dimensions.TryGetValue(name, out var d) ? d
            : throw new NetCdfException(Path, null,
                $"no dimension '{name}'. The file has: {string.Join(", ", Dimensions.Values.Select(x => $"{x.Name}({x.Length})"))}.");

    /// <summary>The variable, checked to have exactly these dimensions in this order.</summary>
    /// <exception cref="NetCdfException">Missing variable, or other dimensions (expected and seen are named).</exception>
    public NetCdfVariable RequireDimensions(string variable, params string[] dimensions)
    {
        var v = Variable(variable);
        if (!v.Dimensions.SequenceEqual(dimensions, StringComparer.Ordinal))
        {
            throw new NetCdfException(Path, variable,
                $"expected dimensions ({string.Join(", ", dimensions)}) but the file has {v.Name}({string.Join(", ", v.Dimensions)}) " +
                $"with shape [{string.Join(", ", v.Shape)}]. Rewrite the file with that dimension order (e.g. xarray's transpose) or fix the variable name.");
        }

        return v;
    }

    /// <summary>A global text attribute, or null.</summary>
    public string? GlobalText(string attribute) => Attributes.GetValueOrDefault(attribute)?.Text;

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            SharedHandles.Release(handle);
        }
    }

    /// <summary>The path.</summary>
    public override string ToString() => Path;

    private static NetCdfMetadata Load(string path, int ncid)
    {
        void Check(int status, string? variable, string action) => NetCdfException.Check(status, path, variable, action);

        var dimensions = new Dictionary<string, NetCdfDimension>(StringComparer.Ordinal);
        var dimensionNames = new Dictionary<int, string>();
        Check(Nc.UnlimitedDims(ncid, out var unlimited), null, "listing unlimited dimensions");
        Check(Nc.DimIds(ncid, out var dimIds), null, "listing dimensions");
        foreach (var id in dimIds)
        {
            Check(Nc.InqDim(ncid, id, out var name, out var length), null, $"reading dimension {id}");
            dimensions[name] = new NetCdfDimension(name, checked((int)length), unlimited.Contains(id));
            dimensionNames[id] = name;
        }

        var variables = new Dictionary<string, NetCdfVariable>(StringComparer.Ordinal);
        Check(Nc.VarIds(ncid, out var varIds), null, "listing variables");
        foreach (var id in varIds)
        {
            Check(Nc.InqVar(ncid, id, out var name, out var type, out var dims, out var natts), null, $"reading variable {id}");
            var names = dims.Select(d => dimensionNames[d]).ToArray();
            variables[name] = new NetCdfVariable(id, name, (NetCdfType)type, names,
                names.Select(n => dimensions[n].Length).ToArray(), ReadAttributes(path, ncid, id, natts, name));
        }

        Check(Nc.GlobalAttCount(ncid, out var globalCount), null, "counting global attributes");
        return new NetCdfMetadata(dimensions, variables, ReadAttributes(path, ncid, Nc.Global, globalCount, null));
    }

    private static Dictionary<string, NetCdfAttribute> ReadAttributes(string path, int ncid, int varid, int count, string? variable)
    {
        void Check(int status, string? v, string action) => NetCdfException.Check(status, path, v, action);

        var attributes = new Dictionary<string, NetCdfAttribute>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            Check(Nc.AttName(ncid, varid, i, out var name), variable, $"reading attribute {i}");
            Check(Nc.InqAtt(ncid, varid, name, out var type, out var length), variable, $"reading attribute '{name}'");
            var t = (NetCdfType)type;
            NetCdfAttribute attribute;
            if (t == NetCdfType.Char)
            {
                Check(Nc.GetAttText(ncid, varid, name, length, out var text), variable, $"reading attribute '{name}'");
                attribute = new NetCdfAttribute(name, t, text, []);
            }
            else if (t == NetCdfType.String)
            {
                Check(Nc.GetAttStrings(ncid, varid, name, length, out var texts), variable, $"reading attribute '{name}'");
                attribute = new NetCdfAttribute(name, t, string.Join('\n', texts), []);
            }
            else if (t is >= NetCdfType.Byte and <= NetCdfType.UInt64)
            {
                Check(Nc.GetAttDoubles(ncid, varid, name, length, out var numbers), variable, $"reading attribute '{name}'");
                attribute = new NetCdfAttribute(name, t, null, numbers);
            }
            else
            {
                continue; // user-defined types (compound, enum, vlen) carry nothing CF needs here
            }

            attributes[name] = attribute;
        }

        return attributes;
    }

    private void Check(int status, string? variable, string action) =>
        NetCdfException.Check(status, Path, variable, action);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);
}
